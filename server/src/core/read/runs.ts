// Plumbing the line readers share: which lines are still free, and rows as blocks.
import { lineRange, trimSpan, type Lines } from '../text';
import type { GridBlock, GridCell, GridRow, ReaderShape, ShapeReader } from './types';

/** [from, to) runs of lines no earlier reader claimed. */
export function unclaimedRuns(l: Lines, claimed: Set<number>): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  for (let i = 0; i <= l.lines.length; i++) {
    const free = i < l.lines.length && !claimed.has(i);
    if (free && from < 0) from = i;
    if (!free && from >= 0) {
      out.push([from, i]);
      from = -1;
    }
  }
  return out;
}

/** Rows as blocks: a new block where a gap of lines with no row is wider than `gap`. */
export function blocksOf(shape: ReaderShape, rows: GridRow[], gap = 3): GridBlock[] {
  const blocks: GridBlock[] = [];
  let cur: GridBlock | undefined;
  for (const r of rows) {
    if (!cur || r.range.start.line - cur.to > gap) {
      cur = { shape, rows: [], from: r.range.start.line, to: r.range.end.line };
      blocks.push(cur);
    }
    cur.rows.push(r);
    cur.to = Math.max(cur.to, r.range.end.line);
  }
  return blocks;
}

/** Word text (a TAB-led line per cell) or TAB rows, by which the free lines mostly are. */
export function tabShape(l: Lines, claimed: Set<number>): 'word' | 'tsv' | undefined {
  let word = 0;
  let tsv = 0;
  for (let i = 0; i < l.lines.length; i++) {
    const line = l.lines[i];
    const tab = line.indexOf('\t');
    if (tab < 0 || claimed.has(i)) continue;
    if (tab === 0 && line.indexOf('\t', 1) < 0) word++;
    else tsv++;
  }
  if (word + tsv === 0) return undefined;
  return word >= tsv * 2 ? 'word' : 'tsv';
}

/** The cells of line `i` split at TABs from `start` on, each trimmed, with its range. */
export function tabCells(line: string, i: number, start: number): GridCell[] {
  const cells: GridCell[] = [];
  for (let at = start; ; ) {
    const tab = line.indexOf('\t', at);
    const end = tab < 0 ? line.length : tab;
    const [a, b] = trimSpan(line, at, end);
    cells.push({ text: line.slice(a, b), range: lineRange(i, a, b) });
    if (tab < 0) return cells;
    at = tab + 1;
  }
}

/**
 * A reader of TAB-led lines (Word text or TAB rows, whichever the lines show):
 * `readGrid` reads the rows of each run of lines no earlier reader claimed.
 */
export function tabReader(shape: 'word' | 'tsv', readGrid: (l: Lines, from: number, to: number) => GridRow[]): ShapeReader {
  return {
    shape,
    detect: (text) => text.includes('\t'),
    read({ view, claimed }) {
      if (tabShape(view.lines, claimed) !== shape) return { blocks: [] };
      const rows = unclaimedRuns(view.lines, claimed).flatMap(([from, to]) => readGrid(view.lines, from, to));
      return { blocks: blocksOf(shape, rows) };
    },
  };
}
