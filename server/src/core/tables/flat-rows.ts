// Flattened rows (core/read/flat.ts) cut into the template's columns.
//
// A row's digits are split into exactly the template's number of columns; a
// space is a boundary a number never crosses; no number but 0 starts with 0.
// Of the splits, only those that satisfy the sums the template declares are
// kept: the row sums (总计 = the parts), then, for table 三, the column sums
// and the balance, using the rows already read for certain. A row with one
// reading left is read; a row with several (or none) is left out of the table,
// so no sum uses it, and reported as `table-shape` with its candidate readings.
// Nothing is ever guessed.
import type { GridCell, GridRow } from '../read/types';
import { labelKey, lineRange, range } from '../text';
import type { Range, ShapeProblem } from '../types';

export interface FlatRowSpec {
  key: string;
  /** The template label, e.g. `2.其他法律行政法规禁止公开` (its number helps split `…00002.其他…`). */
  label: string;
  /** How many numbers the row holds. */
  want: number;
  /** Money columns may hold decimals. */
  decimals?: boolean;
  /** Within the row: the number at `total` is the sum of the numbers at `parts` (column indexes). */
  rowSums: { total: number; parts: number[] }[];
}

export interface FlatSpec {
  /** The template row a label names. */
  rowOf(label: string): FlatRowSpec | undefined;
  /** Table 三: in every column the row `total` is the sum of the rows `parts`; and Σin = Σout. */
  columnSums?: { total: string; parts: string[] }[];
  balance?: { in: string[]; out: string[] };
  /** Table 四: a row with no label, after the header words. */
  unlabelled?: FlatRowSpec;
}

interface Span {
  text: string;
  line: number;
  start: number;
  end: number;
}

const MAX_READINGS = 200000;
/** The longest row label of the templates, with room for a typo or two. */
const MAX_LABEL = 48;
/** Readings of the open rows of one sum tried together, at most. */
const MAX_COMBINATIONS = 20000;

/** A flattened row as read: its label and its runs of digits. */
interface Piece {
  label?: Span;
  groups: Span[];
}

function toPiece(r: GridRow): Piece {
  const span = (c: GridCell): Span => ({ text: c.text, line: c.range.start.line, start: c.range.start.character, end: c.range.end.character });
  const labelled = r.cells.length > 0 && !/^[0-9０-９.．]+$/.test(r.cells[0].text);
  return { label: labelled ? span(r.cells[0]) : undefined, groups: r.cells.slice(labelled ? 1 : 0).map(span) };
}

/**
 * Does this stretch hold the flattened table: two rows of it, each with at
 * least as many digits as it has columns? A figure in the prose
 * (`本年新收政府信息公开申请3件`) is not a table.
 */
export function isFlat(rows: GridRow[], spec: FlatSpec): boolean {
  const seen = new Set<string>();
  for (const p of rows.map(toPiece)) {
    if (!p.label || !p.groups.length) continue;
    const hit = rowFor(p.label, spec);
    if (hit && digitCount(p.groups) >= hit.row.want) seen.add(hit.row.key);
    if (seen.size >= 2) return true;
  }
  return !!spec.unlabelled && unlabelledRun(rows.map(toPiece)) !== undefined;
}

const digitCount = (groups: Span[]) => groups.reduce((a, g) => a + g.text.length, 0);

const MARKER = /[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十]{1,2}、|(?<![0-9])\d{1,2}[.．、](?![0-9])/g;

/** The row a label names: the whole label, or the part from its last numbering on (group labels run in). */
function rowFor(label: Span, spec: FlatSpec): { row: FlatRowSpec; label: Span } | undefined {
  // The shortest tail from a numbering on first: header words and group labels run in before it.
  const marks = [...label.text.matchAll(MARKER)].map((m) => m.index!).filter((x) => x > 0);
  for (let k = marks.length - 1; k >= 0; k--) {
    const text = label.text.slice(marks[k]);
    const r = spec.rowOf(text);
    if (r) return { row: r, label: { ...label, text, start: label.start + marks[k] } };
  }
  const whole = spec.rowOf(label.text);
  if (whole) return { row: whole, label };
  // Header words run into a label with no numbering (`…现行有效件数规章`): the shortest tail that names a row
  // (a row's label is short: a tail longer than any is not tried).
  for (let a = label.text.length - 2; a > 0 && label.text.length - a <= MAX_LABEL; a--) {
    const text = label.text.slice(a);
    const r = spec.rowOf(text);
    if (r) return { row: r, label: { ...label, text, start: label.start + a } };
  }
  return undefined;
}

interface Reading {
  numbers: { text: string; value: number; start: number; end: number; line: number }[];
}

/**
 * Every way to cut the digit groups into `want` numbers. The valid cuts of
 * each group are listed once; a branch stops as soon as the numbers still
 * wanted cannot fit the digits left (each group holds one number at least,
 * each number one digit at least).
 */
function readings(groups: Span[], want: number, decimals: boolean): Reading[] | 'too-many' {
  const plain = groups.map((g) => g.text.normalize('NFKC').replace(/．/g, '.'));
  const settled = settledReading(groups, plain, want, decimals);
  if (settled) return settled;
  const cuts = plain.map((s) => validCuts(s, decimals));
  const charsFrom: number[] = [];
  for (let g = groups.length - 1, n = 0; g >= 0; g--) charsFrom[g] = n += plain[g].length;
  const out: Reading[] = [];
  // The cut being tried, as (group, start, end) triples; numbers are made only for a whole reading.
  const cur: number[] = [];
  let count = 0;
  const go = (g: number, at: number): boolean => {
    if (++count > MAX_READINGS) return false;
    if (g === groups.length) {
      if (cur.length === want * 3) {
        const numbers: Reading['numbers'] = [];
        for (let k = 0; k < cur.length; k += 3) numbers.push(numberOf(groups[cur[k]], plain[cur[k]], cur[k + 1], cur[k + 2]));
        out.push({ numbers });
      }
      return true;
    }
    const s = plain[g];
    if (at === s.length) return go(g + 1, 0);
    const left = want - cur.length / 3;
    const groupsLeft = groups.length - g - 1;
    if (left < 1 + groupsLeft || left > charsFrom[g] - at) return true;
    for (const end of cuts[g][at]) {
      cur.push(g, at, end);
      const ok = go(g, end);
      cur.length -= 3;
      if (!ok) return false;
    }
    return true;
  };
  if (!go(0, 0)) return 'too-many';
  return out;
}

/**
 * The readings when the counts alone settle them, as the search would find
 * them: as many groups as numbers (each group is one number), or as many
 * digits as numbers (each digit is one). Otherwise undefined: search.
 */
function settledReading(groups: Span[], plain: string[], want: number, decimals: boolean): Reading[] | undefined {
  if (groups.length === want) {
    return plain.every((s) => endsFrom(s, 0, decimals).includes(s.length)) ? [{ numbers: groups.map((g, i) => numberOf(g, plain[i], 0, plain[i].length)) }] : [];
  }
  if (plain.reduce((n, s) => n + s.length, 0) !== want) return undefined;
  if (plain.some((s) => s.includes('.'))) return [];
  const numbers: Reading['numbers'] = [];
  groups.forEach((g, i) => {
    for (let k = 0; k < plain[i].length; k++) numbers.push(numberOf(g, plain[i], k, k + 1));
  });
  return [{ numbers }];
}

/** One number of a reading: the digits of `group` from `at` to `end`; `plain` is the group's text in ASCII. */
function numberOf(group: Span, plain: string, at: number, end: number): Reading['numbers'][number] {
  return { text: group.text.slice(at, end), value: Number(plain.slice(at, end)), start: group.start + at, end: group.start + end, line: group.line };
}

/** For each start in `s`, the ends at which a number may stop. */
function validCuts(s: string, decimals: boolean): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < s.length; a++) out.push(endsFrom(s, a, decimals));
  return out;
}

/** The ends at which a number starting at `a` may stop: digits (one decimal point in money), no leading 0 but in 0 itself. */
function endsFrom(s: string, a: number, decimals: boolean): number[] {
  const ends: number[] = [];
  let dot = false;
  for (let e = a + 1; e <= s.length; e++) {
    const ch = s[e - 1];
    if (ch === '.') {
      if (!decimals || dot || e - 1 === a) break;
      dot = true;
      continue;
    }
    if (s[a] === '0' && e - a > 1 && s[a + 1] !== '.') break;
    // A cut never leaves a point to start the next number.
    if (e < s.length && s[e] === '.' && !decimals) continue;
    ends.push(e);
  }
  return ends;
}

const holdsRow = (r: Reading, row: FlatRowSpec) =>
  row.rowSums.every((s) => Math.abs(r.numbers[s.total].value - s.parts.reduce((a, p) => a + r.numbers[p].value, 0)) < 1e-9);

interface Found {
  row: FlatRowSpec;
  label?: Span;
  groups: Span[];
  all: Reading[] | 'too-many';
  left: Reading[];
}

/**
 * The table rows of a flattened stretch. Rows read for certain become GridRows
 * `[label, n1 … nN]` with each number's exact range; the others are reported in
 * `problems` and become rows `[label, digits]` (which the table readers do not
 * use in any sum).
 */
export function cutFlatRows(grid: GridRow[], spec: FlatSpec, problems: ShapeProblem[]): GridRow[] {
  const ps = grid.map(toPiece);
  const found: Found[] = [];
  for (const p of ps) {
    if (!p.label || !p.groups.length) continue;
    const hit = rowFor(p.label, spec);
    if (!hit || found.some((f) => f.row.key === hit.row.key)) continue;
    // A figure in a sentence (`予以公开1件`) has far fewer digits than the row has columns.
    if (digitCount(p.groups) < hit.row.want) continue;
    found.push(candidates(hit.row, hit.label, p.groups));
  }
  const rows: GridRow[] = [];
  // A row printed with no figures at all (`四、结转下年度继续办理` and nothing): its cells are blank.
  for (const p of ps) {
    if (!p.label || p.groups.length || p.label.text.length > MAX_LABEL) continue;
    const row = spec.rowOf(p.label.text);
    if (!row || found.some((f) => f.row.key === row.key) || rows.some((r) => r.cells[0].text === p.label!.text)) continue;
    const at: Range = range(p.label.line, p.label.end, p.label.line, p.label.end);
    rows.push({ cells: [{ text: p.label.text, range: spanRange(p.label) }, ...Array.from({ length: row.want }, () => ({ text: '', range: at }))], range: spanRange(p.label) });
  }
  if (spec.unlabelled && !found.length) {
    const run = unlabelledRun(ps);
    if (run) {
      found.push(candidates(spec.unlabelled, undefined, run.groups));
      // The header words, so the table is known to be there even when its row cannot be read.
      if (run.header) rows.push({ cells: [{ text: run.header.text, range: lineRange(run.header.line, run.header.start, run.header.end) }], range: spanRange(run.header) });
    }
  }
  narrowByColumns(found, spec);
  for (const f of found) {
    const rowRange = spanRange(f.label ?? f.groups[0], f.groups[f.groups.length - 1]);
    const labelCell: GridCell[] = f.label ? [{ text: f.label.text, range: lineRange(f.label.line, f.label.start, f.label.end) }] : [];
    const at = f.label ?? f.groups[0];
    if (f.left.length === 1) {
      const cells = f.left[0].numbers.map((n) => ({ text: n.text, range: lineRange(n.line, n.start, n.end) }));
      rows.push({ cells: [...labelCell, ...cells], range: rowRange });
      continue;
    }
    const digits = f.groups.map((g) => g.text).join(' ');
    const name = f.label?.text ?? '数据行';
    const where = lineRange(at.line, at.start, at.end);
    const show = (rs: Reading[]) => rs.slice(0, 6).map((r) => r.numbers.map((n) => n.text).join(',')).join('；') + (rs.length > 6 ? ` 等 ${rs.length} 种` : '');
    const showEn = (rs: Reading[]) => rs.slice(0, 6).map((r) => `(${r.numbers.map((n) => n.text).join(', ')})`).join('; ') + (rs.length > 6 ? ` and ${rs.length - 6} more` : '');
    // Several readings, or too many to list, say that the crawl lost the cell
    // borders, not that the report is wrong: a warning. No reading that holds
    // the row's own sum is the report's error.
    if (f.all === 'too-many') {
      problems.push({ range: where, severity: 'warning', zh: `无法确定“${name}”一行的数字如何分隔（${digits}）：可能的读法过多`, en: `Cannot read the row "${name}" for certain (${digits}): too many possible readings` });
    } else if (f.all.length === 0) {
      problems.push({ range: where, severity: 'error', zh: `“${name}”一行的数字（${digits}）无法分成 ${f.row.want} 个数`, en: `The digits of the row "${name}" (${digits}) cannot be split into ${f.row.want} numbers` });
    } else if (f.left.length === 0) {
      problems.push({
        range: where,
        severity: 'error',
        kind: 'broken-row-sum',
        zh: `“${name}”一行：无论数字如何分隔（${digits}），总计都不等于各项之和；可能的读法：${show(f.all)}`,
        en: `The row "${name}": however its digits (${digits}) are split, the total is not the sum of its parts; candidates: ${showEn(f.all)}`,
      });
    } else {
      problems.push({
        range: where,
        severity: 'warning',
        zh: `无法确定“${name}”一行的数字如何分隔（${digits}），可能的读法：${show(f.left)}`,
        en: `Cannot read the row "${name}" for certain (${digits}); candidates: ${showEn(f.left)}`,
      });
    }
    const g0 = f.groups[0];
    const gN = f.groups[f.groups.length - 1];
    const raw: GridCell = { text: f.groups.map((g) => g.text).join(' '), range: spanRange(g0, gN) };
    rows.push({ cells: [...labelCell, raw], range: rowRange });
  }
  return rows;
}

function candidates(row: FlatRowSpec, label: Span | undefined, groups: Span[]): Found {
  const all = readings(groups, row.want, !!row.decimals);
  const left = all === 'too-many' ? [] : all.length === 1 ? all : all.filter((r) => holdsRow(r, row));
  return { row, label, groups, all, left };
}

/** Table 三: rows still ambiguous, when every other row of a column sum or the balance is known, keep only readings that satisfy it. */
function narrowByColumns(found: Found[], spec: FlatSpec): void {
  const checks: { rows: string[]; test: (v: Map<string, number[]>) => boolean }[] = [];
  for (const s of spec.columnSums ?? []) {
    checks.push({
      rows: [s.total, ...s.parts],
      test: (v) => v.get(s.total)!.every((t, c) => Math.abs(t - s.parts.reduce((a, p) => a + v.get(p)![c], 0)) < 1e-9),
    });
  }
  if (spec.balance) {
    const b = spec.balance;
    checks.push({
      rows: [...b.in, ...b.out],
      test: (v) => v.get(b.in[0])!.every((_, c) => Math.abs(b.in.reduce((a, p) => a + v.get(p)![c], 0) - b.out.reduce((a, p) => a + v.get(p)![c], 0)) < 1e-9),
    });
  }
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const check of checks) {
      const members = check.rows.map((k) => found.find((f) => f.row.key === k));
      if (members.some((m) => !m || m.left.length === 0)) continue;
      const open = members.filter((m) => m!.left.length > 1) as Found[];
      if (!open.length || open.reduce((n, m) => n * m.left.length, 1) > MAX_COMBINATIONS) continue;
      // Every combination of the open rows' readings: a reading stays when some combination with it holds.
      const kept = open.map(() => new Set<Reading>());
      const pick: Reading[] = [];
      const go = (k: number) => {
        if (k === open.length) {
          const v = new Map<string, number[]>();
          for (const m of members) v.set(m!.row.key, (open.includes(m!) ? pick[open.indexOf(m!)] : m!.left[0]).numbers.map((n) => n.value));
          if (check.test(v)) pick.forEach((r, i) => kept[i].add(r));
          return;
        }
        for (const r of open[k].left) {
          pick[k] = r;
          go(k + 1);
        }
      };
      go(0);
      open.forEach((m, i) => {
        if (kept[i].size && kept[i].size < m.left.length) {
          m.left = m.left.filter((r) => kept[i].has(r));
          changed = true;
        }
      });
    }
    if (!changed) break;
  }
}

/** Table 四: the digits after the header words (…结果维持…总计), when they stand alone. */
function unlabelledRun(ps: Piece[]): { groups: Span[]; header?: Span } | undefined {
  let header: Span | undefined;
  for (const p of ps) {
    if (p.label && /行政复议|结果维持|尚未审结|总计/.test(p.label.text)) header = p.label;
    if (!header || !p.groups.length) continue;
    if (p.label && !/(?:总计|审结|尚未|结)$/.test(labelKey(p.label.text))) continue;
    if (digitCount(p.groups) >= 15) return { groups: p.groups, header };
  }
  return undefined;
}

function spanRange(a: Span, b: Span = a): Range {
  return range(a.line, a.start, b.line, b.end);
}
