// Applying text edits without touching anything outside their ranges.
import { comparePos, offsetAt, splitLines } from './text';
import type { TextEdit } from './types';

/** Applies non-overlapping edits; overlapping ones after the first are dropped. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const l = splitLines(text);
  const sorted = [...edits].sort((a, b) => comparePos(a.range.start, b.range.start) || comparePos(a.range.end, b.range.end));
  let out = '';
  let at = 0;
  for (const e of sorted) {
    const start = offsetAt(l, e.range.start);
    const end = offsetAt(l, e.range.end);
    if (start < at || end < start) continue;
    out += text.slice(at, start) + e.newText;
    at = end;
  }
  return out + text.slice(at);
}
