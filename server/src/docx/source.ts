// A .docx as the CLI reads files: the Markdown text to lint, no way to write
// fixes back, and how to tell a diagnostic's place in the Word file. Shaped to
// fit cli/readers.ts (`Reader`): register it for `.docx`.
import type { Range } from '../core/types';
import { describeDocxRange, docxToMarkdown } from './convert';

export interface DocxSource {
  text: string;
  format: 'docx';
  /** mammoth's messages about the file. */
  warnings: string[];
  /** `表2 第28行 第8列（“1”，“四、结转下年度继续办理”一行）` for a range of `text`. */
  describe(range: Range, lang?: 'zh' | 'en'): string;
}

export async function readDocx(bytes: Buffer | Uint8Array): Promise<DocxSource> {
  const { markdown, warnings, map } = await docxToMarkdown(bytes);
  return { text: markdown, format: 'docx', warnings, describe: (range, lang = 'zh') => describeDocxRange(map, range, lang) };
}
