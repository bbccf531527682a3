// What a rule is: an id, a default severity, a description, and a check that
// reads the report model and the template declaration.
import type { Change } from './blame';
import type { SumSystem } from './sums';
import type { Template, TemplateSet } from './template';
import type { Diagnostic, Lang, Report, Severity } from './types';

export type Finding = Omit<Diagnostic, 'rule' | 'severity' | 'related' | 'fixes'> &
  Partial<Pick<Diagnostic, 'related' | 'fixes'>> & { severity?: Severity };

export interface RuleContext {
  report: Report;
  /** The template the report is checked against, one of `templates`. */
  template: Template;
  templates: TemplateSet;
  lang: Lang;
  sums: SumSystem;
  /** The cell changes that make every row and column sum hold (see blame.ts). */
  changes: Change[];
  /** Last year's report of the same agency, when the caller has it. */
  previous?: { report: Report; uri: string };
  /** Picks the message in the configured language. */
  t(zh: string, en: string): string;
  emit(finding: Finding): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  /** Rules that need a reporting year and a template skip reports older than the first template. */
  needsTemplate?: boolean;
  check(ctx: RuleContext): void;
}
