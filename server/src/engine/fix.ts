// Fix-all: every safe fix at once, ending with every row and column sum
// holding while changing as few cells as possible. Suggestions (`balance`,
// inserted sections) are never applied here.
//
// One pass: the cell changes blame.ts found for the broken sums still reported,
// plus the preferred fix of every other finding — but not of one whose evidence
// (its related cells) those changes rewrite: prose that agrees with a wrong
// total is judged again on the fixed text. The fixed text is linted once to
// verify; what that shows is fixed the same way, a few rounds at most.
import { applyEdits, composeEdits } from '../core/edits';
import { comparePos } from '../core/text';
import type { Fix, LintOptions, Range, TextEdit } from '../core/types';
import { CELL_CHANGE_RULES, SUM_RULE } from '../rules';
import { cellConflict } from '../rules/cell-conflict';
import { lint, type Analysis } from './lint';

const MAX_ROUNDS = 4;
const CELL_CHANGES = new Set(CELL_CHANGE_RULES);

export interface FixAllResult {
  text: string;
  /** The edits against the original text, each no wider than the fix it comes from. */
  edits: TextEdit[];
  changed: boolean;
  /** The lint of `text`, the fixed text, when the last round made one (callers need not lint it again). */
  analysis?: Analysis;
}

const isSafe = (f: Fix) => !!f.isPreferred && !f.suggestionOnly;
const sumKey = (rule: string, cell: unknown) => `${rule} ${String(cell)}`;

/** The safe edits of one analysis, against its text. */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  const { diagnostics, sums, changes } = analysis;
  const edits: TextEdit[] = [];
  const take = (more: TextEdit[]) => {
    if (!more.some((e) => edits.some((x) => overlaps(x, e)))) edits.push(...more);
  };
  // A sum turned off (settings, a disable comment) keeps its cells as they are.
  const reported = new Set(diagnostics.filter((d) => CELL_CHANGES.has(d.rule) && d.fixes.some(isSafe)).map((d) => sumKey(d.rule, d.data?.cell)));
  const byId = new Map(sums.constraints.map((c) => [c.id, c]));
  const mended = new Set<string>();
  for (const change of changes) {
    const ref = sums.cells.get(change.id);
    const keys = [
      sumKey(cellConflict.id, change.id),
      ...change.mends.map((id) => byId.get(id)).flatMap((c) => (c?.total ? [sumKey(SUM_RULE[c.kind], c.total.id)] : [])),
    ];
    if (!ref || !keys.some((k) => reported.has(k))) continue;
    take([{ range: ref.cell.range, newText: String(change.value) }]);
    for (const k of keys) mended.add(k);
  }
  const rewritten = edits.map((e) => e.range);
  for (const d of diagnostics) {
    if (CELL_CHANGES.has(d.rule) && mended.has(sumKey(d.rule, d.data?.cell))) continue;
    if (d.related.some((r) => !r.uri && rewritten.some((x) => meets(x, r.range)))) continue;
    const fix = d.fixes.find(isSafe);
    if (fix) take(fix.edits);
  }
  return edits;
}

/** Fix-all on `text`; `analysis` is its lint when the caller has it already. */
export function fixAll(text: string, options: LintOptions = {}, analysis: Analysis = lint(text, options)): FixAllResult {
  let current = text;
  let edits: TextEdit[] = [];
  let last: Analysis | undefined = analysis;
  let found = fixAllEdits(analysis);
  for (let round = 0; round < MAX_ROUNDS && found.length; round++) {
    const next = applyEdits(current, found);
    if (next === current) break;
    edits = round === 0 ? found : composeEdits(text, edits, found);
    current = next;
    last = round + 1 < MAX_ROUNDS ? lint(current, options) : undefined;
    found = last ? fixAllEdits(last) : [];
  }
  return { text: current, edits: current === text ? [] : edits, changed: current !== text, ...(last ? { analysis: last } : {}) };
}

function meets(a: Range, b: Range): boolean {
  return comparePos(a.start, b.end) <= 0 && comparePos(b.start, a.end) <= 0;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return comparePos(a.range.start, b.range.end) < 0 && comparePos(b.range.start, a.range.end) < 0 ||
    comparePos(a.range.start, b.range.start) === 0;
}
