// Picks the reader for a stretch of lines: Markdown tables, Word cells, or TAB rows.
import type { Lines } from '../text';
import type { Shape } from '../types';
import type { GridRow } from './types';
import { readTsvGrid } from './tsv';
import { readWordGrid } from './word';
import { isLayout, readLayoutGrid, type LayoutOptions } from '../shapes/layout';

export type { GridCell, GridRow } from './types';

export function tabShape(l: Lines, from: number, to: number): 'word' | 'tsv' | undefined {
  let word = 0;
  let tsv = 0;
  for (let i = from; i < to; i++) {
    const line = l.lines[i];
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    if (tab === 0 && line.indexOf('\t', 1) < 0) word++;
    else tsv++;
  }
  if (word + tsv === 0) return undefined;
  return word >= tsv * 2 ? 'word' : 'tsv';
}

/** How a stretch of text was read: the report shapes, plus `pdftotext -layout` columns. */
export type GridShape = Shape | 'layout';

export function readGrid(
  l: Lines,
  from: number,
  to: number,
  markdown: GridRow[][],
  options: LayoutOptions = {},
): { shape: GridShape; rows: GridRow[] } | undefined {
  const md = markdown.filter((t) => t.length && t[0].range.start.line >= from && t[0].range.start.line < to);
  if (md.length) return { shape: 'markdown', rows: md.flat() };
  const shape = tabShape(l, from, to);
  if (!shape) {
    if (isLayout(l, from, to)) return { shape: 'layout', rows: readLayoutGrid(l, from, to, options) };
    return undefined;
  }
  return { shape, rows: shape === 'word' ? readWordGrid(l, from, to) : readTsvGrid(l, from, to) };
}
