// How a file's bytes become report text, and how fixed text becomes bytes
// again. Text files go through decode.ts; a format that needs converting
// (e.g. Word .docx) adds a reader here, by extension, and its extension to
// extensions.ts. A reader without `encode` is checked but never fixed in place.
import { extname } from 'node:path';
import { readDocx, type DocxWritten } from '../docx/source';
import type { Range } from '../core/types';
import { decode, encode } from '../sources/decode';

export interface Source {
  text: string;
  /** The bytes to write for fixed text; absent when the format cannot be written back. */
  encode?: (text: string) => Buffer;
  /** Name of the format, for messages. */
  format: string;
  /** For converted formats: a diagnostic's place as the user finds it in the original (`表3 第5行 第2列`). */
  describe?: (range: Range, lang: 'zh' | 'en') => string;
  /** For Word files: the fixed text's table figures written into the file's cells; other changes left out. */
  writeBack?: (text: string) => Promise<DocxWritten>;
}

export type Reader = (bytes: Buffer) => Source | Promise<Source>;

/** Readers by lower-case extension; every other file is read as text. */
const READERS: Record<string, Reader> = {
  // Word files are converted to Markdown (tables kept as tables); fixed figures go back into their cells.
  '.docx': async (bytes) => {
    const d = await readDocx(bytes);
    return { text: d.text, format: 'docx', describe: d.describe, writeBack: d.writeBack };
  },
};

export const textReader: Reader = (bytes) => {
  const d = decode(bytes);
  return {
    text: d.text,
    encode: (text) => {
      const out = encode(text, d.encoding, d.bom);
      // Only hand back bytes that read back as exactly this text.
      if (decode(out).text !== text) throw new Error(`the fixed text cannot be written in ${d.encoding}`);
      return out;
    },
    format: d.encoding,
  };
};

export function readerFor(path: string): Reader {
  return READERS[extname(path).toLowerCase()] ?? textReader;
}
