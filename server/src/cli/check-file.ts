// One file, start to end: read, decode, lint, and with --fix write the safe
// fixes back and lint again so the output tells what remains. Runs in the
// main thread or in a worker; it never throws, errors become results.
import { readFileSync, statSync } from 'node:fs';
import { fixAll } from '../core/fix';
import { looksLikeReport } from '../core/detect';
import { lint } from '../core/lint';
import type { Diagnostic, LintOptions, ProfileId } from '../core/types';
import { DecodeError } from './decode';
import { writeAtomic } from './fix-write';
import { readerFor, type Source } from './readers';

export interface FileTask {
  path: string;
  options: Omit<LintOptions, 'onRuleError' | 'previous'>;
  fix: boolean;
  /** Named on the command line; other files are skipped when they do not look like a report. */
  explicit: boolean;
  /** Last year's report of the same agency among the files given (for carried-over). */
  previous?: string;
}

export type FileResult =
  | { path: string; profile: ProfileId; diagnostics: Diagnostic[]; notices: string[]; fixed: boolean }
  | { path: string; error: string }
  | { path: string; skipped: string };

export async function checkFile(task: FileTask): Promise<FileResult> {
  const { path } = task;
  let bytes: Buffer;
  let stamp: { mtimeMs: number; size: number };
  try {
    const before = statSync(path);
    bytes = readFileSync(path);
    stamp = { mtimeMs: before.mtimeMs, size: before.size };
  } catch (e) {
    return { path, error: `${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  let source: Source;
  try {
    source = await readerFor(path)(bytes);
  } catch (e) {
    return { path, error: `${path}: cannot ${e instanceof DecodeError ? 'decode' : 'read'}: ${firstLine(e)}` };
  }
  // A folder may hold notes and other Markdown: only what reads like a report is checked.
  if (!task.explicit && !looksLikeReport(source.text)) return { path, skipped: `${path}: skipped, does not look like an annual report (name the file to check it anyway)` };
  const notices: string[] = [];
  const options: LintOptions = {
    ...task.options,
    previous: task.previous ? await readPrevious(task.previous) : undefined,
    onRuleError: (rule, error) => {
      const line = `${path}: rule ${rule} failed: ${firstLine(error)}`;
      if (!notices.includes(line)) notices.push(line);
    },
  };
  try {
    let text = source.text;
    let fixed = false;
    if (task.fix) {
      const result = fixAll(text, options);
      if (result.changed && source.writeBack) {
        const written = await source.writeBack(result.text);
        if (written.bytes) writeAtomic(path, written.bytes, stamp);
        text = written.text;
        fixed = Boolean(written.bytes);
        if (written.left.length) notices.push(`${path}: only table figures are written into a Word file; not fixed: ${leftPlaces(source, written.left, task.options.lang ?? 'zh')}`);
      } else if (result.changed && !source.encode) notices.push(`${path}: fixes cannot be written back to ${source.format} files; checked only`);
      else if (result.changed && source.encode) {
        writeAtomic(path, source.encode(result.text), stamp);
        text = result.text;
        fixed = true;
      }
    }
    const { report, diagnostics } = lint(text, options);
    if (source.describe) {
      const lang = task.options.lang ?? 'zh';
      for (const d of diagnostics) d.data = { ...d.data, place: source.describe(d.range, lang) };
    }
    return { path, profile: report.profile, diagnostics, notices, fixed };
  } catch (e) {
    return { path, error: `${path}: ${task.fix ? 'fix failed, file left unchanged' : 'check failed'}: ${firstLine(e)}` };
  }
}

function leftPlaces(source: Source, lines: number[], lang: 'zh' | 'en'): string {
  return lines.map((line) => source.describe?.({ start: { line, character: 0 }, end: { line, character: 0 } }, lang) ?? `line ${line + 1}`).join('; ');
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

async function readPrevious(path: string): Promise<LintOptions['previous']> {
  try {
    return { uri: path, text: (await readerFor(path)(readFileSync(path))).text };
  } catch {
    return undefined; // Its own check reports why it cannot be read.
  }
}
