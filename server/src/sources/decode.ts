// Bytes to text and back. The encoding is detected, never guessed: a BOM
// decides; otherwise strict UTF-8; otherwise GB18030 only when the bytes
// round-trip exactly. Anything else is an input error naming the problem.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Whether the file started with a byte-order mark (kept on write). */
  bom: boolean;
}

export class DecodeError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: strictUtf8(b.subarray(3), 3), encoding: 'utf-8', bom: true };
  // UTF-32 BOMs start like UTF-16 ones; refuse them rather than misread them.
  if ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) {
    throw new DecodeError('UTF-32 is not supported; save it as UTF-8');
  }
  if (b[0] === 0xff && b[1] === 0xfe) return { text: utf16(b.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: utf16(b.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  const nul = b.indexOf(0);
  // NUL bytes mean UTF-16 without a BOM or a binary file; either way we cannot tell.
  if (nul >= 0) throw new DecodeError(`NUL byte at offset ${nul}: UTF-16 without a byte-order mark, or not a text file; save it as UTF-8`);
  try {
    return { text: utf8.decode(b), encoding: 'utf-8', bom: false };
  } catch {
    return { text: gb18030(b), encoding: 'gb18030', bom: false };
  }
}

export function encode(text: string, encoding: Encoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), swap16(Buffer.from(text, 'utf16le'))]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

function strictUtf8(b: Buffer, offset: number): string {
  try {
    return utf8.decode(b);
  } catch {
    throw new DecodeError(`starts with a UTF-8 byte-order mark but the bytes are not valid UTF-8${badUtf8At(b, offset)}`);
  }
}

function utf16(b: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  if (b.length % 2 !== 0) throw new DecodeError(`starts with a ${encoding.toUpperCase()} byte-order mark but has an odd number of bytes`);
  const text = (encoding === 'utf-16le' ? b : swap16(Buffer.from(b))).toString('utf16le');
  const lone = findLoneSurrogate(text);
  if (lone >= 0) throw new DecodeError(`starts with a ${encoding.toUpperCase()} byte-order mark but has an unpaired surrogate at byte ${2 + lone * 2}`);
  return text;
}

function gb18030(b: Buffer): string {
  // UTF-8 with a damaged byte could pass as GB18030 mojibake; wide UTF-8
  // characters before the bad byte say it was UTF-8 (GBK text almost never
  // starts with two valid 3-byte UTF-8 sequences).
  const { wide, at } = utf8Prefix(b);
  if (wide >= 2) throw new DecodeError(`looks like UTF-8 but byte 0x${hex(b[at])} at offset ${at} is not valid UTF-8; repair or re-save the file as UTF-8`);
  const text = iconv.decode(b, 'gb18030');
  const back = iconv.encode(text, 'gb18030');
  if (back.equals(b)) return text;
  let i = 0;
  while (i < b.length && i < back.length && b[i] === back[i]) i++;
  throw new DecodeError(`not valid UTF-8${badUtf8At(b, 0)} and not valid GB18030/GBK (byte 0x${hex(b[i])} at offset ${i}); save it as UTF-8`);
}

function badUtf8At(b: Buffer, base: number): string {
  const { at } = utf8Prefix(b);
  return at < b.length ? ` (byte 0x${hex(b[at])} at offset ${base + at})` : '';
}

/** The offset of the first byte that is not valid UTF-8, and how many 3- and 4-byte characters come before it. */
function utf8Prefix(b: Buffer): { at: number; wide: number } {
  let i = 0;
  let wide = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) break;
    if (n > 1) {
      try {
        utf8.decode(b.subarray(i, i + n));
      } catch {
        break;
      }
      if (n >= 3) wide++;
    }
    i += n;
  }
  return { at: i, wide };
}

function findLoneSurrogate(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
      else return i;
    } else if (c >= 0xdc00 && c < 0xe000) return i;
  }
  return -1;
}

function swap16(b: Buffer): Buffer {
  return b.swap16();
}

function hex(n: number | undefined): string {
  return (n ?? 0).toString(16).toUpperCase().padStart(2, '0');
}
