// The CLI side of a baseline (server/src/baseline/baseline.ts): read the file,
// hide what it records, and with --update-baseline record what this run found.
// Paths in the file are relative to its folder, so the file can live with the
// reports under version control and the editor finds the same entries.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { BASELINE_NAME, BaselineError, byFile, formatBaseline, hiddenBy, parseBaseline, type BaselineEntry, type FindingKey } from '../baseline/baseline';
import { InputError } from './files';

export class CliBaseline {
  readonly file: string;
  private readonly dir: string;
  private readonly recorded: Map<string, FindingKey[]>;
  /** --update-baseline: the entries of the files checked in this run, by file. */
  private readonly found = new Map<string, FindingKey[]>();

  constructor(path: string | undefined, private readonly update: boolean) {
    this.file = path ?? BASELINE_NAME;
    this.dir = dirname(resolve(this.file));
    let entries: BaselineEntry[] = [];
    if (existsSync(this.file)) {
      try {
        entries = parseBaseline(readFileSync(this.file, 'utf8'));
      } catch (e) {
        throw new InputError(`${this.file}: ${e instanceof BaselineError ? 'not a baseline file: ' : 'cannot read baseline: '}${(e as Error).message}`);
      }
    } else if (!update) throw new InputError(`${this.file}: baseline file not found (write one with --update-baseline)`);
    this.recorded = byFile(entries);
  }

  /** Per finding, whether the baseline hides it; with --update-baseline every finding is recorded, and so hidden. */
  hidden(path: string, keys: FindingKey[]): boolean[] {
    const file = this.relative(path);
    if (!this.update) return hiddenBy(this.recorded.get(file) ?? [], keys);
    this.found.set(file, keys);
    return keys.map(() => true);
  }

  /** Writes the file: this run's entries for the files it checked, the earlier entries for the others. */
  save(): number {
    for (const [file, keys] of this.found) this.recorded.set(file, keys);
    const all: BaselineEntry[] = [];
    for (const [file, keys] of this.recorded) for (const k of keys) all.push({ file, ...k });
    writeFileSync(this.file, formatBaseline(all));
    return all.length;
  }

  private relative(path: string): string {
    return relative(this.dir, resolve(path)).split('\\').join('/');
  }
}
