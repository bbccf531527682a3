// The official report formats, declared as data in ../templates/*.json (one
// file a version; schemas/template.schema.json says what a file holds).
// Rules read these declarations; no rule knows a row number, and no code
// knows a version: it asks the set which template a year follows.
import type { ProfileId } from './types';

export interface SectionSpec {
  key: string;
  number: string;
  heading: string;
  /** A regular expression that recognises the heading's words. */
  match: string;
  table?: TableKey;
}

/** The three tables both formats have: 表二 under section 二, 表三 under 三, 表四 under 四. */
export type TableKey = keyof Template['tables'];

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

/** A name shown to the user, in both languages. */
export interface Names {
  zh: string;
  en: string;
}

export interface GridTableSpec {
  title: string;
  /** What the editor calls the table (hover, outline, report view). */
  name: Names;
  /** A cell matching this (a regular expression) marks the table's header row. */
  header?: string;
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

export interface ProactiveTableSpec {
  title: string;
  name: Names;
  /** A label matching this (a regular expression) opens a block: `第二十条第（一）项`. */
  block: string;
  /** A label matching this is a column header (`信息内容`, `本年制发件数`…). */
  header: string;
  /** The header over the rows' labels: `信息内容`. */
  labelColumn: string;
  blocks: BlockSpec[];
}

/** The format notice that issued the template: 国办公开办函〔year〕number号《title》. */
export interface NoticeSpec {
  issuer: string;
  year: number;
  number: number;
  title: string;
  /** A trial format (试行), replaced by a later notice. */
  trial?: boolean;
}

export interface Template {
  version: ProfileId;
  /** What the user is shown: `<version> 年版`, `<version> format`. */
  name: Names;
  notice: NoticeSpec;
  /** The report years the template applies to. */
  years: { from: number; to?: number };
  /** What the notice asks beyond the tables. */
  limits: {
    /** 总体情况's length in characters, at most, and the notice's words for it. */
    overviewLength?: { max: number; quote: string };
    /** Section 六 must say whether information processing fees were charged. */
    feeStatement?: boolean;
  };
  /** Words that give a text away as a report (core/detect.ts): table labels (regular expressions) and heading words. */
  detection: { tableLabels: string[]; headingWords: string[] };
  sections: SectionSpec[];
  tables: {
    proactive: ProactiveTableSpec;
    requests: GridTableSpec;
    review: GridTableSpec;
  };
}

/** The templates a run checks against: the built-in ones (./templates.ts) or a folder's. */
export interface TemplateSet {
  /** Oldest first. */
  list: readonly Template[];
  versions: readonly ProfileId[];
  has(version: string): boolean;
  /** The template of a version; throws on a version the set does not hold. */
  get(version: ProfileId): Template;
  /** The template a report for `year` must follow; undefined before the first (the old regulation). */
  forYear(year: number): Template | undefined;
  /** The newest: the default when neither the year nor the tables tell, and a new report's. */
  newest: Template;
  /** The first year any template covers; earlier reports follow the regulation before its revision. */
  firstYear: number;
}

export function templateSet(templates: Template[]): TemplateSet {
  if (!templates.length) throw new Error('no report template');
  const list = [...templates].sort((a, b) => a.years.from - b.years.from);
  const byVersion = new Map(list.map((t) => [t.version, t]));
  if (byVersion.size !== list.length) throw new Error('two report templates of the same version');
  return {
    list,
    versions: list.map((t) => t.version),
    has: (version) => byVersion.has(version),
    get(version) {
      const t = byVersion.get(version);
      if (!t) throw new Error(`unknown template version "${version}" (known: ${list.map((x) => x.version).join(', ')})`);
      return t;
    },
    forYear: (year) => list.find((t) => year >= t.years.from && (t.years.to === undefined || year <= t.years.to)),
    newest: list[list.length - 1],
    firstYear: list[0].years.from,
  };
}

/** The first year of the first template that asks for `what` (a rule's description says from when it applies). */
export function firstYearWith(set: TemplateSet, what: (t: Template) => boolean): number | undefined {
  return set.list.find(what)?.years.from;
}

/** `国办公开办函〔year〕number号` */
export function noticeNumber(t: Template): string {
  return `${t.notice.issuer}〔${t.notice.year}〕${t.notice.number}号`;
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
