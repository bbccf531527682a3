// The report's prose as one string, with each character mapped back to its
// place in the text. Lines wrapped by a PDF export are joined; table lines,
// cells and page footers are left out.
import { comparePos, positionAt, splitLines, type Lines } from '../text';
import type { Position, Range, Report } from '../types';

export interface ProseView {
  text: string;
  rangeOf(start: number, end: number): Range;
}

const FOOTER = /^\s*(?:[-—–]\s*)?\d{1,3}\s*(?:[-—–]\s*)?$/;
const ENDS_SENTENCE = /[。；;：:！？!?”」）)]\s*$/;

export function proseView(report: Report, from?: Position, to?: Position): ProseView {
  const l: Lines = splitLines(report.text);
  const tables = Object.values(report.tables).map((t) => t.range);
  const inTable = (line: number) => tables.some((r) => line >= r.start.line && line <= r.end.line);
  const first = from?.line ?? 0;
  const last = to ? (to.character === 0 ? to.line - 1 : to.line) : l.lines.length - 1;
  // Built as parts and joined once: testing the end of a string grown by `+=`
  // flattens it every time, which made long reports quadratic.
  const parts: string[] = [];
  let length = 0;
  let endsWithBreak = true;
  const add = (s: string) => {
    parts.push(s);
    length += s.length;
    endsWithBreak = s.endsWith('\n');
  };
  const map: number[] = [];
  let prevJoinable = false;
  for (let i = first; i <= last && i < l.lines.length; i++) {
    let line = l.lines[i];
    let offset = l.starts[i];
    if (from && i === from.line) {
      line = line.slice(from.character);
      offset += from.character;
    }
    if (to && i === to.line) line = line.slice(0, to.character - (from && i === from.line ? from.character : 0));
    if (line.includes('\t') || inTable(i) || FOOTER.test(line) || line.trim() === '') {
      if (line.trim() === '' && length && !endsWithBreak) {
        add('\n');
        map.push(offset);
      }
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    // A PDF line break inside a sentence is no break: the next line starts at the margin.
    if (length && !endsWithBreak && !(prevJoinable && lead === 0)) {
      add('\n');
      map.push(offset);
    }
    for (let k = 0; k < body.length; k++) map.push(offset + lead + k);
    add(body);
    prevJoinable = !ENDS_SENTENCE.test(body);
  }
  map.push(map.length ? map[map.length - 1] + 1 : 0);
  return {
    text: parts.join(''),
    rangeOf(start, end) {
      const a = positionAt(l, map[Math.min(start, map.length - 1)]);
      const b = positionAt(l, map[Math.max(Math.min(end - 1, map.length - 1), 0)] + 1);
      return comparePos(a, b) <= 0 ? { start: a, end: b } : { start: a, end: a };
    },
  };
}
