// Matching: the rows the readers read, under each table's section, matched to
// one template's tables. Runs once per template on rows read once.
import type { GridRow, ReaderShape } from '../read';
import { matcher, proactiveRows, type Template } from '../template';
import { comparePos, labelKey } from '../text';
import type { Range, Section, ShapeProblem, Table } from '../types';
import { cutFlatRows, isFlat, type FlatRowSpec, type FlatSpec } from './flat-rows';
import { matchRow, readGridTable } from './grid-table';
import { joinLayoutLabels, type LabelTests } from './layout-labels';
import { readProactiveTable } from './proactive-table';
import { readReviewTable } from './review-table';

/** The rows under a section (or, with no section, in the whole text), all read in one shape. */
export type RowsOf = (section: Section | undefined) => { shape: ReaderShape; rows: GridRow[] } | undefined;

export interface MatchedTables {
  tables: Record<string, Table>;
  /** The shape table 三 (or else the first table) was read in. */
  reader?: ReaderShape;
}

export function matchTables(t: Template, sections: Section[], rowsOf: RowsOf): MatchedTables {
  const tables: Record<string, Table> = {};
  let reader: ReaderShape | undefined;
  for (const spec of t.sections) {
    if (!spec.table) continue;
    const grid = rowsOf(sections.find((s) => s.key === spec.key));
    if (!grid) continue;
    const problems: ShapeProblem[] = [];
    let rows = grid.rows;
    if (grid.shape === 'flat') {
      const flat = flatSpec(t, spec.table);
      if (!isFlat(rows, flat)) continue;
      rows = cutFlatRows(rows, flat, problems);
    } else if (grid.shape === 'layout') {
      rows = joinLayoutLabels(rows, labelTests(t, spec.table), problems);
    }
    const table =
      spec.table === 'proactive'
        ? readProactiveTable(t, rows)
        : spec.table === 'review'
          ? readReviewTable('review', t.tables.review, rows)
          : readGridTable('requests', t.tables.requests, rows);
    if (!table) continue;
    if (problems.length) {
      // A row the cutting could not read for certain is reported once, there.
      const same = (a: Range, b: Range) => comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0;
      table.problems = table.problems.filter((p) => !(spec.table === 'review' && grid.shape === 'flat') && !problems.some((q) => same(q.range, p.range)));
      table.problems.unshift(...problems);
    }
    tables[spec.table] = table;
    if (spec.table === 'requests' || !reader) reader = grid.shape;
  }
  return { tables, reader };
}

/** What cutting flattened rows needs of a table: its rows, their widths, and the sums that must hold. */
function flatSpec(t: Template, key: string): FlatSpec {
  if (key === 'proactive') {
    const rows = proactiveRows(t);
    return {
      rowOf(label) {
        const k = labelKey(label);
        const f = k ? rows.find((r) => matcher(r.row.match).test(k)) : undefined;
        if (!f) return undefined;
        return { key: f.row.key, label: f.row.label, want: f.block.columns.length, decimals: f.block.columns.some((c) => c.value === 'money'), rowSums: [] };
      },
    };
  }
  const spec = key === 'review' ? t.tables.review : t.tables.requests;
  const at = (k: string) => spec.columns.findIndex((c) => c.key === k);
  const rowSums = (spec.rowSums ?? []).map((s) => ({ total: at(s.total), parts: s.parts.map(at) }));
  const money = spec.columns.some((c) => c.value === 'money');
  if (key === 'review') {
    return { rowOf: () => undefined, unlabelled: { key: spec.rows[0].key, label: '', want: spec.columns.length, rowSums, decimals: money } };
  }
  return {
    rowOf(label): FlatRowSpec | undefined {
      const r = matchRow(spec.rows, label);
      return r ? { key: r.key, label: r.label, want: spec.columns.length, rowSums, decimals: money } : undefined;
    },
    columnSums: spec.columnSums,
    balance: spec.balance,
  };
}

/** Which texts name a row of the table `key`, for joining labels wrapped over lines. */
function labelTests(t: Template, key: string): LabelTests {
  if (key === 'requests') {
    const rows = t.tables.requests.rows;
    return { labelOk: (s) => !!matchRow(rows, s), rowOf: (s) => matchRow(rows, s)?.key, rows };
  }
  if (key === 'proactive') {
    const rows = proactiveRows(t);
    return {
      labelOk(s) {
        const k = labelKey(s);
        return !!k && rows.some((r) => matcher(r.row.match).test(k));
      },
    };
  }
  return { labelOk: () => false };
}
