// The nearest file of a given name in the folder of a document or a folder
// above it (.xxgklintrc.json, xxgklint-baseline.json), parsed once. The editor
// reads it again when it changes; a command-line run, where nothing changes
// under it, remembers each folder's answer instead of looking again.
// Only its text is read; nothing is ever run.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
  /** With `once`: each folder's answer, kept for the run. */
  private readonly byDir = new Map<string, Found<T> | undefined>();

  constructor(
    private readonly name: string,
    /** Turns the file's text into a value; must not throw (errors belong in the value). */
    private readonly parse: (file: string, text: string) => T,
    /** Look in each folder once (a command-line run) rather than again on every call (the editor). */
    private readonly once = false,
  ) {}

  /** Forget what was read (a file changed). */
  clear(): void {
    this.cache.clear();
    this.byDir.clear();
  }

  /** The nearest file above the file at `path`. */
  forFile(path: string): Found<T> | undefined {
    return this.above(dirname(resolve(path)));
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
    return this.above(dir);
  }

  private above(start: string): Found<T> | undefined {
    const seen: string[] = [];
    let found: Found<T> | undefined;
    for (let dir = start, i = 0; i < MAX_DEPTH; i++) {
      if (this.once && this.byDir.has(dir)) {
        found = this.byDir.get(dir);
        break;
      }
      seen.push(dir);
      found = this.read(dir);
      if (found) break;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    if (this.once) for (const d of seen) this.byDir.set(d, found && { ...found, fresh: false });
    return found;
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
