// A .docx as the CLI reads files: the Markdown text to lint, how fixed text
// goes back into the Word file (only table figures: see changes.ts), and how
// to tell a diagnostic's place in the Word file. Shaped to fit
// cli/readers.ts (`Reader`): registered there for `.docx`.
import type { Range } from '../core/types';
import { docxChanges } from './changes';
import { describeDocxRange, docxToMarkdown, type DocxTables } from './convert';
import { writeDocxCells } from './write';

export interface DocxWritten {
  /** The new file; absent when nothing could be written. */
  bytes?: Buffer;
  /** How many cells change. */
  cells: number;
  /** The Markdown as it now stands for the Word file (only the written changes). */
  text: string;
  /** Lines (from 0) of the fixed text whose changes could not be written. */
  left: number[];
}

export interface DocxSource {
  text: string;
  format: 'docx';
  /** mammoth's messages about the file. */
  warnings: string[];
  /** `表2 第28行 第8列（“1”，“四、结转下年度继续办理”一行）` for a range of `text`. */
  describe(range: Range, lang?: 'zh' | 'en'): string;
  /** The Word file with the figures of `fixed` (an edited `text`) written into its cells. */
  writeBack(fixed: string): Promise<DocxWritten>;
}

export async function readDocx(bytes: Buffer | Uint8Array, tables: DocxTables = 'html'): Promise<DocxSource> {
  const { markdown, warnings, map } = await docxToMarkdown(bytes, tables);
  return {
    text: markdown,
    format: 'docx',
    warnings,
    describe: (range, lang = 'zh') => describeDocxRange(map, range, lang),
    writeBack: async (fixed) => {
      const { edits, text, left } = docxChanges(map, markdown, fixed);
      return { bytes: edits.length ? await writeDocxCells(bytes, edits) : undefined, cells: edits.length, text, left };
    },
  };
}
