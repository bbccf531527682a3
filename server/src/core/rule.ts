// What a rule is: an id, a default severity, what it says about itself (the
// rule tables, the config schema and the editor settings are generated from
// it: scripts/gen-rules.mjs), and a check that reads the report model and the
// template declaration.
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

/** Where a rule stands in the rule tables. */
export type RuleCategory = 'structure' | 'figures' | 'prose';

export interface RuleFixes {
  /** `fix-all`: fix-all applies its preferred fix; `suggestion`: offered, never applied by fix-all. */
  kind: 'fix-all' | 'suggestion';
  /** What the fix does, one phrase for the rule tables. */
  summary: string;
}

/** A rule as the registry describes it, whoever runs it. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  /** What it reports, one line of Markdown for the rule tables (README, docs/rules). */
  summary: string;
  category: RuleCategory;
  fixable?: RuleFixes;
  /** Its id is part of the stable contract (../shared/spec/contract.md): never renamed or repurposed. */
  contract?: boolean;
  /** The page that documents it. */
  docs: string;
}

export interface Rule extends RuleMeta {
  /** Rules that need a reporting year and a template skip reports older than the first template. */
  needsTemplate?: boolean;
  check(ctx: RuleContext): void;
}
