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

/** A row's sum (行合计), a column's sum (列合计), or table 三's balance (勾稽关系). */
export type SumKind = 'row' | 'column' | 'balance';

export interface Constraint {
  id: string;
  kind: SumKind;
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

export type Values = ReadonlyMap<string, number>;

/** A sum as the template declares it, its cells named by row and column, and numbered within the plan. */
type PlannedCell = [row: string, column: string, id: string, index: number];

interface PlannedSum {
  id: string;
  kind: SumKind;
  table: 'requests' | 'review';
  total?: PlannedCell;
  parts: PlannedCell[];
  outParts?: PlannedCell[];
  along: string;
}

/** The sums of a template and the names of their cells, worked out once per template. */
interface Plan {
  sums: PlannedSum[];
  names: Map<string, string>;
  /** How many distinct cells the sums name. */
  cellCount: number;
}

const plans = new WeakMap<Template, Plan>();

function planOf(template: Template): Plan {
  let plan = plans.get(template);
  if (plan) return plan;
  const sums: PlannedSum[] = [];
  const names = new Map<string, string>();
  const indexes = new Map<string, number>();
  for (const key of ['requests', 'review'] as const) {
    const spec: GridTableSpec = template.tables[key];
    const at = (row: string, column: string): PlannedCell => {
      const id = `${key}/${row}/${column}`;
      let index = indexes.get(id);
      if (index === undefined) indexes.set(id, (index = indexes.size));
      return [row, column, id, index];
    };
    for (const row of spec.rows) {
      for (const col of spec.columns) {
        const rl = rowLabel(spec, row.key);
        names.set(`${key}/${row.key}/${col.key}`, rl ? `${rl} · ${columnLabel(spec, col.key)}` : columnLabel(spec, col.key));
      }
      for (const sum of spec.rowSums ?? []) {
        sums.push({ id: `${key}:row:${row.key}:${sum.total}`, kind: 'row', table: key, total: at(row.key, sum.total), parts: sum.parts.map((p) => at(row.key, p)), along: row.key });
      }
    }
    for (const col of spec.columns) {
      for (const sum of spec.columnSums ?? []) {
        sums.push({ id: `${key}:col:${col.key}:${sum.total}`, kind: 'column', table: key, total: at(sum.total, col.key), parts: sum.parts.map((p) => at(p, col.key)), along: col.key });
      }
      if (spec.balance) {
        const b = spec.balance;
        sums.push({ id: `${key}:balance:${col.key}`, kind: 'balance', table: key, parts: b.in.map((p) => at(p, col.key)), outParts: b.out.map((p) => at(p, col.key)), along: col.key });
      }
    }
  }
  // Row sums in the order of the rows, then column sums and balances column by column: the order diagnostics come in.
  plan = { sums, names, cellCount: indexes.size };
  plans.set(template, plan);
  return plan;
}

export function buildSums(report: Report, template: Template): SumSystem {
  const plan = planOf(template);
  const constraints: Constraint[] = [];
  const cells = new Map<string, CellRef>();
  const rows = {
    requests: new Map((report.tables.requests?.rows ?? []).map((r) => [r.key, r])),
    review: new Map((report.tables.review?.rows ?? []).map((r) => [r.key, r])),
  };
  // Each cell is looked up once, however many sums it is in (null: not read).
  const resolved: (CellRef | null | undefined)[] = new Array(plan.cellCount);
  const ref = (table: 'requests' | 'review', [row, column, id, index]: PlannedCell): CellRef | undefined => {
    let c = resolved[index];
    if (c === undefined) {
      const cell = rows[table].get(row)?.cells[column];
      c = cell ? { id, table, row, column, cell, name: plan.names.get(id) ?? column } : null;
      resolved[index] = c;
      if (c) cells.set(id, c);
    }
    return c ?? undefined;
  };
  const all = (table: 'requests' | 'review', xs: PlannedCell[]): CellRef[] | undefined => {
    const out: CellRef[] = [];
    for (const x of xs) {
      const r = ref(table, x);
      if (!r) return undefined;
      out.push(r);
    }
    return out;
  };
  for (const p of plan.sums) {
    if (!rows[p.table].size) continue;
    const parts = all(p.table, p.parts);
    if (!parts) continue;
    if (p.total) {
      const total = ref(p.table, p.total);
      if (total) constraints.push({ id: p.id, kind: p.kind, table: p.table, total, parts, along: p.along });
    } else {
      const outParts = all(p.table, p.outParts!);
      if (outParts) constraints.push({ id: p.id, kind: p.kind, table: p.table, parts, outParts, along: p.along });
    }
  }
  return { constraints, cells };
}

/** The values the cells hold, read once per system (every sum rule asks); callers that try other values copy them. */
const valuesOf = new WeakMap<SumSystem, Values>();

export function currentValues(system: SumSystem): Values {
  let v = valuesOf.get(system);
  if (!v) {
    const read = new Map<string, number>();
    for (const [id, ref] of system.cells) if (ref.cell.value !== null) read.set(id, ref.cell.value);
    valuesOf.set(system, (v = read));
  }
  return v;
}

const sum = (refs: CellRef[], v: Values) => refs.reduce((s, r) => s + (v.get(r.id) ?? NaN), 0);

/**
 * `holds`, `broken`, or `unknown` when a cell holds text. A blank 总计 of the
 * 总计 column is broken (the contract's row-total: a blank 总计 is reported); a
 * blank cell of the row （七）总计 reads as 0 like any blank cell (cell-value
 * says so) and breaks its column only when the rows above do not add up to 0
 * (a column left blank throughout, as real pages print 法人 columns, is no error).
 */
export function status(c: Constraint, v: Values, blank: Set<string> = new Set()): 'holds' | 'broken' | 'unknown' {
  const left = sum(c.parts, v);
  const right = c.total ? v.get(c.total.id) ?? NaN : sum(c.outParts ?? [], v);
  if (Number.isNaN(left) || Number.isNaN(right)) return 'unknown';
  if (c.total && blank.has(c.total.id) && (c.kind === 'row' || Math.abs(left) >= 1e-9)) return 'broken';
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
