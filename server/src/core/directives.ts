// Inline comments that turn rules off, honoured by the CLI and the editor:
//   Markdown:   <!-- xxgk-disable-next-line row-total -->
//   plain text: // xxgk-disable-next-line row-total
// Also `xxgk-disable [rules]` … `xxgk-enable [rules]` for a stretch, and
// `xxgk-disable-file [rules]`. No rule names means every rule.
import type { Diagnostic, Fix, Report } from './types';

export interface Directive {
  line: number;
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  rules: string[];
}

const DIRECTIVE = /^\s*(?:(?:<!--|\/\/|#)\s*)?xxgk-(disable-next-line|disable-file|disable|enable)((?:[\s,]+[a-z][a-z-]*)*)\s*(?:-->\s*)?$/;

export function findDirectives(lines: string[]): Directive[] {
  const out: Directive[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('xxgk-')) return;
    const m = DIRECTIVE.exec(line);
    if (m) out.push({ line: i, kind: m[1] as Directive['kind'], rules: m[2].split(/[\s,]+/).filter(Boolean) });
  });
  return out;
}

/**
 * The text without its directive lines, and the way back to the original
 * lines. Removing (not blanking) them keeps a Word-text row or a GFM table
 * whole when a directive stands inside it.
 */
export function stripDirectives(text: string, directives: Directive[], starts: number[], lineCount: number): { text: string; originalLine: (line: number) => number } {
  if (!directives.length) return { text, originalLine: (line) => line };
  let out = '';
  let at = 0;
  for (const d of directives) {
    const start = starts[d.line];
    const next = d.line + 1 < lineCount ? starts[d.line + 1] : text.length;
    out += text.slice(at, start);
    at = next;
  }
  out += text.slice(at);
  const removed = directives.map((d) => d.line);
  const originalLine = (line: number) => {
    let l = line;
    for (const r of removed) if (r <= l) l++;
    return l;
  };
  return { text: out, originalLine };
}

/** Moves every position (`{line, character}`) in `value` from the stripped text to the original. */
export function remapPositions(value: unknown, originalLine: (line: number) => number, seen = new WeakSet<object>()): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) remapPositions(v, originalLine, seen);
    return;
  }
  const o = value as Record<string, unknown>;
  // Related information in another file (last year's report) keeps its own lines.
  if (typeof o.uri === 'string') return;
  if (typeof o.line === 'number' && typeof o.character === 'number') {
    o.line = originalLine(o.line);
    return;
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'lines' && k !== 'text') remapPositions(v, originalLine, seen);
}

export function isSuppressed(d: Diagnostic, directives: Directive[]): boolean {
  const hits = (x: Directive) => x.rules.length === 0 || x.rules.includes(d.rule);
  const line = d.range.start.line;
  let disabled = false;
  for (const x of directives) {
    if (x.kind === 'disable-file' && hits(x)) return true;
    if (x.kind === 'disable-next-line' && x.line === line - 1 && hits(x)) return true;
    if (x.line >= line) continue;
    if (x.kind === 'disable' && hits(x)) disabled = true;
    if (x.kind === 'enable' && hits(x)) disabled = false;
  }
  return disabled;
}

/** Fixes that add a directive: for the diagnostic's line, and for the whole file. */
export function disableFixes(report: Report, d: Diagnostic, lang: 'zh' | 'en'): Fix[] {
  const comment = (body: string) => (report.shape === 'markdown' || report.shape === 'html' ? `<!-- ${body} -->` : `// ${body}`);
  const line = d.range.start.line;
  const at = (l: number) => ({ start: { line: l, character: 0 }, end: { line: l, character: 0 } });
  // A comment line inside a GFM table would end the table where the Markdown is
  // rendered: there the rule is turned off around the whole table instead.
  const table = report.shape === 'markdown' ? Object.values(report.tables).find((t) => line >= t.range.start.line && line <= t.range.end.line) : undefined;
  const here: Fix = table
    ? {
        title: lang === 'en' ? `Disable ${d.rule} for this table` : `在此表格停用 ${d.rule}`,
        edits: [
          { range: at(table.range.start.line), newText: comment(`xxgk-disable ${d.rule}`) + report.eol + report.eol },
          { range: at(table.range.end.line + 1), newText: report.eol + comment(`xxgk-enable ${d.rule}`) + report.eol },
        ],
        suggestionOnly: true,
      }
    : {
        title: lang === 'en' ? `Disable ${d.rule} for this line` : `在此行停用 ${d.rule}`,
        edits: [{ range: at(line), newText: /^[ \u3000]*/.exec(report.lines[line])![0] + comment(`xxgk-disable-next-line ${d.rule}`) + report.eol }],
        suggestionOnly: true,
      };
  return [
    here,
    {
      title: lang === 'en' ? `Disable ${d.rule} for this file` : `在此文件停用 ${d.rule}`,
      edits: [{ range: at(0), newText: comment(`xxgk-disable-file ${d.rule}`) + report.eol }],
      suggestionOnly: true,
    },
  ];
}
