// Tab-separated rows: one table row per line, cells split by TABs.
import { range, type Lines } from '../text';
import { tabCells, tabReader } from './runs';
import type { GridRow } from './types';

export const tsvReader = tabReader('tsv', readTsvGrid);

export function readTsvGrid(l: Lines, from: number, to: number): GridRow[] {
  const rows: GridRow[] = [];
  for (let i = from; i < to; i++) {
    const line = l.lines[i];
    if (!line.includes('\t')) continue;
    rows.push({ cells: tabCells(line, i, 0), range: range(i, 0, i, line.length) });
  }
  return rows;
}
