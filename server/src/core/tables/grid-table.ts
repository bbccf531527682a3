// Reads table 三 (and any table declared with rows and columns) by matching
// each row's label to the template by meaning, not by position.
import type { GridRow } from '../read/types';
import { matcher, type GridTableSpec, type RowSpec } from '../template';
import { labelKey, squash } from '../text';
import type { Cell, ShapeProblem, Table, TableRow } from '../types';
import { fitValues, isNumeric, toCell } from './cells';

export function matchRow(rows: RowSpec[], label: string): RowSpec | undefined {
  const key = labelKey(label);
  if (!key) return undefined;
  return rows.find((r) => matcher(r.match).test(key));
}

/** `1.申请人…`, `（二）部分公开`: a label with its numbering, never a value. */
function isNumberedLabel(text: string): boolean {
  const s = squash(text);
  const key = labelKey(text);
  return key !== s && /[\u4e00-\u9fff]/.test(key);
}

function isGroupLabel(spec: GridTableSpec, label: string): boolean {
  const key = labelKey(label);
  return key !== '' && spec.rows.some((r) => r.group && labelKey(r.group) === key);
}

function isHeaderRow(spec: GridTableSpec, row: GridRow): boolean {
  const labels = new Set(spec.columns.map((c) => squash(c.label)));
  let hits = 0;
  for (const c of row.cells) {
    const s = squash(c.text);
    if (labels.has(s) || s === '法人或其他组织' || s === squash(spec.columnGroup ?? '-')) hits++;
    if (/勾稽关系/.test(s)) return true;
  }
  return hits >= 2;
}

export function readGridTable(key: string, spec: GridTableSpec, grid: GridRow[]): Table | undefined {
  const want = spec.columns.length;
  const rows: TableRow[] = [];
  const unknownRows: TableRow[] = [];
  const problems: ShapeProblem[] = [];
  const seen = new Set<string>();
  let first: GridRow | undefined;
  let last: GridRow | undefined;
  for (const g of grid) {
    if (isHeaderRow(spec, g)) {
      first ??= g;
      last = g;
      continue;
    }
    let labelAt = -1;
    let rowSpec: RowSpec | undefined;
    g.cells.forEach((c, i) => {
      if (c.text === '' || isNumeric(c)) return;
      const m = matchRow(spec.rows, c.text);
      if (m) {
        labelAt = i;
        rowSpec = m;
      } else if (rowSpec && isNumberedLabel(c.text)) {
        // A numbered sub-item after the matched label (`（六）其他处理 | 1.申请人…`
        // read with the 2019 rows) is the row's real label, and it is not one
        // of ours: the group label must not take the row.
        labelAt = -1;
        rowSpec = undefined;
      }
    });
    const numbers = g.cells.filter(isNumeric).length;
    if (!rowSpec) {
      if (numbers === 0) continue;
      const labelCells = g.cells.filter((c) => c.text !== '' && !isNumeric(c));
      if (labelCells.length === 0 || !first) continue;
      const label = labelCells.map((c) => c.text).join(' ');
      if (isGroupLabel(spec, labelCells[labelCells.length - 1].text)) continue;
      if (!first) continue;
      unknownRows.push({ label, labelRange: labelCells[0].range, cells: {}, range: g.range });
      problems.push({
        range: labelCells[0].range,
        severity: 'error',
        zh: `无法将此行“${label}”对应到模板中的任何一行`,
        en: `This row ("${label}") matches no row of the template`,
      });
      last = g;
      continue;
    }
    first ??= g;
    last = g;
    const spec2 = rowSpec as RowSpec;
    const labelCell = g.cells[labelAt];
    const values = fitValues(g.cells.slice(labelAt + 1), want);
    if (!values) {
      const have = g.cells.slice(labelAt + 1).filter((c) => c.text !== '').length;
      problems.push({
        range: labelCell.range,
        severity: 'error',
        zh: `“${spec2.label}”一行应有 ${want} 个数，实有 ${have} 个`,
        en: `The row "${spec2.label}" should hold ${want} numbers, it holds ${have}`,
      });
      continue;
    }
    if (seen.has(spec2.key)) {
      problems.push({ range: labelCell.range, severity: 'error', zh: `“${spec2.label}”一行重复出现`, en: `The row "${spec2.label}" appears twice` });
      continue;
    }
    seen.add(spec2.key);
    const cells: Record<string, Cell> = {};
    spec.columns.forEach((col, i) => (cells[col.key] = toCell(values[i])));
    rows.push({ key: spec2.key, label: labelCell.text, labelRange: labelCell.range, cells, range: g.range });
  }
  // One matched row is not a table: a lone `总计` (the header of table 四 read
  // when the heading of 三 is missing and the whole text is searched) must not
  // pass for table 三. A table with many rows is recognised by at least two.
  if (!first || rows.length < Math.min(2, spec.rows.length)) return undefined;
  const range = { start: first.range.start, end: last!.range.end };
  const missing = spec.rows.filter((r) => !seen.has(r.key) && !rows.some((x) => x.key === r.key));
  const unreadable = new Set(problems.map((p) => p.zh));
  const trulyMissing = missing.filter((r) => ![...unreadable].some((z) => z.includes(`“${r.label}”`)));
  if (trulyMissing.length) {
    problems.push({
      range: { start: first.range.start, end: first.range.start },
      severity: 'error',
      zh: `表格缺少模板要求的行：${trulyMissing.map((r) => r.label).join('、')}`,
      en: `The table lacks rows the template requires: ${trulyMissing.map((r) => r.label).join(', ')}`,
    });
  }
  return { key, range, rows, unknownRows, problems };
}
