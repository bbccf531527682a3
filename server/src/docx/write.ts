// Writing figures into a .docx: word/document.xml gets the new cell texts;
// every other part of the package keeps its bytes, compressed data included.
import JSZip from 'jszip';
import { editCells, type CellEdit } from './cells';

const DOCUMENT = 'word/document.xml';

export async function writeDocxCells(bytes: Buffer | Uint8Array, edits: CellEdit[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(DOCUMENT);
  if (!part) throw new Error(`not a Word document: no ${DOCUMENT}`);
  const xml = await part.async('string');
  keepCompression(zip);
  zip.file(DOCUMENT, editCells(xml, edits), { compression: 'DEFLATE', date: part.date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

/**
 * JSZip copies an entry's compressed bytes as they are when the entry is
 * written with the method it was read with; tell it each entry's method so a
 * stored entry is not deflated (and its bytes rewritten).
 */
function keepCompression(zip: JSZip): void {
  zip.forEach((_path, file) => {
    const read = (file as unknown as { _data?: { compression?: { magic?: string } } })._data?.compression?.magic;
    (file as unknown as { options: { compression: string } }).options.compression = file.dir || read === '\x00\x00' ? 'STORE' : 'DEFLATE';
  });
}
