// The editor honours the same baseline as the CLI: the nearest
// xxgklint-baseline.json above a report hides the findings it records (paths
// in it are relative to its folder). Read as JSON only, re-read when it changes.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyBaseline, BASELINE_NAME, byFile, parseBaseline, type FindingKey } from '../baseline/baseline';
import type { Diagnostic } from '../core/types';

interface Loaded {
  mtimeMs: number;
  entries: Map<string, FindingKey[]>;
  error?: string;
}

export class Baselines {
  private readonly files = new Map<string, Loaded>();

  /** The diagnostics the nearest baseline does not hide; `onError` hears once about a file that cannot be read. */
  filter(uri: string, lines: readonly string[], diagnostics: Diagnostic[], onError: (message: string) => void): Diagnostic[] {
    if (!uri.startsWith('file:') || diagnostics.length === 0) return diagnostics;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return diagnostics;
    }
    for (let dir = dirname(path), i = 0; i < 64; i++) {
      const file = join(dir, BASELINE_NAME);
      const loaded = this.load(file, onError);
      if (loaded) return applyBaseline(loaded.entries.get(relative(dir, path).split('\\').join('/')) ?? [], lines, diagnostics).shown;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return diagnostics;
  }

  private load(file: string, onError: (message: string) => void): Loaded | undefined {
    let mtimeMs: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return undefined;
      mtimeMs = st.mtimeMs;
    } catch {
      return undefined;
    }
    const had = this.files.get(file);
    if (had?.mtimeMs === mtimeMs) return had;
    let loaded: Loaded;
    try {
      loaded = { mtimeMs, entries: byFile(parseBaseline(readFileSync(file, 'utf8'))) };
    } catch (e) {
      loaded = { mtimeMs, entries: new Map(), error: `${file}: ${(e as Error).message}` };
      onError(`xxgk-lint: ignoring ${loaded.error}`);
    }
    this.files.set(file, loaded);
    return loaded;
  }
}
