// 拆格: a number split over two neighbouring cells by a crawler or a converter
// (`| 2 | 1 |` for 21) makes a row one cell too long. The row is read with the
// two cells joined when exactly one join makes the row's sums and its columns'
// sums (and the balance) hold; never guessed when more than one join fits.
import type { GridCell, GridRow } from '../read/types';
import type { GridTableSpec, RowSpec } from '../template';
import type { Cell, ShapeProblem, TableRow } from '../types';
import { isNumeric, toCell } from './cells';

export interface SplitRow {
  spec: RowSpec;
  g: GridRow;
  label: GridCell;
  /** The row's value cells, one more than the table's columns. */
  cells: GridCell[];
  /** What to report when no single join fits. */
  unread: ShapeProblem;
}

/** The value cells of a row holding exactly one figure too many, or undefined. */
export function oneTooMany(cells: GridCell[], want: number): GridCell[] | undefined {
  const filled = cells.filter((c) => c.text !== '');
  return filled.length === want + 1 && filled.every(isNumeric) && filled.every((c) => /^\d+$/.test(c.text)) ? filled : undefined;
}

export function joinSplitCells(spec: GridTableSpec, splits: SplitRow[], rows: TableRow[], seen: Set<string>, problems: ShapeProblem[]): void {
  for (const s of splits) {
    if (seen.has(s.spec.key)) {
      problems.push(s.unread);
      continue;
    }
    const fits: number[] = [];
    for (let j = 0; j + 1 < s.cells.length; j++) if (holds(spec, s.spec.key, joined(s.cells, j).map((c) => Number(c.text)), rows)) fits.push(j);
    if (fits.length !== 1) {
      problems.push(s.unread);
      continue;
    }
    const j = fits[0];
    const values = joined(s.cells, j);
    const cells: Record<string, Cell> = {};
    spec.columns.forEach((col, i) => (cells[col.key] = toCell(values[i])));
    seen.add(s.spec.key);
    rows.push({ key: s.spec.key, label: s.label.text, labelRange: s.label.range, cells, range: s.g.range });
    const [a, b] = [s.cells[j], s.cells[j + 1]];
    const column = spec.columns[j].label;
    problems.push({
      range: { start: a.range.start, end: b.range.end },
      severity: 'error',
      kind: 'split-number',
      zh: `“${s.spec.label}”一行多出一格：“${a.text}”与“${b.text}”应为同一格（${column}）${a.text}${b.text}，合并后本行与各列的合计都成立`,
      en: `The row "${s.spec.label}" has one cell too many: "${a.text}" and "${b.text}" are one cell (${column}) ${a.text}${b.text}; joined, the row's and the columns' sums all hold`,
      edit: { range: { start: a.range.start, end: b.range.end }, newText: a.text + b.text },
    });
  }
}

/** The cells with cells j and j + 1 joined into one. */
function joined(cells: GridCell[], j: number): GridCell[] {
  const [a, b] = [cells[j], cells[j + 1]];
  return [...cells.slice(0, j), { text: a.text + b.text, range: { start: a.range.start, end: b.range.end } }, ...cells.slice(j + 2)];
}

/** Whether the row `key` with these values makes its row sums hold, and every column sum and balance whose other rows are read. */
function holds(spec: GridTableSpec, key: string, values: number[], rows: TableRow[]): boolean {
  const col = (k: string) => spec.columns.findIndex((c) => c.key === k);
  for (const s of spec.rowSums ?? []) if (values[col(s.total)] !== s.parts.reduce((a, p) => a + values[col(p)], 0)) return false;
  const valueOf = (row: string, c: number): number | undefined => {
    if (row === key) return values[c];
    const cell = rows.find((r) => r.key === row)?.cells[spec.columns[c].key];
    return cell && cell.value !== null ? cell.value : undefined;
  };
  const sides: [string[], string[]][] = [...(spec.columnSums ?? []).map((s): [string[], string[]] => [[s.total], s.parts]), ...(spec.balance ? [[spec.balance.in, spec.balance.out] as [string[], string[]]] : [])];
  for (const [left, right] of sides) {
    if (![...left, ...right].includes(key)) continue;
    for (let c = 0; c < spec.columns.length; c++) {
      const l = left.map((r) => valueOf(r, c));
      const r = right.map((x) => valueOf(x, c));
      if ([...l, ...r].some((v) => v === undefined)) continue;
      if (l.reduce((a, v) => a! + v!, 0) !== r.reduce((a, v) => a! + v!, 0)) return false;
    }
  }
  return true;
}
