// The whole report as plain text for phrase searches: the tags of a crawled
// page and the spaces between characters left out (`统计时限为</font>20</span>23年…`
// and `2024 年 1 月` read as one phrase; line breaks stay), each character mapped
// back to its place in the report.
import { positionAt, splitLines } from '../core/text';
import type { Range, Report } from '../core/types';

export interface PlainText {
  text: string;
  rangeOf(start: number, end: number): Range;
}

const SKIP = /<[a-zA-Z/!][^<>]*>|&nbsp;|[^\S\n]+/g;

export function plainText(report: Report): PlainText {
  const l = splitLines(report.text);
  const source = report.text;
  const parts: string[] = [];
  const map: number[] = [];
  let at = 0;
  const keep = (from: number, to: number) => {
    parts.push(source.slice(from, to));
    for (let i = from; i < to; i++) map.push(i);
  };
  SKIP.lastIndex = 0;
  for (let m = SKIP.exec(source); m; m = SKIP.exec(source)) {
    keep(at, m.index);
    at = m.index + m[0].length;
  }
  keep(at, source.length);
  map.push(source.length);
  return {
    text: parts.join(''),
    rangeOf(start, end) {
      const a = map[Math.min(start, map.length - 1)];
      const b = end > start ? map[Math.min(end - 1, map.length - 1)] + 1 : a;
      return { start: positionAt(l, a), end: positionAt(l, b) };
    },
  };
}
