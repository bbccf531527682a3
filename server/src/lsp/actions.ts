// Code actions: each diagnostic's fixes (the preferred one marked), the
// inline-comment "disable" actions, and "fix all totals" as source.fixAll.xxgk
// (safe fixes only — suggestions such as `balance` are never part of it).
import { CodeAction, CodeActionKind, type CodeActionContext, type Range } from 'vscode-languageserver';
import { disableFixes } from '../core/directives';
import { fixAll } from '../engine/fix';
import type { Lang, LintOptions, LintResult } from '../core/types';
import { FIX_ALL_KIND, fixToAction, intersects, toLspDiagnostic } from './convert';
import { ServerCommand } from '../protocol';

export function fixAllTitle(lang: Lang): string {
  return lang === 'en' ? 'Fix all totals (xxgk-lint)' : '修正全部合计（xxgk-lint）';
}

export function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function fixAllAction(text: string, uri: string, options: LintOptions): CodeAction | undefined {
  const { edits, changed } = fixAll(text, options);
  if (!changed || !edits.length) return undefined;
  return CodeAction.create(fixAllTitle(options.lang ?? 'zh'), { changes: { [uri]: edits } }, FIX_ALL_KIND);
}

/** "Not a report: stop checking this file", for a file checked only because it looked like one. */
export function notAReportAction(uri: string, lang: Lang): CodeAction {
  const title = lang === 'en' ? 'Not a report: stop checking this file' : '不是年度报告：不再检查此文件';
  return CodeAction.create(title, { title, command: ServerCommand.notAReport, arguments: [uri] }, CodeActionKind.QuickFix);
}

export function codeActions(
  text: string,
  uri: string,
  result: LintResult,
  range: Range,
  context: CodeActionContext,
  options: LintOptions,
): CodeAction[] {
  const lang = options.lang ?? 'zh';
  const out: CodeAction[] = [];
  if (wants(context.only, CodeActionKind.QuickFix)) {
    const disables: CodeAction[] = [];
    for (const d of result.diagnostics) {
      if (!intersects(d.range, range)) continue;
      const lsp = toLspDiagnostic(d, uri);
      for (const fix of d.fixes) out.push(fixToAction(fix, uri, lsp));
      for (const fix of disableFixes(result.report, d, lang)) disables.push(fixToAction(fix, uri, lsp));
    }
    // Disabling comes after every real fix, and each once per line and rule.
    const seen = new Set<string>();
    for (const a of disables) {
      const key = a.title + JSON.stringify(a.edit);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
    }
  }
  if (wants(context.only, FIX_ALL_KIND) && (context.only?.length || result.diagnostics.some((d) => d.fixes.some((f) => !f.suggestionOnly)))) {
    const all = fixAllAction(text, uri, options);
    if (all) out.push(all);
  }
  return out;
}
