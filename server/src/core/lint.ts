// The one entry point every front end uses: text in, report and diagnostics out.
import { rules } from '../rules';
import { parseReport } from './parse';
import type { Rule, RuleContext } from './rule';
import { findChanges } from './blame';
import { findDirectives, isSuppressed, maskDirectives } from './directives';
import { buildSums } from './sums';
import { splitLines } from './text';
import { templates } from './template';
import type { Diagnostic, LintOptions, LintResult } from './types';

export const DOCS_BASE = 'https://github.com/xxgk-lint/xxgk-lint/blob/main/docs/rules/';

export function docsUrl(rule: string): string {
  return `${DOCS_BASE}${rule}.md`;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const l = splitLines(text);
  const directives = findDirectives(l.lines);
  const report = parseReport(maskDirectives(text, directives, l.lines, l.starts), options);
  const template = templates[report.profile];
  const sums = buildSums(report, template);
  const changes = findChanges(sums);
  const lang = options.lang ?? 'zh';
  const diagnostics: Diagnostic[] = [];
  const previous = options.previous ? { uri: options.previous.uri, report: parseReport(options.previous.text, { profile: options.profile }) } : undefined;
  const oldReport = report.year !== undefined && report.year < 2019;
  for (const rule of rules) {
    const setting = options.rules?.[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    if (oldReport && rule.needsTemplate) continue;
    runRule(rule, { report, template, lang, sums, changes, previous }, setting === rule.severity ? undefined : setting, diagnostics, options.onRuleError);
  }
  const kept = directives.length ? diagnostics.filter((d) => !isSuppressed(d, directives)) : diagnostics;
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { report, diagnostics: kept };
}

function runRule(
  rule: Rule,
  base: Omit<RuleContext, 't' | 'emit'>,
  override: Diagnostic['severity'] | undefined,
  out: Diagnostic[],
  onError: LintOptions['onRuleError'],
): void {
  const ctx: RuleContext = {
    ...base,
    t: (zh, en) => (base.lang === 'en' ? en : zh),
    emit: (f) =>
      out.push({
        rule: rule.id,
        severity: override ?? f.severity ?? rule.severity,
        message: f.message,
        range: f.range,
        related: f.related ?? [],
        fixes: f.fixes ?? [],
        ...(f.data ? { data: f.data } : {}),
      }),
  };
  try {
    rule.check(ctx);
  } catch (error) {
    if (onError) onError(rule.id, error);
    else throw error;
  }
}
