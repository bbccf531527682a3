// The nearest file of a given name in the folder of a document or a folder
// above it (.xxgklintrc.json, xxgklint-baseline.json), parsed once and read
// again only when it changes. Only its text is read; nothing is ever run.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How many folders up a search goes at most. */
const MAX_DEPTH = 64;

export interface Found<T> {
  /** The folder that holds the file. */
  dir: string;
  value: T;
  /** Read just now (first time, or changed since). */
  fresh: boolean;
}

export class NearestFiles<T> {
  private readonly cache = new Map<string, { mtimeMs: number; value: T }>();

  constructor(
    private readonly name: string,
    /** Turns the file's text into a value; must not throw (errors belong in the value). */
    private readonly parse: (file: string, text: string) => T,
  ) {}

  /** Forget what was read (a file changed). */
  clear(): void {
    this.cache.clear();
  }

  /** The nearest file above the document `uri` (file: URIs only). */
  forUri(uri: string): Found<T> | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let dir: string;
    try {
      dir = dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    for (let i = 0; i < MAX_DEPTH; i++) {
      const hit = this.read(dir);
      if (hit) return hit;
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
    return undefined;
  }

  private read(dir: string): Found<T> | undefined {
    const file = join(dir, this.name);
    let mtimeMs: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return undefined;
      mtimeMs = st.mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return { dir, value: cached.value, fresh: false };
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Unreadable though it exists: parsed as empty, which `parse` reports as an error.
    }
    const value = this.parse(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    this.cache.set(file, { mtimeMs, value });
    return { dir, value, fresh: true };
  }
}
