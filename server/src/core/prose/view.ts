// The report's prose as one string whose every character maps back to its
// place in the text. Tables are cut out to the character (a flattened page
// holds a whole report, tables and all, on one line), as are TAB lines and page
// footers. Lines wrapped by a PDF export are joined, unless `keepLines` keeps
// every line break (for rules that read paragraphs).
import { OffsetMap } from '../offset-map';
import { comparePos, positionAt, splitLines, type Lines } from '../text';
import type { Position, Range, Report } from '../types';

export interface ProseView {
  text: string;
  /** The report lines it was built from: a view of other lines is built again. */
  source: string[];
  /** The range in the report of `text.slice(start, end)`. */
  rangeOf(start: number, end: number): Range;
}

const FOOTER = /^\s*(?:[-—–]\s*)?\d{1,3}\s*(?:[-—–]\s*)?$/;
/** The marks that end a sentence (or a clause before a list), looked for at the end of a trimmed line. */
const SENTENCE_ENDS = '。；;：:！？!?”」）)';

/** The report's lines with their offsets, split once per report (several rules read prose). */
const linesOf = new WeakMap<Report, Lines>();
/** The views already built of a report: rules reading the same stretch share one. */
const viewsOf = new WeakMap<Report, Map<string, ProseView>>();

export function proseView(report: Report, from?: Position, to?: Position, options: { keepLines?: boolean } = {}): ProseView {
  let views = viewsOf.get(report);
  if (!views) viewsOf.set(report, (views = new Map()));
  const key = `${from?.line},${from?.character},${to?.line},${to?.character},${!!options.keepLines}`;
  let view = views.get(key);
  if (!view || view.source !== report.lines) views.set(key, (view = buildView(report, from, to, options)));
  return view;
}

function buildView(report: Report, from: Position | undefined, to: Position | undefined, options: { keepLines?: boolean }): ProseView {
  let l = linesOf.get(report);
  if (!l || l.lines !== report.lines) linesOf.set(report, (l = { ...splitLines(report.text), lines: report.lines }));
  const tables = Object.values(report.tables).map((t) => t.range);
  const first = from?.line ?? 0;
  const last = to ? (to.character === 0 && to.line > first ? to.line - 1 : to.line) : l.lines.length - 1;
  // Built as parts and joined once: testing the end of a string grown by `+=`
  // flattens it every time, which made long reports quadratic.
  const parts: string[] = [];
  const map = new OffsetMap();
  let endsWithBreak = true;
  const addBreak = (at: number) => {
    parts.push('\n');
    map.add(at, 1);
    endsWithBreak = true;
  };
  let prevJoinable = false;
  for (let i = first; i <= last && i < l.lines.length; i++) {
    const line = l.lines[i];
    const a = from && i === from.line ? from.character : 0;
    const b = to && i === to.line ? Math.min(to.character, line.length) : line.length;
    const kept = line.includes('\t') ? [] : keptSpans(i, a, b, tables);
    const body = kept.length === 1 ? line.slice(kept[0][0], kept[0][1]) : kept.map(([x, y]) => line.slice(x, y)).join('');
    const text = body.trim();
    if (text === '' || FOOTER.test(body)) {
      if (map.length && !endsWithBreak && (text === '' || options.keepLines)) addBreak(l.starts[i] + a);
      continue;
    }
    // The white space before the text (trim's and \s's are the same characters).
    const lead = body.search(NOT_SPACE);
    // A PDF line break inside a sentence is no break: the next line starts at the margin.
    if (map.length && !endsWithBreak && (options.keepLines || !(prevJoinable && lead === 0))) addBreak(l.starts[i] + a);
    parts.push(text);
    mapSpans(map, kept, l.starts[i], lead, text.length);
    endsWithBreak = false;
    if (options.keepLines) addBreak(l.starts[i] + b);
    prevJoinable = !SENTENCE_ENDS.includes(text[text.length - 1]);
  }
  const length = map.length;
  const end = length ? map.sourceAt(length - 1) + 1 : 0;
  return {
    text: parts.join(''),
    source: report.lines,
    rangeOf(start, stop) {
      const s = positionAt(l, start < length ? map.sourceAt(Math.max(start, 0)) : end);
      const e = positionAt(l, stop > 0 && stop <= length ? map.sourceAt(stop - 1) + 1 : end);
      return comparePos(s, e) <= 0 ? { start: s, end: e } : { start: s, end: s };
    },
  };
}

/** Maps `count` characters of the kept spans joined, from character `skip` on. */
function mapSpans(map: OffsetMap, spans: [number, number][], lineStart: number, skip: number, count: number): void {
  for (const [p, q] of spans) {
    const n = Math.min(q - p - skip, count);
    if (n > 0) {
      map.add(lineStart + p + skip, n);
      count -= n;
    }
    skip = Math.max(0, skip - (q - p));
  }
}

const NOT_SPACE = /\S/;

/** The spans of line `i` within [a, b) that no table covers. */
function keptSpans(i: number, a: number, b: number, tables: Range[]): [number, number][] {
  let spans: [number, number][] = [[a, b]];
  for (const t of tables) {
    if (t.start.line > i || t.end.line < i) continue;
    const x = t.start.line < i ? 0 : t.start.character;
    const y = t.end.line > i ? Infinity : t.end.character;
    // A table of whole lines (Word text, Markdown, pdftotext) takes the line whole.
    if (x === 0 && (y === Infinity || t.end.line > t.start.line || y >= b)) return [];
    spans = spans.flatMap(([p, q]): [number, number][] => (y <= p || x >= q ? [[p, q]] : [...(x > p ? [[p, x] as [number, number]] : []), ...(y < q ? [[y, q] as [number, number]] : [])]));
  }
  return spans;
}
