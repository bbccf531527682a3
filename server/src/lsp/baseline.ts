// The editor honours the same baseline as the CLI: the nearest
// xxgklint-baseline.json above a report hides the findings it records (paths
// in it are relative to its folder). Read as JSON only, re-read when it changes.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyBaseline, BASELINE_NAME, byFile, parseBaseline, type FindingKey } from '../baseline/baseline';
import type { Diagnostic } from '../core/types';
import { NearestFiles } from '../config/nearest-file';

interface Loaded {
  entries: Map<string, FindingKey[]>;
  error?: string;
}

export class Baselines {
  private readonly files = new NearestFiles<Loaded>(BASELINE_NAME, (file, text) => {
    try {
      return { entries: byFile(parseBaseline(text)) };
    } catch (e) {
      return { entries: new Map(), error: `${file}: ${(e as Error).message}` };
    }
  });

  /** The diagnostics the nearest baseline does not hide; `onError` hears once about a file that cannot be read. */
  filter(uri: string, lines: readonly string[], diagnostics: Diagnostic[], onError: (message: string) => void): Diagnostic[] {
    if (diagnostics.length === 0) return diagnostics;
    const found = this.files.forUri(uri);
    if (!found) return diagnostics;
    if (found.fresh && found.value.error) onError(`xxgk-lint: ignoring ${found.value.error}`);
    const path = relative(found.dir, fileURLToPath(uri)).split('\\').join('/');
    return applyBaseline(found.value.entries.get(path) ?? [], lines, diagnostics).shown;
  }
}
