// The official report formats, declared as data in ../templates/*.json.
// Rules read these declarations; no rule knows a row number.
import t2019 from '../templates/2019.json';
import t2021 from '../templates/2021.json';
import type { ProfileId } from './types';

export interface SectionSpec {
  key: string;
  number: string;
  heading: string;
  /** A regular expression that recognises the heading's words. */
  match: string;
  table?: string;
}

export type ValueKind = 'count' | 'money' | 'signed';

export interface ColumnSpec {
  key: string;
  label: string;
  group?: string;
  value?: ValueKind;
}

export interface RowSpec {
  key: string;
  label: string;
  /** The merged label of the group this row opens, e.g. `（三）不予公开`. */
  group?: string;
  match: string;
}

export interface BlockSpec {
  label: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

export interface SumSpec {
  name?: string;
  total: string;
  parts: string[];
}

export interface GridTableSpec {
  title: string;
  corner?: string;
  columnGroup?: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
  /** In every row: the cell in column `total` is the sum of the cells in `parts`. */
  rowSums?: SumSpec[];
  /** In every column: the cell in row `total` is the sum of the rows in `parts`. */
  columnSums?: SumSpec[];
  /** In every column: Σ in = Σ out (勾稽关系). */
  balance?: { in: string[]; out: string[] };
}

export interface Template {
  version: ProfileId;
  notice: string;
  years: { from: number; to?: number };
  sections: SectionSpec[];
  tables: {
    proactive: { title: string; blocks: BlockSpec[] };
    requests: GridTableSpec;
    review: GridTableSpec;
  };
}

export const templates: Record<ProfileId, Template> = {
  '2019': t2019 as Template,
  '2021': t2021 as Template,
};

/** The template a report for `year` must follow; undefined before 2019 (old regulation). */
export function profileForYear(year: number): ProfileId | undefined {
  for (const t of Object.values(templates)) {
    if (year >= t.years.from && (t.years.to === undefined || year <= t.years.to)) return t.version;
  }
  return undefined;
}

const compiled = new Map<string, RegExp>();
export function matcher(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source);
    compiled.set(source, re);
  }
  return re;
}

/** The rows of table 二 flattened, each with the columns of its block. */
export function proactiveRows(t: Template): { row: RowSpec; block: BlockSpec }[] {
  return t.tables.proactive.blocks.flatMap((block) => block.rows.map((row) => ({ row, block })));
}

export function columnLabel(spec: GridTableSpec, key: string): string {
  const c = spec.columns.find((col) => col.key === key);
  if (!c) return key;
  return c.group && spec.columns.filter((x) => x.label === c.label).length > 1 ? `${c.group.split(' ').pop()}·${c.label}` : c.label;
}

export function rowLabel(spec: GridTableSpec, key: string): string {
  const r = spec.rows.find((row) => row.key === key);
  return r ? r.label : key;
}
