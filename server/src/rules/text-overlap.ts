// How much of one text is found in another, by character shingles: the
// share of this text's characters covered by a run of SHINGLE characters that
// also occurs in the other. Only letters and digits count (Chinese characters
// above all): punctuation, spaces and line breaks do not, so re-wrapping or
// re-punctuating a paragraph does not make it new.

export const SHINGLE = 10;

export interface Normalised {
  /** Letters and digits only. */
  text: string;
  /** For each character of `text`, its offset in the source. */
  at: number[];
}

const KEEP = /[\p{L}\p{N}]/u;

export function normalise(source: string): Normalised {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (!KEEP.test(source[i])) continue;
    chars.push(source[i]);
    at.push(i);
  }
  return { text: chars.join(''), at };
}

export interface Overlap {
  /** Covered characters over all characters of `mine`, 0 … 1. */
  share: number;
  /** Runs of covered characters, as [start, end) in `mine.text`. */
  stretches: [number, number][];
}

export function overlap(mine: string, theirs: string, n = SHINGLE): Overlap {
  if (mine.length < n || theirs.length < n) return { share: 0, stretches: [] };
  const seen = new Set<string>();
  for (let i = 0; i + n <= theirs.length; i++) seen.add(theirs.slice(i, i + n));
  const covered = new Uint8Array(mine.length);
  for (let i = 0; i + n <= mine.length; i++) {
    if (seen.has(mine.slice(i, i + n))) covered.fill(1, i, i + n);
  }
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
