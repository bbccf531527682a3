// Fix-all: every safe fix at once, ending with every row and column sum
// holding while changing as few cells as possible. Suggestions (`balance`,
// inserted sections) are never applied here.
import { applyEdits } from '../core/edits';
import { lint } from './lint';
import { comparePos } from '../core/text';
import type { LintOptions, TextEdit } from '../core/types';

const MAX_PASSES = 4;

export interface FixAllResult {
  text: string;
  /** The edits against the original text, for editors (one pass) and `--fix` (all passes). */
  edits: TextEdit[];
  changed: boolean;
}

/** The safe edits of one pass, against `text` as it is. */
export function fixAllEdits(text: string, options: LintOptions = {}): TextEdit[] {
  const { diagnostics } = lint(text, options);
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes.find((f) => f.isPreferred && !f.suggestionOnly);
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((x) => overlaps(x, e)))) continue;
    edits.push(...fix.edits);
  }
  return edits;
}

export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let current = text;
  let firstEdits: TextEdit[] | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = fixAllEdits(current, options);
    firstEdits ??= edits;
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return { text: current, edits: current === text ? [] : wholeChange(text, current, firstEdits ?? []), changed: current !== text };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return comparePos(a.range.start, b.range.end) < 0 && comparePos(b.range.start, a.range.end) < 0 ||
    comparePos(a.range.start, b.range.start) === 0;
}

/** When one pass was enough its edits are exact; otherwise the changed span as one edit. */
function wholeChange(before: string, after: string, first: TextEdit[]): TextEdit[] {
  if (applyEdits(before, first) === after) return first;
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  const lines = before.slice(0, a).split(/\r\n|\r|\n/);
  const endLines = before.slice(0, before.length - b).split(/\r\n|\r|\n/);
  return [{
    range: {
      start: { line: lines.length - 1, character: lines[lines.length - 1].length },
      end: { line: endLines.length - 1, character: endLines[endLines.length - 1].length },
    },
    newText: after.slice(a, after.length - b),
  }];
}
