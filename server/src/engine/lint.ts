// The one entry point every front end uses: text in, report and diagnostics out.
import { rules } from '../rules';
import { documentTooLarge } from '../rules/document-too-large';
import { parseReport } from '../core/parse';
import type { Rule, RuleContext } from '../core/rule';
import { findChanges, type Change } from '../core/blame';
import { findDirectives, isSuppressed, remapPositions, stripDirectives } from '../core/directives';
import { buildSums, type SumSystem } from '../core/sums';
import { splitLines } from '../core/text';
import { templates } from '../core/template';
import type { Diagnostic, LintOptions, LintResult } from '../core/types';

export const DOCS_BASE = 'https://github.com/xxgk-lint/xxgk-lint/blob/main/docs/rules/';

export function docsUrl(rule: string): string {
  return `${DOCS_BASE}${rule}.md`;
}

/**
 * The largest document that is checked (UTF-16 code units, about 2 MB of
 * ASCII or 6 MB of Chinese in UTF-8): a hundred times the longest real report.
 * Above it, one `document-too-large` diagnostic says so and nothing else runs,
 * so that a stray dump never stalls the editor or a batch. See docs/limits.md.
 */
export const MAX_DOCUMENT_LENGTH = 2_000_000;
export const DOCUMENT_TOO_LARGE = 'document-too-large';

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
  if (text.length > MAX_DOCUMENT_LENGTH) return tooLarge(text, options);
  const l = splitLines(text);
  const directives = findDirectives(l.lines);
  const stripped = stripDirectives(text, directives, l.starts, l.lines.length);
  const report = parseReport(stripped.text, options);
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

/** The result for a document over MAX_DOCUMENT_LENGTH: an empty report and one warning on the first line. */
function tooLarge(text: string, options: LintOptions): Analysis {
  const l = splitLines(text);
  const report: LintResult['report'] = {
    text,
    lines: l.lines,
    eol: l.eol,
    shape: 'word',
    reader: 'word',
    profile: options.profile && options.profile !== 'auto' ? options.profile : '2021',
    profileReason: options.profile && options.profile !== 'auto' ? 'forced' : 'default',
    sections: [],
    duplicateSections: [],
    tables: {},
  };
  const setting = options.rules?.[DOCUMENT_TOO_LARGE] ?? documentTooLarge.severity;
  const nothing = { report, sums: { constraints: [], cells: new Map() }, changes: [] };
  if (setting === 'off') return { ...nothing, diagnostics: [] };
  const size = text.length.toLocaleString('en-US');
  const limit = MAX_DOCUMENT_LENGTH.toLocaleString('en-US');
  const message =
    options.lang === 'en'
      ? `Document too large to check: ${size} characters, the limit is ${limit}. Split it into one file per report.`
      : `文档过大，未检查：${size} 个字符，上限 ${limit}。请按一份报告一个文件拆分后再检查。`;
  return {
    ...nothing,
    diagnostics: [
      {
        rule: DOCUMENT_TOO_LARGE,
        severity: setting,
        message,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(l.lines[0].length, 200) } },
        related: [],
        fixes: [],
        data: { length: text.length, limit: MAX_DOCUMENT_LENGTH },
      },
    ],
  };
}
