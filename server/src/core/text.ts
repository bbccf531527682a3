// Text helpers: line splitting with positions, and the normalisation that lets
// labels and numbers be matched by meaning rather than by exact characters.
import type { Position, Range } from './types';

export interface Lines {
  lines: string[];
  /** Offset of each line start in the text (UTF-16 code units). */
  starts: number[];
  eol: '\n' | '\r\n';
}

/**
 * The last two texts split: lint, the readers and the prose rules split the
 * same text in turn, with last year's report read in between. Callers only
 * read the result.
 */
const recentSplits: { text: string; lines: Lines }[] = [];

export function splitLines(text: string): Lines {
  for (const r of recentSplits) if (r.text === text) return r.lines;
  const lines: string[] = [];
  const starts: number[] = [];
  let crlf = 0;
  let lf = 0;
  let start = 0;
  // Line ends found with indexOf: a flattened page is one line of many thousand characters.
  let cr = text.indexOf('\r');
  let nl = text.indexOf('\n');
  while (cr >= 0 || nl >= 0) {
    const at = cr >= 0 && (nl < 0 || cr < nl) ? cr : nl;
    const isCrlf = at === cr && text.charCodeAt(at + 1) === 10;
    if (isCrlf) crlf++;
    else if (at === nl) lf++;
    starts.push(start);
    lines.push(text.slice(start, at));
    start = at + (isCrlf ? 2 : 1);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    if (nl >= 0 && nl < start) nl = text.indexOf('\n', start);
  }
  starts.push(start);
  lines.push(text.slice(start));
  const split: Lines = { lines, starts, eol: crlf > 0 && crlf >= lf - crlf ? '\r\n' : '\n' };
  if (recentSplits.unshift({ text, lines: split }) > 2) recentSplits.pop();
  return split;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function offsetAt(l: Lines, p: Position): number {
  const line = Math.min(Math.max(p.line, 0), l.lines.length - 1);
  return l.starts[line] + Math.min(Math.max(p.character, 0), l.lines[line].length);
}

export function positionAt(l: Lines, offset: number): Position {
  const line = lastAtOrBelow(l.starts, offset);
  return { line, character: Math.min(offset - l.starts[line], l.lines[line].length) };
}

/** The index of the last of the ascending `xs` that is not above `x` (0 when none is). */
export function lastAtOrBelow(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function docEnd(l: Lines): Position {
  const last = l.lines.length - 1;
  return { line: last, character: l.lines[last].length };
}

/** White space as met in reports: ASCII, NBSP, full-width space, zero-width ones. */
export const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;
const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

const NOT_SPACE = /[^\s\u00a0\u3000\u200b\ufeff]/;

export function isBlank(s: string): boolean {
  return !NOT_SPACE.test(s);
}

/** Start and end of the content of `s[from, to)` without surrounding white space. */
export function trimSpan(s: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && SPACE.test(s[a])) a++;
  while (b > a && SPACE.test(s[b - 1])) b--;
  return [a, b];
}

/**
 * Memoises a pure function of a short string. Reports repeat the same cells
 * (`0`, the template's labels) thousands of times in a batch; the cache is
 * dropped when full, so memory stays bounded.
 */
function memo<T>(f: (s: string) => T, max = 20_000, longest = 200): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    if (s.length > longest) return f(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Normalises a label for matching: NFKC (full-width to half-width), no spaces. */
export const squash = memo((s: string): string => s.normalize('NFKC').replace(SPACES, '').replace(/[“”"]/g, '"'));

const NUMBERING = /^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．,，]|\d{1,2}(?:[.．、,，](?!\d)|[)）]))/;

/** Drops the numbering in front of a label: `一、`, `（一）`, `(一)`, `1.`, `1、`, `1．`. */
export function stripNumbering(s: string): string {
  let out = s;
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(out);
    if (!m) break;
    out = out.slice(m[0].length);
  }
  return out;
}

export function labelKey(s: string): string {
  return stripNumbering(squash(s).replace(/^\[bookmark:[^\]]*\]/, ''));
}

export interface ParsedNumber {
  kind: 'number' | 'blank' | 'na' | 'text';
  value: number | null;
  fullWidth: boolean;
}

const NA = /^(?:[/／\\]|[-－—–~～]+|无|——)$/;

/** Reads a cell's text as a number. Decimals and signs are kept; callers decide if they are allowed. */
export const parseNumber: (raw: string) => Readonly<ParsedNumber> = memo(readNumberText);

function readNumberText(raw: string): ParsedNumber {
  const s = raw.replace(SPACES, '');
  if (s === '') return { kind: 'blank', value: 0, fullWidth: false };
  if (NA.test(s)) return { kind: 'na', value: 0, fullWidth: false };
  const fullWidth = /[０-９]/.test(s);
  const half = s.normalize('NFKC').replace(/,(?=\d{3}\b)/g, '');
  if (/^[+-]?\d+(?:\.\d+)?$/.test(half)) return { kind: 'number', value: Number(half), fullWidth };
  return { kind: 'text', value: null, fullWidth };
}
