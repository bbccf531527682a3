// Reads table 三 (and any table declared with rows and columns) by matching
// each row's label to the template by meaning, not by position.
import type { GridRow } from '../read/types';
import { matcher, type GridTableSpec, type RowSpec } from '../template';
import { comparePos, labelKey, squash } from '../text';
import type { Cell, ShapeProblem, Table, TableRow } from '../types';
import { fitValues, isNumeric, toCell } from './cells';
import { joinSplitCells, oneTooMany, type SplitRow } from './split-cells';

const matched = new WeakMap<RowSpec[], Map<string, RowSpec | null>>();

/** The template row a label names. Memoised per template table: reports repeat the same labels. */
export function matchRow(rows: RowSpec[], label: string): RowSpec | undefined {
  let memo = matched.get(rows);
  if (!memo) matched.set(rows, (memo = new Map()));
  let hit = memo.get(label);
  if (hit === undefined) {
    const key = labelKey(label);
    hit = (key && rows.find((r) => matcher(r.match).test(key))) || null;
    if (memo.size > 20_000) memo.clear();
    if (label.length <= 200) memo.set(label, hit);
  }
  return hit ?? undefined;
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

/** Each table's column labels and header words, worked out once (every row is asked). */
const headerWords = new WeakMap<GridTableSpec, { labels: Set<string>; header?: RegExp }>();

function headerWordsOf(spec: GridTableSpec): { labels: Set<string>; header?: RegExp } {
  let words = headerWords.get(spec);
  if (!words) {
    const labels = new Set([...spec.columns.flatMap((c) => [c.label, ...(c.group ? [c.group] : [])]), ...(spec.columnGroup ? [spec.columnGroup] : [])].map(squash));
    headerWords.set(spec, (words = { labels, header: spec.header ? matcher(spec.header) : undefined }));
  }
  return words;
}

/** A row of two or more column labels or groups (`自然人`, `法人或其他组织`), or one with the table's header words (`勾稽关系`). */
function isHeaderRow(spec: GridTableSpec, row: GridRow): boolean {
  const { labels, header } = headerWordsOf(spec);
  let hits = 0;
  for (const c of row.cells) {
    const s = squash(c.text);
    if (labels.has(s)) hits++;
    if (header?.test(s)) return true;
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
  /** Rows of figures whose label the extraction lost, with the matched row before them. */
  const orphans: Orphan[] = [];
  /** Rows one figure too long, read once the other rows are (a number split over two cells). */
  const splits: SplitRow[] = [];
  const lastKey = () => rows[rows.length - 1]?.key;
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
        // read with the trial format's rows) is the row's real label, and it
        // is not one of ours: the group label must not take the row.
        labelAt = -1;
        rowSpec = undefined;
      }
    });
    const numbers = g.cells.filter(isNumeric).length;
    if (!rowSpec) {
      if (numbers === 0) continue;
      const labelCells = g.cells.filter((c) => c.text !== '' && !isNumeric(c));
      if (labelCells.length === 0 && first && fitValues(g.cells, want)) orphans.push({ g, after: lastKey() });
      if (labelCells.length === 0 || !first) continue;
      const label = labelCells.map((c) => c.text).join(' ');
      if (isGroupLabel(spec, labelCells[labelCells.length - 1].text)) continue;
      if (!first) continue;
      last = g;
      const afterLabel = g.cells.slice(g.cells.indexOf(labelCells[labelCells.length - 1]) + 1);
      // A label garbled by the extraction (`行政机关不再处理其政府信息公`): placed by position like a lost one, or reported.
      const unknown = () => {
        unknownRows.push({ label, labelRange: labelCells[0].range, cells: {}, range: g.range });
        problems.push({
          range: labelCells[0].range,
          severity: 'error',
          zh: `无法将此行“${label}”对应到模板中的任何一行`,
          en: `This row ("${label}") matches no row of the template`,
        });
      };
      if (fitValues(afterLabel, want)) orphans.push({ g: { cells: afterLabel, range: g.range }, after: lastKey(), label, unplaced: unknown });
      else unknown();
      continue;
    }
    first ??= g;
    last = g;
    const spec2 = rowSpec as RowSpec;
    const labelCell = g.cells[labelAt];
    // A label split over two cells by the extraction (`缴纳费用、 | 行政机关不再处理其政`): the words after it are the label's too.
    let valuesAt = labelAt + 1;
    while (valuesAt < g.cells.length && g.cells[valuesAt].text !== '' && !isNumeric(g.cells[valuesAt]) && g.cells.length - valuesAt > want) valuesAt++;
    const values = fitValues(g.cells.slice(valuesAt), want);
    if (!values) {
      const have = g.cells.slice(labelAt + 1).filter((c) => c.text !== '').length;
      const unread: ShapeProblem = {
        range: labelCell.range,
        severity: 'error',
        zh: `“${spec2.label}”一行应有 ${want} 个数，实有 ${have} 个`,
        en: `The row "${spec2.label}" should hold ${want} numbers, it holds ${have}`,
        row: spec2.key,
      };
      const extra = oneTooMany(g.cells.slice(valuesAt), want);
      if (extra) splits.push({ spec: spec2, g, label: labelCell, cells: extra, unread });
      else problems.push(unread);
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
  joinSplitCells(spec, splits, rows, seen, problems);
  placeOrphans(spec, orphans, rows, seen, problems);
  rows.sort((a, b) => comparePos(a.range.start, b.range.start));
  // One matched row is not a table: a lone `总计` (the header of table 四 read
  // when the heading of 三 is missing and the whole text is searched) must not
  // pass for table 三. A table with many rows is recognised by at least two.
  if (!first || rows.length < Math.min(2, spec.rows.length)) return undefined;
  const range = { start: first.range.start, end: last!.range.end };
  const missing = spec.rows.filter((r) => !seen.has(r.key) && !rows.some((x) => x.key === r.key));
  // A row met but not read is reported as such, not also as missing.
  const trulyMissing = missing.filter((r) => !problems.some((p) => p.row === r.key));
  if (trulyMissing.length) {
    // Said where the first missing row belongs: at the row that follows it in the template.
    const order = spec.rows.map((r) => r.key);
    const next = rows.find((r) => order.indexOf(r.key!) > order.indexOf(trulyMissing[0].key));
    const at = next ? next.labelRange.start : first.range.start;
    problems.push({
      range: { start: at, end: at },
      severity: 'error',
      zh: `表格缺少模板要求的行：${trulyMissing.map((r) => r.label).join('、')}`,
      en: `The table lacks rows the template requires: ${trulyMissing.map((r) => r.label).join(', ')}`,
    });
  }
  return { key, range, rows, unknownRows, problems };
}

/**
 * Rows of figures with no label (lost by a PDF extraction) between two
 * matched rows are read, in order, as the template rows missing there, when
 * there are exactly as many of them as rows missing. Said as a warning, never
 * silently; the sums are checked on them like on any row.
 */
interface Orphan {
  g: GridRow;
  /** The matched row before it. */
  after?: string;
  /** A garbled label, when it has one, and what to do when it cannot be placed. */
  label?: string;
  unplaced?: () => void;
}

function placeOrphans(spec: GridTableSpec, orphans: Orphan[], rows: TableRow[], seen: Set<string>, problems: ShapeProblem[]): void {
  const order = spec.rows.map((r) => r.key);
  const groups = new Map<string | undefined, Orphan[]>();
  for (const o of orphans) groups.set(o.after, [...(groups.get(o.after) ?? []), o]);
  for (const [after, os] of groups) {
    const from = after ? order.indexOf(after) + 1 : 0;
    const last = os[os.length - 1].g;
    const nextRow = rows.filter((r) => comparePos(r.range.start, last.range.start) > 0).sort((a, b) => comparePos(a.range.start, b.range.start))[0];
    const to = nextRow ? order.indexOf(nextRow.key!) : order.length;
    const gap = order.slice(from, to).filter((k) => !seen.has(k));
    if (gap.length !== os.length) {
      for (const o of os) o.unplaced?.();
      continue;
    }
    // A garbled label must still look like the row's: a different row (`2.网上咨询转办`) is not placed.
    if (os.some((o, i) => o.label !== undefined && !alike(o.label, spec.rows.find((r) => r.key === gap[i])!.label))) {
      for (const o of os) o.unplaced?.();
      continue;
    }
    os.forEach(({ g, label: garbled }, i) => {
      const rowSpec = spec.rows.find((r) => r.key === gap[i])!;
      const values = fitValues(g.cells, spec.columns.length)!;
      const cells: Record<string, Cell> = {};
      spec.columns.forEach((col, k) => (cells[col.key] = toCell(values[k])));
      const at = { start: values[0].range.start, end: values[0].range.start };
      seen.add(rowSpec.key);
      rows.push({ key: rowSpec.key, label: '', labelRange: at, cells, range: g.range });
      problems.push(
        garbled
          ? { range: at, severity: 'warning', zh: `行名“${garbled}”与模板不符，按所在位置读作“${rowSpec.label}”`, en: `The row label "${garbled}" matches no template row; read by its position as "${rowSpec.label}"` }
          : { range: at, severity: 'warning', zh: `此行没有行名，按所在位置读作“${rowSpec.label}”`, en: `This row has no label; read by its position as "${rowSpec.label}"` },
      );
    });
  }
}

/** Two labels share a run of four characters (or the whole of a shorter one): a typo, not another row. */
function alike(garbled: string, label: string): boolean {
  const a = labelKey(garbled);
  const b = labelKey(label);
  const n = Math.min(4, a.length);
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}
