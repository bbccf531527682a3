// Word files in the editor: the server reads, checks and writes .docx files
// for the client (which stays thin and never bundles the converter).
// - docxToMarkdown: the report as Markdown with GFM tables, to read and edit;
// - checkDocx: the findings, each with its Word place (`表3 第5行 第9列`);
// - fixDocx: the recomputed totals written into the file's cells (as `--fix`);
// - saveToDocx: figures edited in that Markdown written into the cells.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../cli/fix-write';
import { fixAll } from '../engine/fix';
import { lint } from '../engine/lint';
import type { Lang, LintOptions } from '../core/types';
import { readDocx, type DocxSource } from '../docx/source';
import type { DocxCheckResult, DocxResult, DocxWriteResult } from '../protocol';

const pathOf = (uriOrPath: string) => (uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : uriOrPath);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function open(uriOrPath: string): Promise<{ path: string; bytes: Buffer; stamp: { mtimeMs: number; size: number }; source: DocxSource }> {
  const path = pathOf(uriOrPath);
  const before = await stat(path);
  const bytes = await readFile(path);
  return { path, bytes, stamp: { mtimeMs: before.mtimeMs, size: before.size }, source: await readDocx(bytes, 'gfm') };
}

export async function docxFileToMarkdown(uriOrPath: string): Promise<DocxResult> {
  try {
    const { source } = await open(uriOrPath);
    return { markdown: source.text, warnings: source.warnings };
  } catch (error) {
    return { warnings: [], error: messageOf(error) };
  }
}

export async function checkDocxFile(uriOrPath: string, options: LintOptions, lang: Lang): Promise<DocxCheckResult> {
  try {
    const { source } = await open(uriOrPath);
    const findings = lint(source.text, options).diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, place: source.describe(d.range, lang) }));
    return { findings };
  } catch (error) {
    return { findings: [], error: messageOf(error) };
  }
}

export async function fixDocxFile(uriOrPath: string, options: LintOptions, lang: Lang): Promise<DocxWriteResult> {
  try {
    const file = await open(uriOrPath);
    const fixed = fixAll(file.source.text, options);
    return fixed.changed ? await write(file, fixed.text, lang) : { cells: 0, left: [] };
  } catch (error) {
    return { cells: 0, left: [], error: messageOf(error) };
  }
}

/** `original` is the Markdown the file was opened as: when the file no longer reads so, nothing is written. */
export async function saveMarkdownToDocx(uriOrPath: string, original: string, edited: string, lang: Lang): Promise<DocxWriteResult> {
  try {
    const file = await open(uriOrPath);
    if (file.source.text !== original.replace(/\r\n/g, '\n')) {
      return { cells: 0, left: [], error: lang === 'en' ? 'the Word file has changed since it was opened as Markdown; open it again' : 'Word 文件在转为 Markdown 之后已被修改，请重新打开' };
    }
    return await write(file, edited, lang);
  } catch (error) {
    return { cells: 0, left: [], error: messageOf(error) };
  }
}

async function write(file: Awaited<ReturnType<typeof open>>, edited: string, lang: Lang): Promise<DocxWriteResult> {
  const written = await file.source.writeBack(edited);
  if (written.bytes) writeAtomic(file.path, written.bytes, file.stamp);
  const left = written.left.map((line) => file.source.describe({ start: { line, character: 0 }, end: { line, character: 0 } }, lang));
  return { cells: written.cells, left };
}
