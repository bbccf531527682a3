// `pdftotext -layout` text: table columns aligned with runs of spaces, no TABs.
// Row labels wrap over lines (above, below, or around the line that holds the
// numbers), merged group labels sit in a left column, sometimes one character
// per line (`本`, `年`, `度` …), and page footers (`-3-`) cut tables in two.
//
// Each line is cut into chunks: numbers are separate chunks, words separated
// by one space stay together, a run of two or more spaces ends a chunk. A
// line that ends in numbers, set off from its words by two or more spaces, is
// a data line: one GridRow whose value cells are the digits themselves (exact
// ranges). Its label is the chunk just before the numbers; when that does not
// name a template row, the wrapped pieces on the lines around it are joined to
// it (the caller says which texts name a row).
import { isBlank, lineRange, range, type Lines } from '../text';
import type { GridCell, GridRow } from '../grid/types';
import type { Range, ShapeProblem } from '../types';

export interface Chunk {
  text: string;
  start: number;
  end: number;
  numeric: boolean;
  /** Spaces before the chunk on its line. */
  gap: number;
}

const SPACE_CH = /[ \u3000\u00a0\f\v]/;
const NUMBER = /^(?:[+-]?\d+(?:\.\d+)?|[０-９]+(?:[.．][０-９]+)?)$/;
/** Page numbers and footers left by the export. */
export const FOOTER = /^[\s\f]*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)[\s\f]*$/;

export function chunks(line: string): Chunk[] {
  const tokens: { text: string; start: number; end: number; gap: number }[] = [];
  let i = 0;
  let gap = 0;
  while (i < line.length) {
    if (SPACE_CH.test(line[i]) || line[i] === '\t') {
      gap++;
      i++;
      continue;
    }
    const start = i;
    while (i < line.length && !SPACE_CH.test(line[i]) && line[i] !== '\t') i++;
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
export function isLayout(l: Lines, from: number, to: number): boolean {
  let data = 0;
  for (let i = from; i < to; i++) {
    const line = l.lines[i];
    if (line.includes('\t') || line.includes('|')) return false;
    const cs = chunks(line);
    const n = trailingNumbers(cs);
    if (n === undefined) continue;
    if (n >= 5) return true;
    if (n >= 2 || /\S {2,}[\d０-９]/.test(line)) data++;
  }
  return data >= 2;
}

export interface LayoutOptions {
  /** Whether a label names a row of the table's template. */
  labelOk?: (label: string) => boolean;
  /** The template row a label names, and the rows in template order, for labels printed garbled. */
  rowOf?: (label: string) => string | undefined;
  rows?: { key: string; label: string }[];
  /** Where the reader says what it had to infer. */
  problems?: ShapeProblem[];
}

interface Line {
  index: number;
  cs: Chunk[];
  numbers: number;
}

/**
 * The rows of a layout table between lines `from` and `to`. Data lines become
 * rows `[…words, label, n1, n2, …]`; other non-blank lines become rows of
 * words (headers, group labels), which the table readers pass over.
 */
export function readLayoutGrid(l: Lines, from: number, to: number, options: LayoutOptions = {}): GridRow[] {
  const lines: Line[] = [];
  for (let i = from; i < to; i++) {
    const text = l.lines[i];
    if (isBlank(text) || FOOTER.test(text)) continue;
    const cs = chunks(text);
    const n = trailingNumbers(cs) ?? 0;
    lines.push({ index: i, cs, numbers: n });
  }
  const rows: GridRow[] = [];
  const dataAt = lines.map((x, k) => (x.numbers > 0 ? k : -1)).filter((k) => k >= 0);
  const ok = options.labelOk;
  const used = new Set<number>();
  const out = new Map<number, GridRow>();
  for (let k = 0; k < lines.length; k++) {
    const ln = lines[k];
    const text = l.lines[ln.index];
    if (ln.numbers === 0) continue;
    const words = ln.cs.slice(0, ln.cs.length - ln.numbers);
    const numbers = ln.cs.slice(ln.cs.length - ln.numbers);
    let label: GridCell | undefined = words.length ? cell(ln.index, words[words.length - 1]) : undefined;
    const lead = words.slice(0, -1).map((c) => cell(ln.index, c));
    if (ok && !(label && ok(label.text))) {
      const d = dataAt.indexOf(k);
      const prev = d > 0 ? dataAt[d - 1] : -1;
      const next = d < dataAt.length - 1 ? dataAt[d + 1] : lines.length;
      const col = label ? words[words.length - 1].start : undefined;
      const above = lines.slice(prev + 1, k).map((x) => pick(x, col));
      const below = lines.slice(k + 1, next).map((x) => pick(x, col));
      const found = joinLabel(above, label, below, ok);
      if (found) {
        label = found.cell;
        for (const line of found.lines) used.add(line);
      }
    }
    const cells = [...lead, ...(label ? [label] : []), ...numbers.map((c) => cell(ln.index, c))];
    out.set(ln.index, { cells, range: range(ln.index, 0, ln.index, text.length) });
  }
  if (options.rowOf && options.rows) inferByPosition(out, options.rowOf, options.rows, options.problems);
  // Lines of words only: headers and group labels, kept so the readers see
  // the table's headers; pieces of labels (used above, or naming a row with
  // no numbers, like the column header `其他`) are left out.
  for (const ln of lines) {
    if (ln.numbers > 0 || used.has(ln.index)) continue;
    const text = ln.cs.map((c) => c.text).join('');
    if (ok && ok(text)) continue;
    out.set(ln.index, { cells: ln.cs.map((c) => cell(ln.index, c)), range: range(ln.index, 0, ln.index, l.lines[ln.index].length) });
  }
  for (const k of [...out.keys()].sort((a, b) => a - b)) rows.push(out.get(k)!);
  return rows;
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

function join(parts: (GridCell | undefined)[]): { cell: GridCell; lines: number[] } | undefined {
  const ps = parts.filter((p): p is GridCell => !!p);
  if (!ps.length) return undefined;
  return {
    cell: { text: ps.map((p) => p.text).join(''), range: { start: ps[0].range.start, end: ps[ps.length - 1].range.end } as Range },
    lines: ps.map((p) => p.range.start.line),
  };
}

/** The label from the wrapped pieces around a data line: nearest pieces first, up to three lines each side. */
function joinLabel(
  above: (GridCell | undefined)[],
  own: GridCell | undefined,
  below: (GridCell | undefined)[],
  ok: (s: string) => boolean,
): { cell: GridCell; lines: number[] } | undefined {
  const up = above.slice(-3);
  const down = below.slice(0, 3);
  const tries: (GridCell | undefined)[][] = [];
  for (let a = 1; a <= up.length; a++) tries.push([...up.slice(up.length - a), own]);
  for (let b = 1; b <= down.length; b++) tries.push([own, ...down.slice(0, b)]);
  for (let a = 1; a <= up.length; a++) for (let b = 1; b <= down.length; b++) tries.push([...up.slice(up.length - a), own, ...down.slice(0, b)]);
  for (const t of tries) {
    const c = join(t);
    if (c && ok(c.cell.text)) return c;
  }
  return undefined;
}

const ORDINAL = /^\s*(?:(\d{1,2})[.．、]|[（(]([一二三四五六七八九十])[)）])/;

/**
 * A row whose label names nothing (characters lost in the PDF, e.g.
 * `2.其他法律行政止公开`) is read as the one template row that fits between
 * its neighbours, when its number (`2.`) is that row's number too. Said as a
 * warning, never silently.
 */
function inferByPosition(
  out: Map<number, GridRow>,
  rowOf: (label: string) => string | undefined,
  rows: { key: string; label: string }[],
  problems: ShapeProblem[] | undefined,
): void {
  const data = [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  const labelAt = (r: GridRow) => {
    let i = r.cells.length - 1;
    while (i >= 0 && NUMBER.test(r.cells[i].text)) i--;
    return i;
  };
  const keys = data.map((r) => {
    const i = labelAt(r);
    return i >= 0 ? rowOf(r.cells[i].text) : undefined;
  });
  const order = rows.map((r) => r.key);
  const seen = new Set(keys.filter((k): k is string => !!k));
  data.forEach((r, k) => {
    const i = labelAt(r);
    if (keys[k] || i < 0) return;
    const m = ORDINAL.exec(r.cells[i].text);
    if (!m) return;
    const prev = k > 0 ? keys[k - 1] : undefined;
    const next = k < data.length - 1 ? keys[k + 1] : undefined;
    if (!prev || !next) return;
    const between = order.slice(order.indexOf(prev) + 1, order.indexOf(next)).filter((x) => !seen.has(x));
    if (between.length !== 1) return;
    const spec = rows.find((x) => x.key === between[0])!;
    const sm = ORDINAL.exec(spec.label);
    if (!sm || (sm[1] ?? sm[2]) !== (m[1] ?? m[2])) return;
    const old = r.cells[i].text;
    problems?.push({
      range: r.cells[i].range,
      severity: 'warning',
      zh: `行名“${old}”与模板不符，按所在位置读作“${spec.label}”`,
      en: `The row label "${old}" matches no template row; read by its position as "${spec.label}"`,
    });
    r.cells[i] = { ...r.cells[i], text: spec.label };
    seen.add(spec.key);
  });
}
