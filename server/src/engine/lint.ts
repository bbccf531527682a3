// The one entry point every front end uses: text in, report and diagnostics out.
import { rules } from '../rules';
import { documentTooLarge, isTooLarge } from '../rules/document-too-large';
import { parseReport } from '../core/parse';
import type { Rule, RuleContext } from '../core/rule';
import { findChanges, type Change } from '../core/blame';
import { findDirectives, isSuppressed, remapPositions, stripDirectives } from '../core/directives';
import { buildSums, type SumSystem } from '../core/sums';
import { splitLines } from '../core/text';
import { builtInTemplates } from '../core/templates';
import type { TemplateSet } from '../core/template';
import type { Diagnostic, LintOptions, LintResult, Report } from '../core/types';

/**
 * One reading of one text: the report, its sums and the cell changes that make
 * them hold (blame.ts), besides the diagnostics. Hover, code actions and
 * fix-all read these instead of building them again.
 */
export interface Analysis extends LintResult {
  sums: SumSystem;
  changes: Change[];
}

export function lint(text: string, options: LintOptions = {}): Analysis {
  if (isTooLarge(text)) return tooLarge(text, options);
  const l = splitLines(text);
  const directives = findDirectives(l.lines);
  const stripped = stripDirectives(text, directives, l.starts, l.lines.length);
  const templates = options.templates ?? builtInTemplates;
  const report = parseReport(stripped.text, options);
  const template = templates.get(report.profile);
  const sums = buildSums(report, template);
  const changes = findChanges(sums);
  const lang = options.lang ?? 'zh';
  const diagnostics: Diagnostic[] = [];
  const previous = options.previous ? { uri: options.previous.uri, report: previousReport(options.previous.text, options.profile, templates) } : undefined;
  const oldReport = report.year !== undefined && report.year < templates.firstYear;
  for (const rule of rules) {
    const setting = options.rules?.[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    if (oldReport && rule.needsTemplate) continue;
    runRule(rule, { report, template, templates, lang, sums, changes, previous }, setting === rule.severity ? undefined : setting, diagnostics, options.onRuleError);
  }
  if (directives.length) {
    // Back to the lines of the text as given: the rules saw it without its directive lines.
    remapPositions([report, diagnostics], stripped.originalLine);
    report.text = text;
    report.lines = l.lines;
  }
  const kept = directives.length ? diagnostics.filter((d) => !isSuppressed(d, directives)) : diagnostics;
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { report, diagnostics: kept, sums, changes };
}

/**
 * Last year's report, parsed once per text rather than once per lint: the
 * editor re-lints on every keystroke against the same file, and a batch pairs
 * many reports with few earlier ones. Rules only read it.
 */
const previousReports = new WeakMap<TemplateSet, Map<string, Report>>();
const PREVIOUS_KEPT = 16;

function previousReport(text: string, profile: LintOptions['profile'], templates: TemplateSet): Report {
  let kept = previousReports.get(templates);
  if (!kept) previousReports.set(templates, (kept = new Map()));
  const key = `${profile ?? ''}\u0000${text}`;
  let report = kept.get(key);
  if (report) return report;
  report = parseReport(text, { profile, templates });
  if (kept.size >= PREVIOUS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, report);
  return report;
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

/** Over the size that is checked: nothing is read, and document-too-large alone runs on an empty report. */
function tooLarge(text: string, options: LintOptions): Analysis {
  const l = splitLines(text);
  const forced = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  const templates = options.templates ?? builtInTemplates;
  const report: LintResult['report'] = {
    text,
    lines: l.lines,
    eol: l.eol,
    shape: 'word',
    reader: 'word',
    profile: forced ?? templates.newest.version,
    profileReason: forced ? 'forced' : 'default',
    sections: [],
    duplicateSections: [],
    tables: {},
  };
  const diagnostics: Diagnostic[] = [];
  const setting = options.rules?.[documentTooLarge.id] ?? documentTooLarge.severity;
  const template = templates.get(report.profile);
  const sums = buildSums(report, template);
  if (setting === 'off') return { report, diagnostics, sums, changes: [] };
  const base = { report, template, templates, lang: options.lang ?? 'zh', sums, changes: [] };
  runRule(documentTooLarge, base, setting === documentTooLarge.severity ? undefined : setting, diagnostics, options.onRuleError);
  return { report, diagnostics, sums, changes: [] };
}
