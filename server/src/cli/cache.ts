// --cache: results of unchanged files are reused. A result is stored under a
// key hashed from the file's bytes (and last year's report's, for
// carried-over), the options that apply to it, and this very build of the
// checker, so any change to one of them checks the file again and the output
// is the same as without the cache.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckedResult, FileTask } from './check-file';
import { VERSION } from './version';

export const CACHE_NAME = '.xxgklintcache';

/** Given to a task: what the main thread knows; the worker hashes the bytes. */
export interface CacheProbe {
  /** Hash of everything but the bytes. */
  base: string;
  /** The key and result stored last time for this file. */
  key?: string;
  result?: CheckedResult;
}

interface CacheFile {
  version: 1;
  entries: Record<string, { key: string; result: CheckedResult }>;
}

/** The key of a task's result: its `base` and the bytes it reads. */
export function cacheKey(task: FileTask, bytes: Uint8Array): string {
  const h = createHash('sha256').update(task.cached!.base).update(bytes);
  if (task.previous) {
    try {
      h.update('\u0000previous\u0000').update(readFileSync(task.previous));
    } catch {
      h.update('\u0000unreadable');
    }
  }
  return h.digest('hex');
}

export class ResultCache {
  private readonly file: string;
  private readonly entries: CacheFile['entries'];
  private readonly build: string;

  /** `location`: a file, or a folder to hold `.xxgklintcache` (default: the current folder). */
  constructor(location: string | undefined) {
    const where = resolve(location ?? CACHE_NAME);
    const isDir = location !== undefined && (/[\\/]$/.test(location) || (existsSync(where) && statSync(where).isDirectory()));
    this.file = isDir ? join(where, CACHE_NAME) : where;
    this.entries = load(this.file);
    // This build of the checker: the bundle's own bytes, so a changed rule never reuses old results.
    this.build = createHash('sha256').update(VERSION).update(readSelf()).digest('hex');
  }

  probe(task: FileTask): CacheProbe {
    const base = createHash('sha256')
      .update(JSON.stringify([this.build, task.options, task.previous ?? null, task.dryRun ?? false, task.want ?? null, task.explicit]))
      .digest('hex');
    const hit = this.entries[resolve(task.path)];
    return hit ? { base, key: hit.key, result: hit.result } : { base };
  }

  store(result: CheckedResult): void {
    if (!result.cacheKey) return;
    const { cacheKey: key, ...rest } = result;
    this.entries[resolve(result.path)] = { key, result: rest };
  }

  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, entries: this.entries } satisfies CacheFile));
    renameSync(tmp, this.file);
  }
}

function load(file: string): CacheFile['entries'] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return data.version === 1 && data.entries && typeof data.entries === 'object' ? data.entries : {};
  } catch {
    return {}; // No cache yet, or a damaged one: start afresh.
  }
}

function readSelf(): Buffer {
  try {
    return readFileSync(__filename);
  } catch {
    return Buffer.alloc(0);
  }
}
