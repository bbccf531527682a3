// How much of one text is found in another, by character shingles: the
// share of this text's characters covered by a run of SHINGLE characters that
// also occurs in the other. Only letters and digits count (Chinese characters
// above all): punctuation, spaces and line breaks do not, so re-wrapping or
// re-punctuating a paragraph does not make it new.
import { OffsetMap } from '../core/offset-map';

export const SHINGLE = 10;

export interface Normalised {
  /** Letters and digits only. */
  text: string;
  /** The offset in the source of character `k` of `text`. */
  sourceAt(k: number): number;
}

/** Runs of letters and digits; a character outside the Basic Multilingual Plane is left out, as each of its halves is no letter. */
const KEPT_RUN = /[\p{L}\p{N}]+/gu;
const SURROGATE = /[\ud800-\udfff]/;

export function normalise(source: string): Normalised {
  const parts: string[] = [];
  const map = new OffsetMap();
  const keep = (from: number, to: number) => {
    parts.push(source.slice(from, to));
    map.add(from, to - from);
  };
  KEPT_RUN.lastIndex = 0;
  for (let m = KEPT_RUN.exec(source); m; m = KEPT_RUN.exec(source)) {
    const end = m.index + m[0].length;
    if (!SURROGATE.test(m[0])) {
      keep(m.index, end);
      continue;
    }
    for (let i = m.index; i < end; i++) {
      const c = source.charCodeAt(i);
      if (c < 0xd800 || c > 0xdfff) keep(i, i + 1);
    }
  }
  return { text: parts.join(''), sourceAt: (k) => map.sourceAt(k) };
}

export interface Overlap {
  /** Covered characters over all characters of `mine`, 0 … 1. */
  share: number;
  /** Runs of covered characters, as [start, end) in `mine.text`. */
  stretches: [number, number][];
}

export function overlap(mine: string, theirs: string, n = SHINGLE): Overlap {
  if (mine.length < n || theirs.length < n) return { share: 0, stretches: [] };
  // Shingles are found by a rolling hash, then compared character by character:
  // a string per shingle made the garbage of a batch.
  const where = new Map<number, number[]>();
  forEachShingle(theirs, n, (h, i) => {
    const list = where.get(h);
    if (list) list.push(i);
    else where.set(h, [i]);
  });
  const covered = new Uint8Array(mine.length);
  forEachShingle(mine, n, (h, i) => {
    const list = where.get(h);
    if (list?.some((j) => sameRun(mine, i, theirs, j, n))) covered.fill(1, i, i + n);
  });
  const stretches: [number, number][] = [];
  let count = 0;
  for (let i = 0; i < covered.length; i++) {
    if (!covered[i]) continue;
    const start = i;
    while (i < covered.length && covered[i]) i++;
    stretches.push([start, i]);
    count += i - start;
  }
  return { share: count / mine.length, stretches };
}

/** The hash multiplier: FNV's 32-bit prime, which spreads the characters over all 32 bits. */
const BASE = 0x01000193;

/** Calls `f(hash, start)` for every run of `n` characters of `s`. */
function forEachShingle(s: string, n: number, f: (hash: number, start: number) => void): void {
  let top = 1;
  for (let k = 1; k < n; k++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    if (i >= n) h = (h - Math.imul(s.charCodeAt(i - n), top)) | 0;
    h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
    if (i >= n - 1) f(h, i - n + 1);
  }
}

function sameRun(a: string, i: number, b: string, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}
