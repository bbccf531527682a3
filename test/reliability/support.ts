// Shared pieces of the reliability tests: the fast-check settings (fixed seed
// in CI, random and longer under `npm run fuzz`), the sample texts, the
// mutations, and the checks every lint result and every fix must pass.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Diagnostic, Position, Range, TextEdit } from '../../server/src/core/types';
import { CORPUS, SEEDS } from '../support/fixtures';

/** `FUZZ_SEED` / `FUZZ_SCALE` come from scripts/fuzz.mjs; CI uses the fixed seed and scale 1. */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261122;
export const SCALE = process.env.FUZZ_SCALE ? Math.max(1, Number(process.env.FUZZ_SCALE)) : 1;

export function params<T>(runs: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.round(runs * SCALE), endOnFailure: true, verbose: 1 };
}

// ---------- samples ----------

export interface Sample {
  name: string;
  text: string;
}

export function seedSamples(): Sample[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `seed/${f.slice(0, 3)}`, text: readFileSync(join(SEEDS, f), 'utf8') }));
}

export function corpusSamples(): Sample[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `corpus/${f}`, text: readFileSync(join(CORPUS, f), 'utf8') }));
}

// ---------- independent position arithmetic (not the core's own) ----------

/** Lines as LSP counts them: \r\n, \r and \n all end a line. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function posInside(lines: string[], p: Position): boolean {
  return (
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lines.length &&
    p.character >= 0 &&
    p.character <= lines[p.line].length
  );
}

export function rangeInside(lines: string[], r: Range): boolean {
  return posInside(lines, r.start) && posInside(lines, r.end) && cmp(r.start, r.end) <= 0;
}

export function contains(outer: Range, inner: Range): boolean {
  return cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;
}

/** Every range a diagnostic carries that points into this document: its own, related ones, fix edits. */
export function badRanges(text: string, diagnostics: Diagnostic[]): string[] {
  const lines = lspLines(text);
  const bad: string[] = [];
  const show = (d: Diagnostic, what: string, r: Range) =>
    `${d.rule} ${what} ${JSON.stringify(r)} (document has ${lines.length} lines; line ${r.start.line} has ${lines[r.start.line]?.length ?? 'no'} chars)`;
  for (const d of diagnostics) {
    if (!rangeInside(lines, d.range)) bad.push(show(d, 'range', d.range));
    for (const x of d.related) if (!x.uri && !rangeInside(lines, x.range)) bad.push(show(d, 'related', x.range));
    for (const f of d.fixes) for (const e of f.edits) if (!rangeInside(lines, e.range)) bad.push(show(d, `fix "${f.title}"`, e.range));
  }
  return bad;
}

/** Preferred, applicable fixes whose edits reach outside the diagnostic's own range and related ranges. */
export function editsOutside(diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes.find((f) => f.isPreferred && !f.suggestionOnly);
    if (!fix) continue;
    const allowed = [d.range, ...d.related.filter((r) => !r.uri).map((r) => r.range)];
    for (const e of fix.edits) {
      if (!allowed.some((r) => contains(r, e.range))) out.push(`${d.rule} "${fix.title}" edits ${JSON.stringify(e.range)} outside ${JSON.stringify(allowed)}`);
    }
  }
  return out;
}

/** Independent edit application by offsets, for comparing with the core's applyEdits. */
export function offsetOf(text: string, p: Position): number {
  const re = /\r\n|\r|\n/g;
  let line = 0;
  let start = 0;
  while (line < p.line) {
    const m = re.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
    line++;
  }
  return start + p.character;
}

export function editedSpans(text: string, edits: TextEdit[]): [number, number][] {
  return edits.map((e) => [offsetOf(text, e.range.start), offsetOf(text, e.range.end)] as [number, number]).sort((a, b) => a[0] - b[0]);
}

// ---------- mutations ----------

export type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'bytes'; at: number; s: string }
  | { op: 'cell-text'; at: number; s: string }
  | { op: 'cut-table'; at: number; count: number }
  | { op: 'truncate'; at: number }
  | { op: 'eol'; at: number; count: number; eol: string }
  | { op: 'number'; at: number; value: number };

const nasty = fc.constantFrom(
  '\u0000', '\r', '\n', '\r\n', '\t', '\ufeff', '\ud800', '\udfff', '\u2028', '\u3000', '|', '||', '> ', '# ', '<!--', '-->', '\\',
  '０', '１２', '—', '/', '（', '）', '一、', '（三）', '总计', '合计', '自然人', '予以公开', '结转下年度', '2023年', 'xxgk-disable',
  '// xxgk-disable-next-line', '\u200b', '𠀀', '🙂', '-1', '1.5', '9999999999999999999', 'NaN', '1e400',
);
export const junk = fc.oneof(fc.string({ maxLength: 6, unit: 'binary' }), nasty, fc.array(nasty, { maxLength: 4 }).map((a) => a.join('')));
const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: frac, count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: frac, count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('swap' as const), a: frac, b: frac }),
  fc.record({ op: fc.constant('bytes' as const), at: frac, s: junk }),
  fc.record({ op: fc.constant('cell-text' as const), at: frac, s: fc.oneof(junk, fc.constantFrom('若干', '无', '/', '—', 'N/A', '', ' ', '3件', '１０')) }),
  fc.record({ op: fc.constant('cut-table' as const), at: frac, count: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: frac }),
  fc.record({ op: fc.constant('eol' as const), at: frac, count: fc.integer({ min: 1, max: 50 }), eol: fc.constantFrom('\r\n', '\r', '\n') }),
  fc.record({ op: fc.constant('number' as const), at: frac, value: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(1e21)) }),
);

const NUMBER_CELL = /^(\s*\|?\s*)([0-9０-９]+)(\s*\|?\s*)$|(\t|\|\s*)([0-9０-９]+)(?=\s*(?:\||\t|$))/;

function numberLines(lines: string[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (NUMBER_CELL.test(l)) out.push(i);
  });
  return out;
}

/** Applies mutations to a text; line-based ones keep the text's own line ends. */
export function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) t = mutateOnce(t, m);
  return t;
}

function mutateOnce(text: string, m: Mutation): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  const eols: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i]);
    eols.push(parts[i + 1] ?? '');
  }
  const n = lines.length;
  const idx = (f: number) => Math.min(n - 1, Math.floor(f * n));
  const join = () => lines.map((l, i) => l + (eols[i] ?? '')).join('');
  switch (m.op) {
    case 'delete': {
      const i = idx(m.at);
      lines.splice(i, m.count);
      eols.splice(i, m.count);
      return join();
    }
    case 'duplicate': {
      const i = idx(m.at);
      const ls = lines.slice(i, i + m.count);
      const es = eols.slice(i, i + m.count).map((e) => e || '\n');
      lines.splice(i, 0, ...ls);
      eols.splice(i, 0, ...es);
      return join();
    }
    case 'swap': {
      const a = idx(m.a);
      const b = idx(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return join();
    }
    case 'bytes': {
      const at = Math.floor(m.at * (text.length + 1));
      return text.slice(0, at) + m.s + text.slice(at);
    }
    case 'cell-text':
    case 'number': {
      const nums = numberLines(lines);
      if (!nums.length) return text;
      const i = nums[Math.min(nums.length - 1, Math.floor(m.at * nums.length))];
      const value = m.op === 'number' ? String(m.value) : m.s;
      lines[i] = lines[i].replace(/[0-9０-９]+/, () => value);
      return join();
    }
    case 'cut-table': {
      // Removes a stretch starting inside a table (a number line), so a table is cut in half.
      const nums = numberLines(lines);
      const i = nums.length ? nums[Math.min(nums.length - 1, Math.floor(m.at * nums.length))] : idx(m.at);
      lines.splice(i, m.count);
      eols.splice(i, m.count);
      return join();
    }
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'eol': {
      const i = idx(m.at);
      for (let k = i; k < Math.min(n - 1, i + m.count); k++) eols[k] = m.eol;
      return join();
    }
  }
}
