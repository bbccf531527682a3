// The prose of a stretch of the report (a section's body) as one string, line
// breaks kept, with the tables cut out to the character: a flattened page
// holds a whole report on one line, so whole-line exclusion would lose it.
import { comparePos, lineRange } from '../core/text';
import type { Range, Report } from '../core/types';

export interface SectionText {
  text: string;
  /** The range in the report of `text.slice(start, end)` (within one line of the report). */
  rangeOf(start: number, end: number): Range;
}

export function sectionText(report: Report, r: Range): SectionText {
  const tables = Object.values(report.tables).map((t) => t.range);
  const parts: string[] = [];
  // Per character of the text: its line and character in the report.
  const lineOf: number[] = [];
  const charOf: number[] = [];
  for (let i = r.start.line; i <= r.end.line && i < report.lines.length; i++) {
    const line = report.lines[i];
    if (line.includes('\t')) continue;
    const from = i === r.start.line ? r.start.character : 0;
    const to = i === r.end.line ? Math.min(r.end.character, line.length) : line.length;
    let kept = false;
    for (let c = from; c < to; c++) {
      const p = { line: i, character: c };
      if (tables.some((t) => comparePos(t.start, p) <= 0 && comparePos(p, t.end) < 0)) continue;
      parts.push(line[c]);
      lineOf.push(i);
      charOf.push(c);
      kept = true;
    }
    if (kept) {
      parts.push('\n');
      lineOf.push(i);
      charOf.push(to);
    }
  }
  return {
    text: parts.join(''),
    rangeOf(start, end) {
      const a = Math.min(start, lineOf.length - 1);
      const b = Math.max(Math.min(end - 1, lineOf.length - 1), a);
      if (a < 0) return lineRange(r.start.line, r.start.character, r.start.character);
      return lineOf[a] === lineOf[b] ? lineRange(lineOf[a], charOf[a], charOf[b] + 1) : { start: { line: lineOf[a], character: charOf[a] }, end: { line: lineOf[b], character: charOf[b] + 1 } };
    },
  };
}
