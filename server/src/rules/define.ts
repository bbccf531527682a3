// Where a rule's page is, derived from its id in this one place, and the
// helper each rule file is written with so that it carries that link.
import type { Rule, RuleMeta } from '../core/rule';

const DOCS_BASE = 'https://github.com/xxgk-lint/xxgk-lint/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** A rule with its page's link; without a check, a rule that its callers run themselves (hierarchy-sum). */
export function defineRule(rule: Omit<Rule, 'docs'>): Rule;
export function defineRule(rule: Omit<RuleMeta, 'docs'>): RuleMeta;
export function defineRule(rule: Omit<RuleMeta, 'docs'>): RuleMeta {
  return { ...rule, docs: docsUrl(rule.id) };
}
