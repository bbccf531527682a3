// The report view's data (`xxgk/reportView`): the three tables as grids to
// draw — merged header cells, label cells, and every number cell with its
// range in the text, its value and, when a finding sits on it, the rule, the
// message and the expected value — plus the 勾稽 check of each column of 表三.
// Pure: built from a lint result, so any editor can draw it.
import type { GridTableSpec, RowSpec, TableKey, Template } from '../core/template';
import { builtInTemplates } from '../core/templates';
import type { Cell, Diagnostic, Lang, LintResult, Range, Severity, Table, TableRow } from '../core/types';
import type { ReportView, ViewCell, ViewCheck, ViewDrawn, ViewLabel, ViewRow, ViewTable } from '../protocol';

export function reportView(result: LintResult, lang: Lang = 'zh'): ReportView {
  const { report, diagnostics } = result;
  const t = builtInTemplates.get(report.profile);
  const onCell = findingsByCell(diagnostics);
  const cell: CellMaker = (row, column, colSpan = 1) => {
    const c: Cell | undefined = row?.cells[column];
    const out: ViewCell = { kind: 'number', column, text: c?.text ?? '', value: c?.value ?? null, ...(colSpan > 1 ? { colSpan } : {}) };
    if (!c) return out;
    out.range = c.range;
    const d = onCell(c.range);
    if (d) {
      out.rule = d.rule;
      out.severity = d.severity;
      out.message = d.message;
      if (typeof d.data?.expected === 'number') out.expected = d.data.expected;
    }
    return out;
  };
  const title = (key: TableKey, name: string) => {
    const number = tableNumber(t, key);
    return lang === 'en' ? `Table ${number}: ${name}` : `表${number} ${name}`;
  };

  // 表二: blocks, each a heading row, a column-label row and its rows.
  const proactive = report.tables.proactive;
  const pt = t.tables.proactive;
  const width = 1 + Math.max(...pt.blocks.map((b) => b.columns.length));
  const proactiveRows: ViewRow[] = [];
  for (const block of pt.blocks) {
    proactiveRows.push({ cells: [{ kind: 'label', text: block.label, colSpan: width }] });
    const span = (i: number) => (i === block.columns.length - 1 ? width - block.columns.length : 1);
    proactiveRows.push({ cells: [{ kind: 'label', text: pt.labelColumn }, ...block.columns.map((c, i): ViewLabel => ({ kind: 'label', text: c.label, ...(span(i) > 1 ? { colSpan: span(i) } : {}) }))] });
    for (const spec of block.rows) {
      const row = proactive?.rows.find((r) => r.key === spec.key);
      proactiveRows.push({ key: spec.key, cells: [label(spec.label, row), ...block.columns.map((c, i) => cell(row, c.key, span(i)))] });
    }
  }

  const tables: ViewTable[] = [
    { key: 'proactive', title: title('proactive', pt.title), range: proactive?.range, width, head: [], rows: proactiveRows },
    gridTable('requests', t.tables.requests, report.tables.requests, cell, title('requests', t.tables.requests.title)),
    gridTable('review', t.tables.review, report.tables.review, cell, title('review', t.tables.review.title)),
  ];
  const requests = report.tables.requests;
  const balance = t.tables.requests.balance;
  if (requests && balance) tables[1].checks = checks(t.tables.requests, requests, balance);
  return { profile: report.profile, profileName: t.name, title: report.title?.text, tables };
}

/** A table is numbered as the section it stands under: 表三 under 三、. */
function tableNumber(t: Template, key: TableKey): string {
  return t.sections.find((s) => s.table === key)?.number ?? '';
}

function label(text: string, row: TableRow | undefined, colSpan = 1): ViewLabel {
  return { kind: 'label', text, ...(colSpan > 1 ? { colSpan } : {}), ...(row ? { range: row.labelRange } : {}) };
}

type CellMaker = (row: TableRow | undefined, column: string, colSpan?: number) => ViewCell;

/** 表三 and 表四: the header from the columns' groups, the labels from the rows' groups. */
function gridTable(key: 'requests' | 'review', spec: GridTableSpec, table: Table | undefined, cell: CellMaker, title: string): ViewTable {
  const labels = labelColumns(spec.rows);
  const depth = labels.reduce((m, l) => Math.max(m, l.depth), 0);
  const labelWidth = spec.rows.some((r) => r.label) ? depth + 1 : 0;
  const head = header(spec, labelWidth);
  const rows = spec.rows.map((r, i): ViewRow => {
    const row = table?.rows.find((x) => x.key === r.key);
    const drawn: ViewDrawn[] = [...labels[i].opens];
    if (labelWidth) drawn.push(label(r.label, row, labelWidth - labels[i].depth));
    for (const c of spec.columns) drawn.push(cell(row, c.key));
    return { key: r.key, cells: drawn };
  });
  return { key, title, range: table?.range, width: labelWidth + spec.columns.length, head, rows };
}

/**
 * The merged label cells down the left: a row group such as 三、本年度办理结果
 * runs until the next 四、 row; a sub-group such as （三）不予公开 runs over
 * its numbered rows (1. 2. …).
 */
function labelColumns(rows: RowSpec[]): { depth: number; opens: ViewLabel[] }[] {
  const TOP = /^[一二三四五六七八九十]+、/;
  const out = rows.map(() => ({ depth: 0, opens: [] as ViewLabel[] }));
  for (let i = 0; i < rows.length; i++) {
    const group = rows[i].group;
    if (!group) continue;
    const top = TOP.test(group);
    let end = i + 1;
    while (end < rows.length && (top ? !TOP.test(rows[end].label) : /^\d/.test(rows[end].label) && !rows[end].group)) end++;
    out[i].opens.push({ kind: 'label', text: group, rowSpan: end - i });
    for (let k = i; k < end; k++) out[k].depth++;
  }
  // A sub-group opens after its top group in the same row.
  for (const o of out) o.opens.sort((a, b) => Number(!TOP.test(a.text)) - Number(!TOP.test(b.text)));
  return out;
}

/** Header rows: each column's path (table group, column group words, label), equal neighbours merged. */
function header(spec: GridTableSpec, labelWidth: number): ViewDrawn[][] {
  const paths = spec.columns.map((c) => [...(spec.columnGroup ? [spec.columnGroup] : []), ...(c.group ? c.group.split(' ') : []), c.label]);
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: ViewDrawn[][] = Array.from({ length: depth }, () => []);
  if (labelWidth) rows[0].push({ kind: 'label', text: spec.corner ?? '', colSpan: labelWidth, rowSpan: depth });
  for (let level = 0; level < depth; level++) {
    for (let j = 0; j < paths.length; ) {
      const p = paths[j];
      if (level >= p.length) {
        j++;
        continue;
      }
      const prefix = p.slice(0, level + 1).join('\u0000');
      let k = j + 1;
      const leaf = level === p.length - 1;
      while (!leaf && k < paths.length && paths[k].length > level + 1 && paths[k].slice(0, level + 1).join('\u0000') === prefix) k++;
      rows[level].push({ kind: 'label', text: p[level], ...(k - j > 1 ? { colSpan: k - j } : {}), ...(leaf && depth - level > 1 ? { rowSpan: depth - level } : {}) });
      j = k;
    }
  }
  return rows;
}

function checks(spec: GridTableSpec, table: Table, balance: { in: string[]; out: string[] }): ViewCheck[] {
  const value = (row: string, column: string) => table.rows.find((r) => r.key === row)?.cells[column]?.value ?? 0;
  return spec.columns.map((c) => {
    const ins = balance.in.map((r) => value(r, c.key));
    const outs = balance.out.map((r) => value(r, c.key));
    const [a, b] = [sum(ins), sum(outs)];
    return { column: c.key, label: c.label, in: a, out: b, ok: a === b, formula: `${ins.join('+')}=${a}，${outs.join('+')}=${b}` };
  });
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** The most severe finding whose range starts in a cell. */
function findingsByCell(diagnostics: Diagnostic[]): (range: Range) => Diagnostic | undefined {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (r) =>
    sorted.find((d) => d.range.start.line === r.start.line && d.range.start.character >= r.start.character && d.range.start.character <= r.end.character);
}
