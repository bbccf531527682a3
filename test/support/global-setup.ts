// Runs once before any test. The tests read the real reports in ../shared,
// beside this checkout and never copied into it; without that folder each of
// them would fail on its own with ENOENT. One clear stop instead, saying how
// to put it there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { SHARED } from './fixtures';

export default function setup(): void {
  if (existsSync(join(SHARED, 'seeds'))) return;
  const found = sharedBesideOrigin();
  throw new Error(
    `the tests read the real reports in ${SHARED} (seeds/, corpus/, spec/, word/), and it is not there. ` +
      `Clone this repository into the folder that holds shared/, or link it: ln -s ${found ?? '/path/to/shared'} ${SHARED}`,
  );
}

/** A clone of a local checkout: the shared folder beside the checkout it was cloned from, if there is one. */
function sharedBesideOrigin(): string | undefined {
  try {
    const origin = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: __dirname, encoding: 'utf8' }).trim();
    // `git clone . dir` records the origin as `/path/to/checkout/.`: resolved first.
    const candidate = isAbsolute(origin) ? resolve(origin, '..', 'shared') : undefined;
    return candidate && existsSync(join(candidate, 'seeds')) ? candidate : undefined;
  } catch {
    return undefined;
  }
}
