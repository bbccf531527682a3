// Runs the built CLI (node bin/xxgk-lint.js) as a child process, building
// dist/cli.js first when any source is newer, so `npx vitest run test/cli`
// works on its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'xxgk-lint.js');
const DIST = join(ROOT, 'dist', 'cli.js');
const LOCK = join(ROOT, 'dist', '.cli-test-build.lock');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

function stale(): boolean {
  try {
    const built = statSync(DIST).mtimeMs;
    return [join(ROOT, 'server', 'src'), join(ROOT, 'schemas'), join(ROOT, 'package.json')].some((p) => newest(p) > built);
  } catch {
    return true;
  }
}

/** Builds once even when several test files ask at the same time. */
export function ensureBuilt(): void {
  if (!stale()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is older than any real build.
      if (Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000) rmdirSync(LOCK);
      if (i > 1200) throw new Error(`build lock ${LOCK} held too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (stale()) {
      const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    rmdirSync(LOCK);
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `cwd` (default: the repository root); no shell, so globs reach it unexpanded. */
export function cli(args: string[], cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
