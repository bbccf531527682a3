// A baseline: findings a reviewer has already looked at, recorded so they stay
// hidden on the next run (CLI `--baseline`) and in the editor. Pure: text and
// diagnostics in, keys and filtered diagnostics out; the CLI and the language
// server share it.
//
// A finding is keyed by its file, rule, the table cell it sits on (its template
// id, e.g. `requests/resultTotal/person`) or else a fingerprint of the words
// around it, and the value written there. Never by line number: an edit
// elsewhere in the report keeps the entry valid, a changed value brings the
// finding back.
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/types';

/** The name the language server looks for, upward from a report's folder. */
export const BASELINE_NAME = 'xxgklint-baseline.json';

export interface BaselineEntry {
  /** Relative to the baseline file's folder, with `/`. */
  file: string;
  rule: string;
  /** The table cell's template id, when the finding is about one cell. */
  cell?: string;
  /** Otherwise: a hash of the words around the finding (digits and spaces left out) and its facts. */
  fingerprint?: string;
  /** The text the finding points at (long text shortened, with a hash of the whole). */
  value: string;
}

export type FindingKey = Omit<BaselineEntry, 'file'>;

export class BaselineError extends Error {}

/** Words this far either side of a finding make its fingerprint. */
const CONTEXT = 24;
const MAX_VALUE = 60;

export function findingKey(lines: readonly string[], d: Diagnostic): FindingKey {
  const value = shorten(textIn(lines, d));
  const cell = typeof d.data?.cell === 'string' ? d.data.cell : undefined;
  if (cell) return { rule: d.rule, cell, value };
  const { start, end } = d.range;
  const empty = start.line === end.line && start.character === end.character;
  // An empty range (a missing section) has no words of its own: its facts say what it is about.
  const around = empty ? '' : `${words(lines[start.line]?.slice(0, start.character) ?? '').slice(-CONTEXT)}\u0000${words(lines[end.line]?.slice(end.character) ?? '').slice(0, CONTEXT)}`;
  const facts = empty ? canonical(withoutPlace(d.data)) : '';
  return { rule: d.rule, fingerprint: hash(`${d.rule}\u0000${around}\u0000${facts}`), value };
}

/** Splits diagnostics into those the baseline does not cover and those it hides. */
export function applyBaseline(entries: readonly FindingKey[], lines: readonly string[], diagnostics: Diagnostic[]): { shown: Diagnostic[]; hidden: Diagnostic[] } {
  if (entries.length === 0) return { shown: diagnostics, hidden: [] };
  const hide = hiddenBy(entries, diagnostics.map((d) => findingKey(lines, d)));
  return { shown: diagnostics.filter((_, i) => !hide[i]), hidden: diagnostics.filter((_, i) => hide[i]) };
}

/** For each finding's key, whether an entry hides it; each entry hides one finding, in order. */
export function hiddenBy(entries: readonly FindingKey[], keys: readonly FindingKey[]): boolean[] {
  const left = new Map<string, number>();
  for (const e of entries) left.set(keyString(e), (left.get(keyString(e)) ?? 0) + 1);
  return keys.map((key) => {
    const k = keyString(key);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n > 0;
  });
}

/** The file's text: pretty JSON in a stable order, so a baseline diffs well under version control. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = entries.map((e) => ({ file: e.file, rule: e.rule, ...(e.cell ? { cell: e.cell } : { fingerprint: e.fingerprint }), value: e.value }));
  sorted.sort((a, b) => compare(sortKey(a), sortKey(b)));
  return `${JSON.stringify({ version: 1, entries: sorted }, null, 2)}\n`;
}

/** Reads a baseline file's text; a malformed one is a BaselineError naming the problem. */
export function parseBaseline(text: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BaselineError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const entries = (data as { entries?: unknown })?.entries;
  if ((data as { version?: unknown })?.version !== 1 || !Array.isArray(entries)) throw new BaselineError('expected {"version": 1, "entries": [...]}');
  return entries.map((e, i) => {
    const x = e as Record<string, unknown>;
    const ok = typeof x?.file === 'string' && typeof x.rule === 'string' && typeof x.value === 'string' && (typeof x.cell === 'string' || typeof x.fingerprint === 'string');
    if (!ok) throw new BaselineError(`entry ${i + 1} needs file, rule, value and a cell or fingerprint`);
    return { file: x.file as string, rule: x.rule as string, ...(typeof x.cell === 'string' ? { cell: x.cell } : { fingerprint: x.fingerprint as string }), value: x.value as string };
  });
}

/** Entries grouped by file. */
export function byFile(entries: readonly BaselineEntry[]): Map<string, FindingKey[]> {
  const out = new Map<string, FindingKey[]>();
  for (const { file, ...key } of entries) {
    const list = out.get(file) ?? [];
    list.push(key);
    out.set(file, list);
  }
  return out;
}

function textIn(lines: readonly string[], d: Diagnostic): string {
  const { start, end } = d.range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character).trim();
  const parts = [(lines[start.line] ?? '').slice(start.character), ...lines.slice(start.line + 1, end.line), (lines[end.line] ?? '').slice(0, end.character)];
  return parts.join('\n').trim();
}

function shorten(s: string): string {
  return s.length <= MAX_VALUE ? s : `${s.slice(0, MAX_VALUE)}…#${hash(s).slice(0, 8)}`;
}

/** What stays when numbers are edited: the words, without digits, spaces or table separators. */
function words(s: string): string {
  return s.replace(/[\s\d０-９|.,，。、:：;；%％\-—()（）]+/g, '');
}

function withoutPlace(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const { place: _place, ...rest } = data ?? {};
  return rest;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

function keyString(k: FindingKey): string {
  return JSON.stringify([k.rule, k.cell ?? '', k.fingerprint ?? '', k.value]);
}

function sortKey(e: { file: string; rule: string; cell?: string; fingerprint?: string; value: string }): string {
  return `${e.file}\u0000${e.rule}\u0000${e.cell ?? e.fingerprint}\u0000${e.value}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
