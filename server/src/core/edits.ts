// Applying text edits without touching anything outside their ranges.
import { comparePos, offsetAt, positionAt, splitLines } from './text';
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

interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * `first` (edits on `original`) followed by `second` (edits on the text
 * `first` made), as edits on `original`. Each stays as small as its own range;
 * edits that meet in the middle text become one.
 */
export function composeEdits(original: string, first: TextEdit[], second: TextEdit[]): TextEdit[] {
  const l0 = splitLines(original);
  const middle = applyEdits(original, first);
  // Both lists in the middle text's offsets; `of` is a first edit's span in `original`.
  let shift = 0;
  const items = toSpans(l0, first).map((s) => {
    const item = { from: s.start + shift, to: s.start + shift + s.text.length, of: s as Span | undefined, text: s.text };
    shift += s.text.length - (s.end - s.start);
    return item;
  });
  for (const s of toSpans(splitLines(middle), second)) items.push({ from: s.start, to: s.end, of: undefined, text: s.text });
  items.sort((x, y) => x.from - y.from || x.to - y.to);
  const firsts = items.filter((x) => x.of);
  // A middle offset outside every first edit, back in `original`.
  const back = (p: number) => firsts.reduce((at, x) => (x.to <= p ? at - (x.text.length - (x.of!.end - x.of!.start)) : at), p);
  const out: TextEdit[] = [];
  for (let i = 0; i < items.length; ) {
    const group = [items[i]];
    let to = items[i].to;
    for (i++; i < items.length && items[i].from <= to; i++) {
      group.push(items[i]);
      to = Math.max(to, items[i].to);
    }
    const from = group[0].from;
    const head = group.find((x) => x.of && x.from === from);
    const tail = group.find((x) => x.of && x.to === to);
    const start = head ? head.of!.start : back(from);
    const end = tail ? tail.of!.end : back(to);
    // The group's text: the middle text with the second edits inside it applied.
    let text = '';
    let at = from;
    for (const x of group) {
      if (x.of) continue;
      text += middle.slice(at, x.from) + x.text;
      at = x.to;
    }
    text += middle.slice(at, to);
    // A change undone later (a figure changed and changed back) is no edit at all.
    if (text === original.slice(start, end)) continue;
    out.push({ range: { start: positionAt(l0, start), end: positionAt(l0, end) }, newText: text });
  }
  return out;
}

function toSpans(l: ReturnType<typeof splitLines>, edits: TextEdit[]): Span[] {
  return edits
    .map((e) => ({ start: offsetAt(l, e.range.start), end: offsetAt(l, e.range.end), text: e.newText }))
    .sort((x, y) => x.start - y.start || x.end - y.end);
}
