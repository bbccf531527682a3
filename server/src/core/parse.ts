// text → Report: the title, the six sections and the three tables, with exact
// ranges. Pure: no editor, no file system.
//
// Shapes (see docs/shapes.md): Word text, TAB rows, Markdown, `pdftotext
// -layout` columns, flattened web text and HTML (a whole page or `<table>`
// fragments). HTML is read on a same-length view of the source with the markup
// blanked, so every range stays a range in the source.
import { readGrid, tabShape, type GridShape } from './grid';
import { readMarkdownTables } from './grid/markdown';
import type { GridRow } from './grid/types';
import { findHeadings, type HeadingMatch } from './sections';
import { isFlat, readFlatGrid, type FlatRowSpec, type FlatSpec } from './shapes/flat';
import { hasHtmlTable, isHtmlPage, readHtml, type HtmlView } from './shapes/html';
import { findReportTitle, titleFromHtmlTitle } from './shapes/title-view';
import { matchRow, readGridTable } from './tables/grid-table';
import { readProactiveTable } from './tables/proactive-table';
import { readReviewTable } from './tables/review-table';
import { matcher, proactiveRows, profileForYear, templates, type Template } from './template';
import { comparePos, docEnd, labelKey, offsetAt, positionAt, splitLines, type Lines } from './text';
import { findPeriodYear } from './title';
import type { LintOptions, Position, ProfileId, Range, Report, Section, Shape, ShapeProblem, Table, Title } from './types';

/** The shape a report was read in, finer than `Report.shape` (which says how to write into it). */
export type ReaderShape = GridShape | 'html' | 'flat';
const readerShapes = new WeakMap<Report, ReaderShape>();

/** How the report's tables were read: `word`, `tsv`, `markdown`, `layout` (pdftotext), `flat`, `html`. */
export function readerShape(report: Report): ReaderShape {
  return readerShapes.get(report) ?? report.shape;
}

type GridReader = (t: Template, table: string, section: Section | undefined, options: ReadOptions) => { shape: ReaderShape; rows: GridRow[] } | undefined;
type ReadOptions = NonNullable<Parameters<typeof readGrid>[4]>;

export function parseReport(text: string, options: LintOptions = {}): Report {
  if (isHtmlPage(text)) return parseHtmlPage(text, options);
  const body = text;
  const view = hasHtmlTable(text) ? undefined : runInView(body);
  if (view) {
    // Read on the view (same characters, some spaces turned into line breaks), then put every range back on the text's lines.
    const l = splitLines(body);
    const v = splitLines(view);
    const report = parseText(view, options);
    const mapped = mapRanges(report, (p) => positionAt(l, offsetAt(v, p)));
    const out: Report = { ...mapped, text: body, lines: l.lines, eol: l.eol };
    readerShapes.set(out, readerShape(report));
    return out;
  }
  return parseText(body, options);
}

/**
 * Crawled pages often come as one line per page (`一、总体情况 …… 二、主动公开…`).
 * The view breaks such long lines before each numbering (`二、`, `（三）`) and after
 * a short heading, by turning the space there into a line break: same length,
 * same offsets. Undefined when no line is long enough to need it.
 */
function runInView(text: string): string | undefined {
  const long = longLines(text, LONG_LINE);
  if (!long.length) return undefined;
  const chars = text.split('');
  let changed = false;
  for (const [base, end] of long) {
    const line = text.slice(base, end);
    const before = /[ \t\u3000\u00a0](?=(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）]))/g;
    for (let b = before.exec(line); b; b = before.exec(line)) {
      chars[base + b.index] = '\n';
      changed = true;
    }
    const after = /(?:^|[ \t\u3000\u00a0])(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十][)）])[^\s。；，]{2,38}?(?:情况|事项)([ \t\u3000\u00a0])/g;
    for (let a = after.exec(line); a; a = after.exec(line)) {
      chars[base + a.index + a[0].length - 1] = '\n';
      changed = true;
      after.lastIndex = a.index + a[0].length - 1;
    }
  }
  return changed ? chars.join('') : undefined;
}

const LONG_LINE = 300;

/** [start, end) of every line at least `min` characters long, in one pass (no regex rescans). */
function longLines(text: string, min: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start >= min) out.push([start, end]);
    if (nl < 0) return out;
    start = nl + 1;
  }
}

/** A copy of `x` with every position in it mapped by `f`. */
function mapRanges<T>(x: T, f: (p: Position) => Position): T {
  const isPos = (o: unknown): o is Position =>
    !!o && typeof o === 'object' && typeof (o as Position).line === 'number' && typeof (o as Position).character === 'number' && Object.keys(o as object).length === 2;
  const go = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(go);
    if (isPos(o)) return f(o);
    if (o && typeof o === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) out[k] = k === 'text' || k === 'lines' ? v : go(v);
      return out;
    }
    return o;
  };
  return go(x) as T;
}

function parseText(text: string, options: LintOptions): Report {
  const fragments: HtmlView | undefined = hasHtmlTable(text) ? readHtml(text, false) : undefined;
  const body = fragments ? fragments.masked : text;
  const l = splitLines(body);
  const markdown = /^\s*\|/m.test(body) ? readMarkdownTables(body, l) : [];
  const htmlTables = fragments ? fragments.tables.map((t) => t.rows) : [];
  const tableLines = new Set<number>();
  for (const t of markdown) for (const r of t) tableLines.add(r.range.start.line);
  for (const t of fragments?.tables ?? []) {
    const a = positionAt(l, t.start).line;
    const b = positionAt(l, t.end).line;
    for (let i = a; i <= b; i++) tableLines.add(i);
  }
  const headings = findHeadings(l, templates['2021'], (i) => tableLines.has(i));
  const { sections, duplicateSections } = toSections(l, headings, (h) => ({ line: h.line, character: 0 }));
  const title = findReportTitle(l, headings.length ? headings[0].line : l.lines.length);
  const grids = [...markdown, ...htmlTables].sort((a, b) => comparePos(a[0].range.start, b[0].range.start));
  const gridAt: GridReader = (t, table, section, opts) => {
    const from = section ? section.headingRange.end.line + 1 : 0;
    const to = section ? (section.bodyRange.end.character === 0 ? section.bodyRange.end.line : section.bodyRange.end.line + 1) : l.lines.length;
    const g = readGrid(l, from, to, grids, opts);
    if (g && g.shape === 'markdown' && htmlTables.some((x) => g.rows.includes(x[0]))) return { shape: 'html', rows: g.rows };
    if (g) return g;
    const flat = flatSpec(t, table);
    if (!isFlat(l, from, to, flat)) return undefined;
    return { shape: 'flat', rows: readFlatGrid(l, from, to, flat, opts.problems ?? []) };
  };
  const fallback: Shape = markdown.length || /^#{1,6} /m.test(body) ? 'markdown' : tabShape(l, 0, l.lines.length) ?? 'word';
  return build(body, l, sections, duplicateSections, title, gridAt, fallback, options);
}

/** A whole web page: headings and the title from the block view, tables from the hast. */
function parseHtmlPage(text: string, options: LintOptions): Report {
  const v = readHtml(text, true);
  const l = splitLines(v.masked);
  const b = splitLines(v.blocks!);
  const toSrc = (p: Position): Position => positionAt(l, offsetAt(b, p));
  const mapRange = (r: Range): Range => ({ start: toSrc(r.start), end: toSrc(r.end) });
  const found = findHeadings(b, templates['2021'], () => false);
  const headings = found.map((h) => ({ ...h, range: mapRange(h.range), line: toSrc(h.range.start).line, blockLine: h.line }));
  const { sections, duplicateSections } = toSections(l, headings, (h) => toSrc({ line: (h as (typeof headings)[number]).blockLine, character: 0 }));
  let title: Title | undefined = findReportTitle(b, found.length ? found[0].line : b.lines.length);
  if (title) title = { ...title, range: mapRange(title.range) };
  else if (v.title) title = titleFromHtmlTitle(v.title.text, v.title.start, l);
  const gridAt: GridReader = (_t, _table, section) => {
    const from = section ? offsetAt(l, section.headingRange.end) : 0;
    const to = section ? offsetAt(l, section.bodyRange.end) : Infinity;
    const picked = v.tables.filter((t) => t.start >= from && t.start < to);
    if (!picked.length) return undefined;
    return { shape: 'html', rows: picked.flatMap((t) => t.rows) };
  };
  return build(v.masked, l, sections, duplicateSections, title, gridAt, 'markdown', options);
}

function build(
  text: string,
  l: Lines,
  sections: Section[],
  duplicateSections: Section[],
  title: Title | undefined,
  gridAt: GridReader,
  fallback: Shape,
  options: LintOptions,
): Report {
  const year = title?.year ?? findPeriodYear(text);
  const read = (t: Template) => readTables(t, sections, gridAt);
  const byTemplate = { '2019': read(templates['2019']), '2021': read(templates['2021']) };
  const layout = findLayout(byTemplate);

  let profile: ProfileId = '2021';
  let profileReason: Report['profileReason'] = 'default';
  if (options.profile && options.profile !== 'auto') {
    profile = options.profile;
    profileReason = 'forced';
  } else if (year !== undefined) {
    profile = profileForYear(year) ?? '2019';
    profileReason = 'year';
  } else if (layout) {
    profile = layout.profile;
    profileReason = 'tables';
  }
  const { shape, gridShape } = byTemplate[profile];
  let tables = byTemplate[profile].tables;
  // Table 三 laid out in the other template (a 2021 report keeping the 2019
  // row （六）其他处理): read it in its own layout, so that rows the other
  // template has are not reported missing; template-version says the rest.
  if (layout && layout.profile !== profile && byTemplate[layout.profile].tables.requests) {
    tables = { ...tables, requests: byTemplate[layout.profile].tables.requests };
  }
  // Table 二 likewise: the reading that fits it better, so that its rows are not
  // each reported as the wrong shape when template-version already says why.
  const otherProactive = byTemplate[profile === '2019' ? '2021' : '2019'].tables.proactive;
  if (otherProactive && (!tables.proactive || otherProactive.problems.length < tables.proactive.problems.length)) {
    tables = { ...tables, proactive: otherProactive };
  }
  const report: Report = {
    text,
    lines: l.lines,
    eol: l.eol,
    shape: shape ?? fallback,
    title,
    year,
    profile,
    profileReason,
    sections,
    duplicateSections,
    tables,
    layout,
  };
  if (gridShape) readerShapes.set(report, gridShape);
  return report;
}

function toSections(l: Lines, headings: HeadingMatch[], lineStart: (h: HeadingMatch) => Position): { sections: Section[]; duplicateSections: Section[] } {
  const sections: Section[] = [];
  const duplicateSections: Section[] = [];
  headings.forEach((h, i) => {
    const next = headings[i + 1];
    const end = next ? lineStart(next) : docEnd(l);
    const section: Section = {
      key: h.key,
      index: h.index,
      headingText: h.text,
      headingRange: h.range,
      bodyRange: { start: h.range.end, end },
      style: h.style,
    };
    (sections.some((s) => s.key === h.key) ? duplicateSections : sections).push(section);
  });
  return { sections, duplicateSections };
}

interface ReadTables {
  tables: Record<string, Table>;
  shape?: Shape;
  gridShape?: ReaderShape;
}

/** What the flattened-text reader needs of a table: its rows, their widths, and the sums that must hold. */
function flatSpec(t: Template, key: string): FlatSpec {
  if (key === 'proactive') {
    const rows = proactiveRows(t);
    return {
      rowOf(label) {
        const k = labelKey(label);
        const f = k ? rows.find((r) => matcher(r.row.match).test(k)) : undefined;
        if (!f) return undefined;
        return { key: f.row.key, label: f.row.label, want: f.block.columns.length, decimals: f.block.columns.some((c) => c.value === 'money'), rowSums: [] };
      },
    };
  }
  const spec = key === 'review' ? t.tables.review : t.tables.requests;
  const at = (k: string) => spec.columns.findIndex((c) => c.key === k);
  const rowSums = (spec.rowSums ?? []).map((s) => ({ total: at(s.total), parts: s.parts.map(at) }));
  const money = spec.columns.some((c) => c.value === 'money');
  if (key === 'review') {
    return { rowOf: () => undefined, unlabelled: { key: spec.rows[0].key, label: '', want: spec.columns.length, rowSums, decimals: money } };
  }
  return {
    rowOf(label): FlatRowSpec | undefined {
      const r = matchRow(spec.rows, label);
      return r ? { key: r.key, label: r.label, want: spec.columns.length, rowSums, decimals: money } : undefined;
    },
    columnSums: spec.columnSums,
    balance: spec.balance,
  };
}

/** Whether a label names a row of the table `key` (used to join labels wrapped over lines). */
function labelTest(t: Template, key: string): ((label: string) => boolean) | undefined {
  if (key === 'requests') return (s) => !!matchRow(t.tables.requests.rows, s);
  if (key === 'proactive') {
    const rows = proactiveRows(t);
    return (s) => {
      const k = labelKey(s);
      return !!k && rows.some((r) => matcher(r.row.match).test(k));
    };
  }
  return undefined;
}

function readTables(t: Template, sections: Section[], gridAt: GridReader): ReadTables {
  const tables: Record<string, Table> = {};
  let shape: Shape | undefined;
  let gridShape: ReaderShape | undefined;
  for (const spec of t.sections) {
    if (!spec.table) continue;
    const section = sections.find((s) => s.key === spec.key);
    const problems: ShapeProblem[] = [];
    const opts: ReadOptions =
      spec.table === 'requests'
        ? { labelOk: labelTest(t, spec.table), rowOf: (s: string) => matchRow(t.tables.requests.rows, s)?.key, rows: t.tables.requests.rows, problems }
        : { labelOk: labelTest(t, spec.table), problems };
    const grid = gridAt(t, spec.table, section, opts);
    if (!grid) continue;
    const table =
      spec.table === 'proactive'
        ? readProactiveTable(t, grid.rows)
        : spec.table === 'review'
          ? readReviewTable('review', t.tables.review, grid.rows)
          : readGridTable('requests', t.tables.requests, grid.rows);
    if (!table) continue;
    if (problems.length) {
      // A row this reader could not read for certain is reported once, by the reader.
      const same = (a: Range, b: Range) => comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0;
      table.problems = table.problems.filter((p) => !(spec.table === 'review' && grid.shape === 'flat') && !problems.some((q) => same(q.range, p.range)));
      table.problems.unshift(...problems);
    }
    tables[spec.table] = table;
    if (spec.table === 'requests' || !shape) {
      gridShape = grid.shape;
      shape = grid.shape === 'markdown' || grid.shape === 'word' || grid.shape === 'tsv' ? grid.shape : grid.shape === 'html' ? 'markdown' : 'word';
    }
  }
  return { tables, shape, gridShape };
}

/** Which template the tables follow, from a row or header only one of them has. */
function findLayout(byTemplate: Record<ProfileId, ReadTables>): { profile: ProfileId; range: Range } | undefined {
  const other2019 = byTemplate['2019'].tables.requests?.rows.find((r) => r.key === 'other');
  if (other2019) return { profile: '2019', range: other2019.labelRange };
  const other2021 = byTemplate['2021'].tables.requests?.rows.find((r) => r.key?.startsWith('other.'));
  if (other2021) return { profile: '2021', range: other2021.labelRange };
  return undefined;
}
