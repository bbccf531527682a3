// Core diagnostics and fixes as LSP objects.
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { docsUrl } from '../rules';
import type { Diagnostic, Fix, Range, Severity } from '../core/types';

export const SOURCE = 'xxgk-lint';
/** The kind of the "fix all totals" action, so `editor.codeActionsOnSave` can ask for it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    source: SOURCE,
    code: d.rule,
    codeDescription: { href: docsUrl(d.rule) },
    message: d.message,
    relatedInformation: d.related.length
      ? d.related.map((r) => ({ message: r.message, location: { uri: r.uri ?? uri, range: r.range } }))
      : undefined,
    data: { rule: d.rule, ...(d.data ?? {}) },
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Inclusive at both ends, so an empty range (a blank cell) is hit by the cursor standing on it. */
export function contains(r: Range, line: number, character: number): boolean {
  if (line < r.start.line || line > r.end.line) return false;
  if (line === r.start.line && character < r.start.character) return false;
  if (line === r.end.line && character > r.end.character) return false;
  return true;
}

export function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function fixToAction(fix: Fix, uri: string, diagnostic: LspDiagnostic | undefined): CodeAction {
  const edits: LspTextEdit[] = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
  const action = CodeAction.create(fix.title, { changes: { [uri]: edits } }, CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (fix.isPreferred && !fix.suggestionOnly) action.isPreferred = true;
  return action;
}
