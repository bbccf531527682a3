// Small, exact edits on report text for the rule tests, and ways to look at
// the diagnostics that follow.
import { applyEdits } from '../../server/src/core/edits';
import { lint } from '../../server/src/engine/lint';
import { parseReport } from '../../server/src/core/parse';
import { rules } from '../../server/src/rules';
import { headingNumbering } from '../../server/src/rules/heading-numbering';
import { offsetAt, splitLines } from '../../server/src/core/text';
import type { Cell, Diagnostic, LintOptions, Range } from '../../server/src/core/types';

/** 0-based index of the first line (from `from`) that contains `needle`. */
export function lineOf(text: string, needle: string | RegExp, from = 0): number {
  const lines = splitLines(text).lines;
  for (let i = from; i < lines.length; i++) {
    if (typeof needle === 'string' ? lines[i].includes(needle) : needle.test(lines[i])) return i;
  }
  throw new Error(`no line with ${String(needle)}`);
}

/** The text without lines [from, to) (0-based, `to` exclusive). */
export function deleteLines(text: string, from: number, to: number): string {
  const l = splitLines(text);
  return text.slice(0, l.starts[from]) + (to < l.lines.length ? text.slice(l.starts[to]) : '');
}

/** The text with lines [from, to) moved to before line `at` (at ≤ from or at ≥ to). */
export function moveLines(text: string, from: number, to: number, at: number): string {
  const l = splitLines(text);
  const off = (i: number) => (i < l.lines.length ? l.starts[i] : text.length);
  const block = text.slice(off(from), off(to));
  const without = text.slice(0, off(from)) + text.slice(off(to));
  const target = at <= from ? off(at) : off(at) - block.length;
  return without.slice(0, target) + block + without.slice(target);
}

/** Replaces `old` (first match on line `line`) by `now`. */
export function replaceOnLine(text: string, line: number, old: string, now: string): string {
  const l = splitLines(text);
  const at = l.lines[line].indexOf(old);
  if (at < 0) throw new Error(`“${old}” not on line ${line}: ${l.lines[line]}`);
  const start = l.starts[line] + at;
  return text.slice(0, start) + now + text.slice(start + old.length);
}

export function cellOf(text: string, table: string, row: string, column: string): Cell {
  const cell = parseReport(text).tables[table]?.rows.find((r) => r.key === row)?.cells[column];
  if (!cell) throw new Error(`no cell ${table}/${row}/${column}`);
  return cell;
}

/** The text with the cell's content (its exact range) replaced by `value`. */
export function setCell(text: string, table: string, row: string, column: string, value: string): string {
  const cell = cellOf(text, table, row, column);
  const l = splitLines(text);
  return text.slice(0, offsetAt(l, cell.range.start)) + value + text.slice(offsetAt(l, cell.range.end));
}

/** `line:character severity rule`, 0-based LSP positions. */
export function brief(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.rule}`;
}

/**
 * The rules of the core checker: structure and figures. Prose, dates and
 * heading numbers are tested elsewhere (the edits here move and delete
 * sections, which upsets the numbering on purpose).
 */
export const CORE_RULES = new Set(rules.filter((r) => r.category !== 'prose' && r !== headingNumbering).map((r) => r.id));

/** The diagnostics of the core rules only. */
export function diagnostics(text: string, options: LintOptions = {}): Diagnostic[] {
  return lint(text, options).diagnostics.filter((d) => CORE_RULES.has(d.rule));
}

export function only(text: string, rule: string, options: LintOptions = {}): Diagnostic[] {
  return diagnostics(text, options).filter((d) => d.rule === rule);
}

/** Applies a diagnostic's fix (the first, or the one at `index`), suggestions included. */
export function applyFix(text: string, d: Diagnostic, index = 0): string {
  const fix = d.fixes[index];
  if (!fix) throw new Error(`${d.rule} has no fix ${index}`);
  return applyEdits(text, fix.edits);
}

export function rangeOf(line: number, start: number, end = start, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
