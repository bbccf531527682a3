// The whole report as plain text for phrase searches: the tags of a crawled
// page and the spaces between characters left out (`统计时限为</font>20</span>23年…`
// and `2024 年 1 月` read as one phrase; line breaks stay), each character mapped
// back to its place in the report.
import { OffsetMap } from '../core/offset-map';
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
  const map = new OffsetMap();
  const keep = (a: number, b: number) => {
    parts.push(source.slice(a, b));
    map.add(a, b - a);
  };
  let next = 0;
  SKIP.lastIndex = 0;
  for (let m = SKIP.exec(source); m; m = SKIP.exec(source)) {
    keep(next, m.index);
    next = m.index + m[0].length;
  }
  keep(next, source.length);
  const { length } = map;
  // One past the end maps to the end of the source.
  const sourceAt = (k: number) => (k >= length ? source.length : map.sourceAt(k));
  return {
    text: parts.join(''),
    rangeOf(start, end) {
      const a = sourceAt(Math.min(start, length));
      const b = end > start ? sourceAt(Math.min(end - 1, length)) + 1 : a;
      return { start: positionAt(l, a), end: positionAt(l, b) };
    },
  };
}
