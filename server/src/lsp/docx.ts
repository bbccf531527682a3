// "Open Word report as Markdown": the server converts a .docx file (the client
// stays thin and never bundles the converter).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { docxToMarkdown } from '../docx/convert';

export interface DocxResult {
  markdown?: string;
  warnings: string[];
  error?: string;
}

export async function docxFileToMarkdown(uriOrPath: string): Promise<DocxResult> {
  try {
    const path = uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : uriOrPath;
    const { markdown, warnings } = await docxToMarkdown(await readFile(path));
    return { markdown, warnings };
  } catch (error) {
    return { warnings: [], error: error instanceof Error ? error.message : String(error) };
  }
}
