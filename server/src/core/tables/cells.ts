// From laid-out cells to template cells: which cells are labels, which values.
import type { GridCell } from '../read/types';
import { parseNumber } from '../text';
import type { Cell } from '../types';

export function toCell(g: GridCell): Cell {
  const n = parseNumber(g.text);
  const cell: Cell = { text: g.text, range: g.range, kind: n.kind, value: n.value };
  if (n.fullWidth) cell.fullWidth = true;
  return cell;
}

export function isNumeric(g: GridCell): boolean {
  // A cell that starts with a CJK ideograph (a label, most cells asked) is no number whatever follows: NFKC keeps it.
  const c = g.text.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return false;
  return parseNumber(g.text).kind === 'number';
}

/**
 * The `want` value cells of a row, given the cells after its label. Layouts pad
 * rows with empty cells (merged cells, trailing TABs): drop empty ones from the
 * front, then from the back, until the count fits.
 */
export function fitValues(cells: GridCell[], want: number): GridCell[] | undefined {
  let a = 0;
  let b = cells.length;
  while (b - a > want && cells[a].text === '') a++;
  while (b - a > want && cells[b - 1].text === '') b--;
  return b - a === want ? cells.slice(a, b) : undefined;
}

