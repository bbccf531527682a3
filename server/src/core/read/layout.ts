// `pdftotext -layout` text: table columns aligned with runs of spaces, no TABs.
// Row labels wrap over lines (above, below, or around the line that holds the
// numbers), merged group labels sit in a left column, sometimes one character
// per line (`本`, `年`, `度` …), and page footers (`-3-`) cut tables in two.
//
// Each line is cut into chunks: numbers are separate chunks, words separated
// by one space stay together, a run of two or more spaces ends a chunk. A
// line that ends in numbers, set off from its words by two or more spaces, is
// a data line: one GridRow whose value cells are the digits themselves (exact
// ranges). Its label is the chunk just before the numbers; the pieces on the
// lines around it go with the row as candidates, and matching (which knows
// the rows of the template) joins those that make a label.
import { isBlank, lineRange, range, type Lines } from '../text';
import { blocksOf, unclaimedRuns } from './runs';
import type { GridBlock, GridCell, GridRow, ShapeReader } from './types';

export interface Chunk {
  text: string;
  start: number;
  end: number;
  numeric: boolean;
  /** Spaces before the chunk on its line. */
  gap: number;
}

/** The white space that sets chunks apart: spaces (ASCII, full-width, no-break), form feed, vertical tab, TAB. */
const isGap = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x0c || c === 0x0b || c === 0x09;
const NUMBER = /^(?:[+-]?\d+(?:\.\d+)?|[０-９]+(?:[.．][０-９]+)?)$/;
/** Page numbers and footers left by the export. */
export const FOOTER = /^[\s\f]*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)[\s\f]*$/;

export function chunks(line: string): Chunk[] {
  const tokens: { text: string; start: number; end: number; gap: number }[] = [];
  let i = 0;
  let gap = 0;
  while (i < line.length) {
    if (isGap(line.charCodeAt(i))) {
      gap++;
      i++;
      continue;
    }
    const start = i;
    while (i < line.length && !isGap(line.charCodeAt(i))) i++;
    tokens.push({ text: line.slice(start, i), start, end: i, gap });
    gap = 0;
  }
  const out: Chunk[] = [];
  for (const t of tokens) {
    const numeric = NUMBER.test(t.text);
    const last = out[out.length - 1];
    if (last && !last.numeric && !numeric && t.gap === 1) {
      last.text += ' ' + t.text;
      last.end = t.end;
      continue;
    }
    out.push({ text: t.text, start: t.start, end: t.end, numeric, gap: t.gap });
  }
  return out;
}

/** The numbers a line ends with, when it is a data line; otherwise undefined. */
export function trailingNumbers(cs: Chunk[]): number | undefined {
  let n = 0;
  while (n < cs.length && cs[cs.length - 1 - n].numeric) n++;
  if (n === 0) return undefined;
  const first = cs[cs.length - n];
  if (n < cs.length && first.gap < 2) return undefined;
  return n;
}

/** Does this stretch look like `pdftotext -layout` tables: no TABs, numbers set off by runs of spaces? */
function isLayout(l: Lines, from: number, to: number, chunksAt: (i: number) => Chunk[]): boolean {
  let data = 0;
  for (let i = from; i < to; i++) {
    const line = l.lines[i];
    if (line.includes('\t') || line.includes('|')) return false;
    const cs = chunksAt(i);
    const n = trailingNumbers(cs);
    if (n === undefined) continue;
    if (n >= 5) return true;
    if (n >= 2 || /\S {2,}[\d０-９]/.test(line)) data++;
  }
  return data >= 2;
}

const SET_OFF_NUMBER = /\S[ \u3000]{2,}[+-]?[\d０-９][\d０-９.．]*[ \u3000]*$/m;

export const layoutReader: ShapeReader = {
  shape: 'layout',
  // A line ending in a number set off by two or more spaces: cheap, and never true of Word text's cells.
  detect: (text) => SET_OFF_NUMBER.test(text),
  read({ view, claimed }) {
    // Each line is cut once, for the test and for the reading.
    const cut = new Map<number, Chunk[]>();
    const chunksAt = (i: number) => cut.get(i) ?? cut.set(i, chunks(view.lines.lines[i])).get(i)!;
    const rows = unclaimedRuns(view.lines, claimed)
      .filter(([from, to]) => isLayout(view.lines, from, to, chunksAt))
      .flatMap(([from, to]) => readLayoutGrid(view.lines, from, to, chunksAt));
    return { blocks: blocksOf('layout', rows.filter((r) => !r.wordsOnly)).map((b) => withWords(b, rows)) };
  },
};

/** A block with the lines of words inside it (headers, group labels, pieces of wrapped labels). */
function withWords(b: GridBlock, rows: GridRow[]): GridBlock {
  const data = new Set(b.rows);
  return { ...b, rows: rows.filter((r) => r.range.start.line >= b.from - 3 && r.range.start.line <= b.to + 3 && (r.wordsOnly || data.has(r))) };
}

interface Line {
  index: number;
  cs: Chunk[];
  numbers: number;
}

/** How many lines above and below a data line may hold pieces of its wrapped label. */
const WRAP = 3;

/**
 * The rows of a layout table between lines `from` and `to`. Data lines become
 * rows `[…words, label, n1, n2, …]` with the word pieces on the lines around
 * them as candidates for a wrapped label; other non-blank lines become rows of
 * words (`wordsOnly`: headers, group labels, pieces of labels).
 */
function readLayoutGrid(l: Lines, from: number, to: number, chunksAt: (i: number) => Chunk[]): GridRow[] {
  const lines: Line[] = [];
  for (let i = from; i < to; i++) {
    const text = l.lines[i];
    if (isBlank(text) || FOOTER.test(text) || text.includes('|')) continue;
    const cs = chunksAt(i);
    const n = trailingNumbers(cs) ?? 0;
    lines.push({ index: i, cs, numbers: n });
  }
  const rows: GridRow[] = [];
  const dataAt = lines.map((x, k) => (x.numbers > 0 ? k : -1)).filter((k) => k >= 0);
  let d = -1;
  for (let k = 0; k < lines.length; k++) {
    const ln = lines[k];
    const text = l.lines[ln.index];
    if (ln.numbers === 0) {
      rows.push({ cells: ln.cs.map((c) => cell(ln.index, c)), range: range(ln.index, 0, ln.index, text.length), wordsOnly: true });
      continue;
    }
    const words = ln.cs.slice(0, ln.cs.length - ln.numbers);
    const numbers = ln.cs.slice(ln.cs.length - ln.numbers);
    d++; // lines[k] is the d-th data line: they are met in order.
    const prev = d > 0 ? dataAt[d - 1] : -1;
    const next = d < dataAt.length - 1 ? dataAt[d + 1] : lines.length;
    const col = words.length ? words[words.length - 1].start : undefined;
    const near = (xs: Line[]) => xs.map((x) => pick(x, col)).filter((c): c is GridCell => !!c);
    const above = near(lines.slice(Math.max(prev + 1, k - WRAP), k).reverse());
    const below = near(lines.slice(k + 1, Math.min(next, k + 1 + WRAP)));
    const values = realign(ln, lines, k, text.length) ?? numbers.map((c) => cell(ln.index, c));
    const cells = [...words.map((c) => cell(ln.index, c)), ...values];
    rows.push({ cells, range: range(ln.index, 0, ln.index, text.length), wrapped: { above, below } });
  }
  return rows;
}

/** How far (in characters) a number's end may stand from its column's. */
const COLUMN_SLACK = 3;
/** How many lines around a row are looked at for the columns of its table. */
const COLUMN_WINDOW = 12;

/**
 * A row with fewer numbers than the rows around it (a blank cell prints as
 * nothing in the PDF), its numbers put back in their columns by position:
 * each number under the column whose numbers end where it ends (pdftotext
 * right-aligns figures). The columns come from the nearby rows with the full
 * count; a blank cell is an empty cell where its column ends. Undefined when
 * the row is not short or its numbers do not sit in distinct columns.
 */
function realign(ln: Line, lines: Line[], k: number, length: number): GridCell[] | undefined {
  const near = lines.slice(Math.max(0, k - COLUMN_WINDOW), k + COLUMN_WINDOW + 1).filter((x) => x !== ln && x.numbers >= 5);
  const counts = new Map<number, Line[]>();
  for (const x of near) counts.set(x.numbers, [...(counts.get(x.numbers) ?? []), x]);
  const [full, refs] = [...counts.entries()].filter(([, xs]) => xs.length >= 2).sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  // A row of another, narrower table nearby (table 二: 1 to 3 figures) is not a short row of this one.
  if (!full || !refs || ln.numbers >= full || ln.numbers < Math.max(4, full - 3)) return undefined;
  const ends = Array.from({ length: full }, (_, c) => median(refs.map((x) => x.cs[x.cs.length - full + c].end)));
  const numbers = ln.cs.slice(ln.cs.length - ln.numbers);
  const at: number[] = [];
  for (const n of numbers) {
    let best = -1;
    for (let c = 0; c < full; c++) if (best < 0 || Math.abs(ends[c] - n.end) < Math.abs(ends[best] - n.end)) best = c;
    if (Math.abs(ends[best] - n.end) > COLUMN_SLACK || (at.length && best <= at[at.length - 1])) return undefined;
    at.push(best);
  }
  return ends.map((end, c) => {
    const i = at.indexOf(c);
    if (i >= 0) return cell(ln.index, numbers[i]);
    const e = Math.min(end, length);
    return { text: '', range: range(ln.index, e, ln.index, e) };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function cell(line: number, c: Chunk): GridCell {
  return { text: c.text, range: lineRange(line, c.start, c.end) };
}

/** The chunk of a wrapped-label line that continues the label: the one nearest the label's column. */
function pick(x: Line, col: number | undefined): GridCell | undefined {
  const words = x.cs.filter((c) => !c.numeric);
  if (!words.length) return undefined;
  let best = words[words.length - 1];
  if (col !== undefined) {
    for (const w of words) if (Math.abs(w.start - col) < Math.abs(best.start - col)) best = w;
  }
  return cell(x.index, best);
}
