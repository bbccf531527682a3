// Tab-separated rows: one table row per line, cells split by TABs.
import { range, type Lines } from '../text';
import { blocksOf, tabCells, tabShape, unclaimedRuns } from './runs';
import type { GridRow, ShapeReader } from './types';

export const tsvReader: ShapeReader = {
  shape: 'tsv',
  detect: (text) => text.includes('\t'),
  read({ view, claimed }) {
    if (tabShape(view.lines, claimed) !== 'tsv') return { blocks: [] };
    const rows = unclaimedRuns(view.lines, claimed).flatMap(([from, to]) => readTsvGrid(view.lines, from, to));
    return { blocks: blocksOf('tsv', rows) };
  },
};

export function readTsvGrid(l: Lines, from: number, to: number): GridRow[] {
  const rows: GridRow[] = [];
  for (let i = from; i < to; i++) {
    const line = l.lines[i];
    if (!line.includes('\t')) continue;
    rows.push({ cells: tabCells(line, i, 0), range: range(i, 0, i, line.length) });
  }
  return rows;
}
