// The sums that must hold, built from the template's declarations over the
// cells actually read: row totals, column totals and the balance (勾稽关系).
import { columnLabel, rowLabel, type GridTableSpec, type Template } from './template';
import type { Cell, Report } from './types';

export interface CellRef {
  id: string;
  table: string;
  row: string;
  column: string;
  cell: Cell;
  /** e.g. `（一）予以公开 · 自然人` */
  name: string;
}

export interface Constraint {
  id: string;
  rule: 'row-total' | 'column-total' | 'balance';
  table: string;
  /** For sums: the total and its parts. For the balance: `in` as parts, `out` as outParts. */
  total?: CellRef;
  parts: CellRef[];
  outParts?: CellRef[];
  /** The row (row sums) or column (column sums, balance) it runs along. */
  along: string;
}

export interface SumSystem {
  constraints: Constraint[];
  cells: Map<string, CellRef>;
}

export type Values = Map<string, number>;

export function buildSums(report: Report, template: Template): SumSystem {
  const constraints: Constraint[] = [];
  const cells = new Map<string, CellRef>();
  for (const key of ['requests', 'review'] as const) {
    const table = report.tables[key];
    if (!table) continue;
    const spec: GridTableSpec = template.tables[key];
    const byKey = new Map(table.rows.map((r) => [r.key, r]));
    const ref = (row: string, column: string): CellRef | undefined => {
      const r = byKey.get(row);
      const cell = r?.cells[column];
      if (!cell) return undefined;
      const id = `${key}/${row}/${column}`;
      let c = cells.get(id);
      if (!c) {
        const rl = rowLabel(spec, row);
        c = { id, table: key, row, column, cell, name: rl ? `${rl} · ${columnLabel(spec, column)}` : columnLabel(spec, column) };
        cells.set(id, c);
      }
      return c;
    };
    const all = <T>(xs: (T | undefined)[]): T[] | undefined => (xs.every((x) => x !== undefined) ? (xs as T[]) : undefined);
    for (const row of table.rows) {
      if (!row.key) continue;
      for (const sum of spec.rowSums ?? []) {
        const total = ref(row.key, sum.total);
        const parts = all(sum.parts.map((p) => ref(row.key!, p)));
        if (total && parts) constraints.push({ id: `${key}:row:${row.key}:${sum.total}`, rule: 'row-total', table: key, total, parts, along: row.key });
      }
    }
    for (const col of spec.columns) {
      for (const sum of spec.columnSums ?? []) {
        const total = ref(sum.total, col.key);
        const parts = all(sum.parts.map((p) => ref(p, col.key)));
        if (total && parts) constraints.push({ id: `${key}:col:${col.key}:${sum.total}`, rule: 'column-total', table: key, total, parts, along: col.key });
      }
      if (spec.balance) {
        const ins = all(spec.balance.in.map((p) => ref(p, col.key)));
        const outs = all(spec.balance.out.map((p) => ref(p, col.key)));
        if (ins && outs) constraints.push({ id: `${key}:balance:${col.key}`, rule: 'balance', table: key, parts: ins, outParts: outs, along: col.key });
      }
    }
  }
  return { constraints, cells };
}

export function currentValues(system: SumSystem): Values {
  const v: Values = new Map();
  for (const [id, ref] of system.cells) if (ref.cell.value !== null) v.set(id, ref.cell.value);
  return v;
}

const sum = (refs: CellRef[], v: Values) => refs.reduce((s, r) => s + (v.get(r.id) ?? NaN), 0);

/**
 * `holds`, `broken`, or `unknown` when a cell holds text. A blank total reads
 * as 0 like any blank cell (cell-value says so): it breaks its sum only when
 * the parts do not add up to 0.
 */
export function status(c: Constraint, v: Values, blank: Set<string> = new Set()): 'holds' | 'broken' | 'unknown' {
  const left = sum(c.parts, v);
  const right = c.total ? v.get(c.total.id) ?? NaN : sum(c.outParts ?? [], v);
  if (Number.isNaN(left) || Number.isNaN(right)) return 'unknown';
  if (c.total && blank.has(c.total.id)) return Math.abs(left) < 1e-9 ? 'holds' : 'broken';
  return Math.abs(left - right) < 1e-9 ? 'holds' : 'broken';
}

export function blankTotals(system: SumSystem): Set<string> {
  const s = new Set<string>();
  for (const c of system.constraints) if (c.total && c.total.cell.kind === 'blank') s.add(c.total.id);
  return s;
}

/** The value `target` must take for `c` to hold, the other cells as they are. */
export function solveFor(c: Constraint, target: string, v: Values): number | undefined {
  const others = (refs: CellRef[]) => refs.filter((r) => r.id !== target);
  const inSide = c.parts.some((r) => r.id === target);
  const outSide = c.total ? c.total.id === target : (c.outParts ?? []).some((r) => r.id === target);
  if (inSide === outSide) return undefined;
  const left = sum(others(c.parts), v);
  const right = c.total ? (c.total.id === target ? 0 : v.get(c.total.id) ?? NaN) : sum(others(c.outParts ?? []), v);
  const x = inSide ? right - left : left - right;
  return Number.isNaN(x) ? undefined : x;
}

export function formula(refs: CellRef[], v: Values): string {
  return refs.map((r) => String(v.get(r.id) ?? '?')).join('+');
}
