// One file, start to end: read, decode, lint, and with --fix write the safe
// fixes back and lint again so the output tells what remains. Runs in the
// main thread or in a worker; it never throws, errors become results.
import { readFileSync, statSync } from 'node:fs';
import { findingKey, type FindingKey } from '../baseline/baseline';
import { fixAll } from '../engine/fix';
import { looksLikeReport } from '../core/detect';
import { lint } from '../engine/lint';
import type { Diagnostic, LintOptions, LintResult, ProfileId, Report } from '../core/types';
import { cacheKey, type CacheProbe } from './cache';
import { DecodeError } from '../sources/decode';
import { excerptOf, type Excerpt } from './excerpt';
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
  /** The bytes, when they do not come from `path` (--stdin). */
  bytes?: Uint8Array;
  /** --fix-dry-run: compute the fixes, return the fixed text, write nothing. */
  dryRun?: boolean;
  /** What else the output needs from the text: baseline keys, source excerpts (html). */
  want?: Want;
  /** --cache: the key and result stored for this path last time. */
  cached?: CacheProbe;
}

export interface Want {
  keys?: boolean;
  excerpts?: boolean;
}

export interface CheckedResult {
  path: string;
  profile: ProfileId;
  diagnostics: Diagnostic[];
  notices: string[];
  fixed: boolean;
  /** --fix-dry-run: the fixed text, when a fix changed it. */
  output?: string;
  /** Agency and year from the title, for the review page's summary. */
  meta?: { agency?: string; year?: number };
  /** Per diagnostic, its baseline key. */
  keys?: FindingKey[];
  /** Per diagnostic, the source lines around it. */
  excerpts?: Excerpt[];
  /** --cache: the key this result is stored under. */
  cacheKey?: string;
}

export type FileResult = CheckedResult | { path: string; error: string } | { path: string; skipped: string };

export async function checkFile(task: FileTask): Promise<FileResult> {
  const { path } = task;
  let bytes: Buffer;
  let stamp: { mtimeMs: number; size: number } | undefined;
  try {
    if (task.bytes) bytes = Buffer.from(task.bytes);
    else {
      const before = statSync(path);
      bytes = readFileSync(path);
      stamp = { mtimeMs: before.mtimeMs, size: before.size };
    }
  } catch (e) {
    return { path, error: `${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const key = task.cached ? cacheKey(task, bytes) : undefined;
  if (key && task.cached?.key === key && task.cached.result) return { ...task.cached.result, path, cacheKey: key };
  const result = await check(task, bytes, stamp);
  return key && 'diagnostics' in result ? { ...result, cacheKey: key } : result;
}

async function check(task: FileTask, bytes: Buffer, stamp: { mtimeMs: number; size: number } | undefined): Promise<FileResult> {
  const { path } = task;
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
    let output: string | undefined;
    let checked: LintResult | undefined;
    if (task.fix || task.dryRun) {
      const result = fixAll(text, options);
      if (!result.changed) checked = result.analysis;
      if (result.changed && source.writeBack) {
        const written = await source.writeBack(result.text);
        if (written.bytes && !task.dryRun) writeAtomic(path, written.bytes, stamp);
        text = written.text;
        fixed = Boolean(written.bytes) && !task.dryRun;
        if (written.left.length) notices.push(`${path}: only table figures are written into a Word file; not fixed: ${leftPlaces(source, written.left, task.options.lang ?? 'zh')}`);
      } else if (result.changed && !source.encode) notices.push(`${path}: fixes cannot be written back to ${source.format} files; checked only`);
      else if (result.changed && source.encode) {
        if (task.dryRun) {
          source.encode(result.text); // Throws when the fixed text cannot be written in the file's encoding.
          output = result.text;
        } else {
          writeAtomic(path, source.encode(result.text), stamp);
          fixed = true;
        }
        text = result.text;
        checked = result.analysis;
      }
    }
    // Fix-all has linted the text as it now is, unless it went into a Word file or could not be written.
    const { report, diagnostics } = checked ?? lint(text, options);
    if (source.describe) {
      const lang = task.options.lang ?? 'zh';
      for (const d of diagnostics) d.data = { ...d.data, place: source.describe(d.range, lang) };
    }
    return { path, profile: report.profile, diagnostics, notices, fixed, ...(output !== undefined ? { output } : {}), ...extras(task.want, report, diagnostics) };
  } catch (e) {
    return { path, error: `${path}: ${task.fix ? 'fix failed, file left unchanged' : 'check failed'}: ${firstLine(e)}` };
  }
}

function leftPlaces(source: Source, lines: number[], lang: 'zh' | 'en'): string {
  return lines.map((line) => source.describe?.({ start: { line, character: 0 }, end: { line, character: 0 } }, lang) ?? `line ${line + 1}`).join('; ');
}

function extras(want: Want | undefined, report: Report, diagnostics: Diagnostic[]): Partial<CheckedResult> {
  if (!want) return {};
  return {
    ...(want.keys ? { keys: diagnostics.map((d) => findingKey(report.lines, d)) } : {}),
    ...(want.excerpts ? { excerpts: diagnostics.map((d) => excerptOf(report.lines, d.range)), meta: { agency: report.title?.agency, year: report.year } } : {}),
  };
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
