// Writing a fixed file: a temp file in the same folder, then rename, so a
// reader (or a crash) never sees a half-written report.
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class ChangedMeanwhile extends Error {}

/** Replaces `path` with `bytes`; refuses when the file no longer matches `expected` (changed since it was read). */
export function writeAtomic(path: string, bytes: Buffer, expected?: { mtimeMs: number; size: number }): void {
  // Through a symlink, replace the file it points to, not the link.
  const file = realpathSync(path);
  const mode = statSync(file).mode & 0o7777;
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.xxgk-lint.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, mode);
    if (expected) {
      const now = statSync(file);
      if (now.mtimeMs !== expected.mtimeMs || now.size !== expected.size) throw new ChangedMeanwhile('the file changed while it was being fixed; left as it is');
    }
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone (or never made): nothing to clean up.
    }
    throw e;
  }
}
