// Reads table 二 (主动公开): blocks of rows, each block with its own columns.
import type { GridRow } from '../read/types';
import { matcher, proactiveRows, type Template } from '../template';
import { labelKey } from '../text';
import type { Cell, ShapeProblem, Table, TableRow } from '../types';
import { fitValues, isNumeric, toCell } from './cells';

export function readProactiveTable(template: Template, grid: GridRow[]): Table | undefined {
  const specs = proactiveRows(template);
  // A block's label (第二十条第（一）项) and column headers (本年制发件数…) mark the table, as no row.
  const block = matcher(template.tables.proactive.block);
  const header = matcher(template.tables.proactive.header);
  const rows: TableRow[] = [];
  const unknownRows: TableRow[] = [];
  const problems: ShapeProblem[] = [];
  let first: GridRow | undefined;
  let last: GridRow | undefined;
  for (const g of grid) {
    const labels = g.cells.filter((c) => c.text !== '' && !isNumeric(c));
    if (labels.length === 0) continue;
    const lead = labelKey(labels[0].text);
    if (block.test(lead) || header.test(lead)) {
      first ??= g;
      last = g;
      continue;
    }
    const labelAt = g.cells.indexOf(labels[0]);
    const found = specs.find((s) => matcher(s.row.match).test(lead));
    if (!found) {
      if (!first || !g.cells.some(isNumeric)) continue;
      last = g;
      unknownRows.push({ label: labels[0].text, labelRange: labels[0].range, cells: {}, range: g.range });
      problems.push({
        range: labels[0].range,
        severity: 'warning',
        zh: `“${labels[0].text}”不是模板中的行，已略过`,
        en: `"${labels[0].text}" is not a row of the template; it is left out`,
      });
      continue;
    }
    first ??= g;
    last = g;
    const want = found.block.columns.length;
    const values = fitValues(g.cells.slice(labelAt + 1), want);
    if (!values) {
      // Table 二 has no sums: a row short of a figure (a cell lost by a PDF extraction) is worth a warning, not a false error.
      problems.push({
        range: labels[0].range,
        severity: 'warning',
        zh: `“${found.row.label}”一行应有 ${want} 个数`,
        en: `The row "${found.row.label}" should hold ${want} values`,
      });
      continue;
    }
    const cells: Record<string, Cell> = {};
    found.block.columns.forEach((col, i) => (cells[col.key] = toCell(values[i])));
    rows.push({ key: found.row.key, label: labels[0].text, labelRange: labels[0].range, cells, range: g.range });
  }
  if (!first || (rows.length === 0 && !problems.some((p) => p.severity === 'warning' && p.range))) return undefined;
  return { key: 'proactive', range: { start: first.range.start, end: last!.range.end }, rows, unknownRows, problems };
}
