// Flattened web text: a page copied with its table borders lost, so that a
// row's numbers run together (`一、本年新收政府信息公开申请数量200 000121` is 20, 0, 0,
// 0, 0, 1, 21) and labels run into the numbers before them
// (`规章000行政规范性文件8855698`), often the whole report on one line.
//
// This reader only cuts lines into labels and runs of digits: a row is
// `[label?, run, run, …]` (`runs: true`). How many numbers a run holds is the
// template's business: matching (core/match/flat-rows.ts) cuts the runs.
import { lineRange, range, type Lines } from '../text';
import { blocksOf, unclaimedRuns } from './runs';
import type { GridCell, GridRow, ShapeReader } from './types';

interface Span {
  text: string;
  start: number;
  end: number;
}

interface Piece {
  label?: Span;
  /** Digit runs, split at spaces. */
  groups: Span[];
}

const DIGITS = /[0-9０-９][0-9０-９.．]*/y;
const CHINESE_DIGITS = '一二三四五六七八九十';
const TOP_LEVEL = /^[一二三四五六七八九十]{1,2}、/;
const NUMERAL = /[一二三四五六七八九十第]/;
const SPACE = /[\s\u00a0\u3000]/;

/** White space; printable ASCII and CJK ideographs, most of a line, are told without a pattern. */
function isSpace(code: number, ch: string): boolean {
  if ((code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) return false;
  return SPACE.test(ch);
}
/**
 * A label glued to a run of three or more digits that ends the line or runs
 * into the next label (`文件8855698第二十条`), not a figure with its unit (`2645条`).
 */
const GLUED = /[\u4e00-\u9fff）)][0-9０-９][0-9０-９ ]{2,}(?=$|[^\s0-9０-９.．%％年月日时件条个次项号余多万元人家期批届位名场篇份台天])/gm;

export const flatReader: ShapeReader = {
  shape: 'flat',
  detect(text) {
    // Word text (a TAB-led line per cell) is never flattened.
    if (/^\t/m.test(text)) return false;
    GLUED.lastIndex = 0;
    let n = 0;
    while (GLUED.exec(text)) if (++n >= 2) return true;
    return false;
  },
  read({ view, claimed }) {
    const rows: GridRow[] = [];
    for (const [from, to] of unclaimedRuns(view.lines, claimed)) {
      for (let i = from; i < to; i++) rows.push(...readFlatLine(view.lines, i));
    }
    return { blocks: blocksOf('flat', rows, Infinity) };
  },
};

/** The rows of one line: every label with the runs of digits after it; words with no digits after them (a header) as words only. */
export function readFlatLine(l: Lines, li: number): GridRow[] {
  const line = l.lines[li];
  const rows: GridRow[] = [];
  for (const p of joinGroupLabels(takeBackNumbers(pieces(line)))) {
    if (!p.label && !p.groups.length) continue;
    const cells: GridCell[] = [];
    if (p.label) cells.push({ text: p.label.text, range: lineRange(li, p.label.start, p.label.end) });
    for (const g of p.groups) cells.push({ text: g.text, range: lineRange(li, g.start, g.end) });
    const a = p.label ?? p.groups[0];
    const b = p.groups.length ? p.groups[p.groups.length - 1] : a;
    rows.push(p.groups.length ? { cells, range: range(li, a.start, li, b.end), runs: true } : { cells, range: range(li, a.start, li, b.end), runs: true, wordsOnly: true });
  }
  return rows;
}

/** Label and digit runs of a line, in order. */
function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let cur: Piece = { groups: [] };
  let i = 0;
  let labelStart = -1;
  const closeLabel = (end: number) => {
    if (labelStart < 0) return;
    const raw = line.slice(labelStart, end);
    const text = raw.trim();
    if (text) {
      if (cur.label || cur.groups.length) out.push(cur);
      const a = labelStart + (raw.length - raw.trimStart().length);
      cur = { label: { text, start: a, end: a + text.length }, groups: [] };
    }
    labelStart = -1;
  };
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
      closeLabel(i);
      DIGITS.lastIndex = i;
      let t = DIGITS.exec(line)![0];
      // A trailing `.` belongs to the next label's number (`…0002.其他`), not to a decimal.
      while (/[.．]$/.test(t)) t = t.slice(0, -1);
      cur.groups.push({ text: t, start: i, end: i + t.length });
      i += t.length;
      continue;
    }
    // A top-level numbering (`四、`) opens a label of its own: a row printed with no figures
    // (`四、结转下年度继续办理`) does not run into the heading after it.
    if (labelStart >= 0 && i > labelStart && CHINESE_DIGITS.includes(line[i]) && TOP_LEVEL.test(line.slice(i, i + 3)) && !NUMERAL.test(line[i - 1])) closeLabel(i);
    if (labelStart < 0 && !isSpace(c, line[i])) labelStart = i;
    i++;
  }
  closeLabel(line.length);
  if (cur.label || cur.groups.length) out.push(cur);
  return out;
}

/**
 * A label that starts with the punctuation of a number (`.其他…`) takes its
 * number back from the digits glued before it (`…00002.其他` is `…0000`, `2.其他`):
 * the rows of these tables are numbered 1 to 9.
 */
function takeBackNumbers(ps: Piece[]): Piece[] {
  for (let k = 1; k < ps.length; k++) {
    const p = ps[k];
    if (!p.label || !/^[.．、]/.test(p.label.text)) continue;
    const prev = ps[k - 1];
    const g = prev.groups[prev.groups.length - 1];
    if (!g || g.end !== p.label.start) continue;
    p.label = { text: g.text.slice(-1) + p.label.text, start: g.end - 1, end: p.label.end };
    g.text = g.text.slice(0, -1);
    g.end -= 1;
    if (!g.text) prev.groups.pop();
  }
  return ps;
}

/**
 * Labels left with no digits are group labels (`（三）不予公开`): they run into
 * the next label, unless that one opens at the top level (`四、…`).
 */
function joinGroupLabels(ps: Piece[]): Piece[] {
  const out: Piece[] = [];
  let carry: Span | undefined;
  for (const p of ps) {
    if (carry && p.label && TOP_LEVEL.test(p.label.text)) out.push({ label: carry, groups: [] });
    else if (carry && p.label) p.label = { text: carry.text + p.label.text, start: carry.start, end: p.label.end };
    carry = undefined;
    if (p.label && !p.groups.length) {
      carry = p.label;
      continue;
    }
    out.push(p);
  }
  if (carry) out.push({ label: carry, groups: [] });
  return out;
}
