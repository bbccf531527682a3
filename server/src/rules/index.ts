// The registry: every rule, in the order their diagnostics are produced. The
// one list of rule ids: the CLI, the config schema, the editor settings and
// the rule tables in README and docs/rules all come from it.
import type { Rule, RuleMeta } from '../core/rule';
import type { SumKind } from '../core/sums';
import { balance } from './balance';
import { carriedOver } from './carried-over';
import { cellConflict } from './cell-conflict';
import { cellValue } from './cell-value';
import { citation } from './citation';
import { columnTotal } from './column-total';
import { copiedText } from './copied-text';
import { documentTooLarge } from './document-too-large';
import { feeStatement } from './fee-statement';
import { headingNumbering } from './heading-numbering';
import { hierarchySum } from './hierarchy-sum';
import { narrativeMismatch } from './narrative-mismatch';
import { overviewLength } from './overview-length';
import { publishDate } from './publish-date';
import { reportYear } from './report-year';
import { rowTotal } from './row-total';
import { sectionDuplicate } from './section-duplicate';
import { sectionEmpty } from './section-empty';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { tableMissing } from './table-missing';
import { splitCell } from './split-cell';
import { tableShape } from './table-shape';
import { templateVersion } from './template-version';
import { title } from './title';

export const rules: Rule[] = [
  title,
  templateVersion,
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionEmpty,
  headingNumbering,
  overviewLength,
  tableMissing,
  tableShape,
  splitCell,
  cellValue,
  rowTotal,
  columnTotal,
  cellConflict,
  balance,
  narrativeMismatch,
  reportYear,
  publishDate,
  feeStatement,
  citation,
  carriedOver,
  copiedText,
  documentTooLarge,
];

/** Rules that read last year's report of the same agency (LintOptions.previous): callers look it up while one is on. */
export const LAST_YEAR_RULES = [carriedOver.id, copiedText.id];

/** The rule that reports each kind of sum. */
export const SUM_RULE: Record<SumKind, string> = { row: rowTotal.id, column: columnTotal.id, balance: balance.id };

/** The findings whose fix is a cell change blame.ts found: broken sums, and a cell two sums disagree on. */
export const CELL_CHANGE_RULES: readonly string[] = [rowTotal.id, columnTotal.id, cellConflict.id];

/** Rules that read several reports at once: their callers run them (hierarchy-sum: `--hierarchy`), not `lint`. */
export const crossReportRules: RuleMeta[] = [hierarchySum];

/** Every rule, whoever runs it: the ids a config may set. */
export const allRules: RuleMeta[] = [...rules, ...crossReportRules];

export { docsUrl } from './define';
