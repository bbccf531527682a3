// Tab-separated rows: one table row per line, cells split by TABs.
import { lineRange, range, trimSpan, type Lines } from '../text';
import { blocksOf, tabShape, unclaimedRuns } from './runs';
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
    const cells = [];
    let start = 0;
    for (;;) {
      const tab = line.indexOf('\t', start);
      const end = tab < 0 ? line.length : tab;
      const [a, b] = trimSpan(line, start, end);
      cells.push({ text: line.slice(a, b), range: lineRange(i, a, b) });
      if (tab < 0) break;
      start = tab + 1;
    }
    rows.push({ cells, range: range(i, 0, i, line.length) });
  }
  return rows;
}
