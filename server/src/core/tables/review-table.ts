// Reads table 四: one row of 15 numbers under a three-level header, no label.
import type { GridRow } from '../read/types';
import { matcher, type GridTableSpec } from '../template';
import { parseNumber, squash } from '../text';
import type { Cell, Table } from '../types';
import { fitValues, isNumeric, toCell } from './cells';

export function readReviewTable(key: string, spec: GridTableSpec, grid: GridRow[]): Table | undefined {
  const want = spec.columns.length;
  // Enough of the header's words (the template's `header`) to know the table is there.
  const words = spec.header ? matcher(spec.header) : undefined;
  const header = words && grid.find((g) => g.cells.some((c) => words.test(squash(c.text))));
  const headerAt = header ? grid.indexOf(header) : -1;
  for (const [i, g] of grid.entries()) {
    const numbers = g.cells.filter(isNumeric).length;
    // A row under the header that holds only blanks, numbers and n/a marks is
    // the data row too, however few numbers it has: the empty standard table
    // (as inserted by the fixes) and half-filled ones.
    const figuresOnly = headerAt >= 0 && i > headerAt && g.cells.length >= want && g.cells.every((c) => parseNumber(c.text).kind !== 'text');
    if (numbers < want - 3 && !figuresOnly) continue;
    let from = 0;
    while (from < g.cells.length && g.cells[from].text !== '' && !isNumeric(g.cells[from])) from++;
    const values = fitValues(g.cells.slice(from), want);
    const start = header ? header.range.start : g.range.start;
    if (!values) {
      return {
        key,
        range: { start, end: g.range.end },
        rows: [],
        unknownRows: [],
        problems: [{
          range: g.range,
          severity: 'error',
          zh: `行政复议、行政诉讼表的数据行应有 ${want} 个数，实有 ${g.cells.filter((c) => c.text !== '').length} 个`,
          en: `The data row of the review and litigation table should hold ${want} numbers, it holds ${g.cells.filter((c) => c.text !== '').length}`,
        }],
      };
    }
    const cells: Record<string, Cell> = {};
    spec.columns.forEach((col, i) => (cells[col.key] = toCell(values[i])));
    const labelRange = from > 0 ? g.cells[0].range : { start: values[0].range.start, end: values[0].range.start };
    return {
      key,
      range: { start, end: g.range.end },
      rows: [{ key: spec.rows[0].key, label: from > 0 ? g.cells[0].text : '', labelRange, cells, range: g.range }],
      unknownRows: [],
      problems: [],
    };
  }
  if (!header) return undefined;
  return {
    key,
    range: header.range,
    rows: [],
    unknownRows: [],
    problems: [{ range: header.range, severity: 'error', zh: '行政复议、行政诉讼表没有数据行', en: 'The review and litigation table has no row of figures' }],
  };
}
