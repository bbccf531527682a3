// The report model and the diagnostics: plain data shared by the CLI, the
// language server and the tests. Positions are LSP positions (0-based line,
// UTF-16 character).
import type { TemplateSet } from './template';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Lang = 'zh' | 'en';
/** A template version, as its file declares it (`templates/*.json`). */
export type ProfileId = string;

/** How to write into the report (inserted headings and tables). */
export type Shape = 'word' | 'tsv' | 'markdown' | 'html';

/** How the report's tables were read (core/read): the writing shapes, `pdftotext -layout` text and flattened web text. */
export type ReaderShape = 'word' | 'tsv' | 'markdown' | 'layout' | 'flat' | 'html';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  isPreferred?: boolean;
  edits: TextEdit[];
  /** Offered to the user but never applied by fix-all (e.g. `balance`). */
  suggestionOnly?: boolean;
}

export interface Related {
  message: string;
  range: Range;
  /** Another file, when the information lives there (e.g. last year's report). */
  uri?: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related: Related[];
  fixes: Fix[];
  /** Machine-readable facts, e.g. the computed value of a total. */
  data?: Record<string, unknown>;
}

/** One table cell as it stands in the text. */
export interface Cell {
  text: string;
  /** The trimmed content; for a blank cell, an empty range where a number belongs. */
  range: Range;
  kind: 'number' | 'blank' | 'na' | 'text';
  /** The value used in the arithmetic (blank and n/a read as 0; text as null). */
  value: number | null;
  /** True when the number is written with full-width digits. */
  fullWidth?: boolean;
}

export interface TableRow {
  /** Template row key, e.g. `received`, `refused.1`; absent for rows we could not match. */
  key?: string;
  label: string;
  labelRange: Range;
  /** Cells by template column key. */
  cells: Record<string, Cell>;
  range: Range;
}

export interface Table {
  /** Template table key: `proactive` (二), `requests` (三), `review` (四). */
  key: string;
  range: Range;
  rows: TableRow[];
  /** Rows whose label matched nothing in the template. */
  unknownRows: TableRow[];
  /** Problems met while reading, reported by `table-shape`. */
  problems: ShapeProblem[];
}

export interface ShapeProblem {
  range: Range;
  /** Tolerated layouts (an extra provincial row) are warnings; the rest errors. */
  severity: Severity;
  zh: string;
  en: string;
  /**
   * What it is, when not a shape problem: a flattened row whose every reading
   * breaks its row sum (an error of the sum, reported as such), or a number
   * split over two cells.
   */
  kind?: 'broken-row-sum' | 'split-number';
  /** The edit that mends it, when one is certain (joining a split number). */
  edit?: TextEdit;
  /** The template row it is about, when that row was met but not read: it is not also missing. */
  row?: string;
}

export interface Section {
  /** Template section key, e.g. `overview`, `review`. */
  key: string;
  /** 1 … 6 */
  index: number;
  headingText: string;
  headingRange: Range;
  /** From the end of the heading to the start of the next section (or document end). */
  bodyRange: Range;
  /** How the heading is written, so that inserted headings look the same. */
  style: { markdown: string; numbering: 'dun' | 'paren' | 'none' };
}

export interface Title {
  text: string;
  range: Range;
  agency?: string;
  year?: number;
}

export interface Report {
  text: string;
  lines: string[];
  eol: '\n' | '\r\n';
  shape: Shape;
  reader: ReaderShape;
  title?: Title;
  /** The reporting year, from the title or else the statistics period. */
  year?: number;
  profile: ProfileId;
  /** How the profile was decided. */
  profileReason: 'forced' | 'year' | 'tables' | 'default';
  sections: Section[];
  /** Headings of a section already met earlier in the report. */
  duplicateSections: Section[];
  tables: Record<string, Table>;
  /** The template the tables are laid out in, with the row that shows it. */
  layout?: { profile: ProfileId; range: Range };
}

export interface LintOptions {
  profile?: 'auto' | ProfileId;
  /** The templates to check against; the built-in ones by default. */
  templates?: TemplateSet;
  lang?: Lang;
  rules?: Record<string, SeveritySetting>;
  /** Last year's report of the same agency, when at hand (for `carried-over`). */
  previous?: { uri: string; text: string };
  /** Called when a rule throws; the other rules still run. Without it the error propagates. */
  onRuleError?: (rule: string, error: unknown) => void;
}

export interface LintResult {
  report: Report;
  diagnostics: Diagnostic[];
}
