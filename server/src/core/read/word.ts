// Word-exported plain text: one cell per line led by a TAB; a wrapped cell goes
// on in lines without a TAB (sometimes after a blank line); a blank line
// followed by a TAB line starts a new row.
import { isBlank, range, trimSpan, type Lines } from '../text';
import { tabCells, tabReader } from './runs';
import type { GridCell, GridRow } from './types';

export const wordReader = tabReader('word', readWordGrid);

const MAX_CONTINUATION = 40;

export function readWordGrid(l: Lines, from: number, to: number): GridRow[] {
  const rows: GridRow[] = [];
  let row: GridCell[] | null = null;
  let rowStart = 0;
  let rowEnd = 0;
  let sawBlank = false;
  const close = () => {
    if (row && row.length) rows.push({ cells: row, range: range(rowStart, 0, rowEnd, l.lines[rowEnd].length) });
    row = null;
  };
  for (let i = from; i < to; i++) {
    const line = l.lines[i];
    if (isBlank(line) && !line.includes('\t')) {
      sawBlank = true;
      continue;
    }
    if (line.startsWith('\t')) {
      if (!row || sawBlank) {
        close();
        row = [];
        rowStart = i;
      }
      sawBlank = false;
      rowEnd = i;
      row.push(...tabCells(line, i, 1));
      continue;
    }
    const last = row ? (row as GridCell[])[(row as GridCell[]).length - 1] : undefined;
    const [a, b] = trimSpan(line, 0, line.length);
    if (last && continues(last, line.slice(a, b))) {
      const wasEmpty = last.text === '';
      last.text += line.slice(a, b);
      last.range = { start: wasEmpty ? { line: i, character: a } : last.range.start, end: { line: i, character: b } };
      rowEnd = i;
      sawBlank = false;
      continue;
    }
    close();
    sawBlank = false;
  }
  close();
  return rows;
}

/** A numbering opens a heading or a label; it never carries on a wrapped one. */
const NUMBERED = /^(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])/;

/** A line without a TAB carries on the previous cell when that cell is a label wrapped mid-word. */
function continues(prev: GridCell, text: string): boolean {
  if (text.length > MAX_CONTINUATION || /[。；;]$/.test(text) || NUMBERED.test(text)) return false;
  if (/^[\d０-９.\s]+$/.test(prev.text) && prev.text !== '') return false;
  return true;
}
