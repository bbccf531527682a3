// Code actions: each diagnostic's fixes (the preferred one marked), the
// inline-comment "disable" actions, and "fix all totals" as source.fixAll.xxgk
// (safe fixes only — suggestions such as `balance` are never part of it).
// Fix-all is offered without its edits; the caller fills them in when the
// action is chosen (codeAction/resolve) or asked for by kind (on save).
import { CodeAction, CodeActionKind, type CodeActionContext, type Range, type TextEdit } from 'vscode-languageserver';
import { disableFixes } from '../core/directives';
import type { Lang, LintResult } from '../core/types';
import { FIX_ALL_KIND, fixToAction, intersects, toLspDiagnostic } from './convert';
import { ServerCommand } from '../protocol';

/** What a fix-all action carries until its edits are computed. */
export interface FixAllData {
  fixAll: string;
}

export function fixAllTitle(lang: Lang): string {
  return lang === 'en' ? 'Fix all totals (xxgk-lint)' : '修正全部合计（xxgk-lint）';
}

export function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** Fix-all for `uri`: with its edits, or without them (`data` says which document) to be resolved later. */
export function fixAllAction(uri: string, lang: Lang, edits?: TextEdit[]): CodeAction {
  const action = CodeAction.create(fixAllTitle(lang), FIX_ALL_KIND);
  if (edits) action.edit = { changes: { [uri]: edits } };
  else action.data = { fixAll: uri } satisfies FixAllData;
  return action;
}

/** Whether the request names fix-all's kind itself (`source.fixAll`, as on save), rather than taking every kind. */
export function asksForFixAll(context: CodeActionContext): boolean {
  return !!context.only?.length && wants(context.only, FIX_ALL_KIND);
}

/** "Not a report: stop checking this file", for a file checked only because it looked like one. */
export function notAReportAction(uri: string, lang: Lang): CodeAction {
  const title = lang === 'en' ? 'Not a report: stop checking this file' : '不是年度报告：不再检查此文件';
  return CodeAction.create(title, { title, command: ServerCommand.notAReport, arguments: [uri] }, CodeActionKind.QuickFix);
}

/** The actions at `range`; fix-all among them without its edits. */
export function codeActions(uri: string, result: LintResult, range: Range, context: CodeActionContext, lang: Lang): CodeAction[] {
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
  // Offered in the menu when fix-all has something to do: a finding with a safe fix.
  if (wants(context.only, FIX_ALL_KIND) && (context.only?.length || result.diagnostics.some((d) => d.fixes.some((f) => f.isPreferred && !f.suggestionOnly)))) {
    out.push(fixAllAction(uri, lang));
  }
  return out;
}
