// text → Report: read (core/read: every shape into rows of cells, once), then
// match (headings, the title, and the tables of each template). Pure: no
// editor, no file system. See docs/architecture.md.
import { readDocument, shapeOrder, type GridRow, type Reading, type ReaderShape } from './read';
import { toSourcePosition, toSourceRange } from './read/source-view';
import { findHeadings, type HeadingMatch } from './sections';
import { matchTables, type MatchedTables, type RowsOf } from './tables';
import type { TemplateSet } from './template';
import { builtInTemplates } from './templates';
import { comparePos, docEnd, type Lines } from './text';
import { findPeriodYear } from './title';
import { findReportTitle, titleFromHtmlTitle } from './title-view';
import type { LintOptions, Position, ProfileId, Range, Report, Section, Shape, Title } from './types';

export function parseReport(text: string, options: LintOptions = {}): Report {
  const set = options.templates ?? builtInTemplates;
  const reading = readDocument(text);
  const l = reading.view.lines;
  const headings = findSectionHeadings(reading, set);
  const { sections, duplicateSections } = toSections(l, headings);
  const title = findTitleIn(reading, headings);
  const year = title?.year ?? findPeriodYear(reading.view.text);
  const rowsOf = rowsBySection(reading);
  const forced = options.profile && options.profile !== 'auto' ? options.profile : undefined;
  // A report before the first template is read as the first (template-version says it is not checked).
  const expected = forced ?? (year !== undefined ? (set.forYear(year) ?? set.list[0]).version : undefined);
  // Tables are matched to the other templates only when they may follow one:
  // no year to go by, or a table of the expected one read with problems.
  const byTemplate: Partial<Record<ProfileId, MatchedTables>> = {};
  const matched = (p: ProfileId) => (byTemplate[p] ??= matchTables(set.get(p), sections, rowsOf));
  if (!expected || hasProblems(matched(expected))) for (const v of set.versions) matched(v);
  const layout = findLayout(set, byTemplate);

  let profile: ProfileId = set.newest.version;
  let profileReason: Report['profileReason'] = 'default';
  if (forced) {
    profile = forced;
    profileReason = 'forced';
  } else if (year !== undefined) {
    profile = expected!;
    profileReason = 'year';
  } else if (layout) {
    profile = layout.profile;
    profileReason = 'tables';
  }
  let tables = matched(profile).tables;
  // Table 三 laid out in another template (a report keeping the trial
  // format's row （六）其他处理 after its years): read it in its own layout,
  // so that rows the other template has are not reported missing;
  // template-version says the rest.
  if (layout && layout.profile !== profile && matched(layout.profile).tables.requests) {
    tables = { ...tables, requests: matched(layout.profile).tables.requests! };
  }
  // Table 二 likewise: the reading that fits it better, so that its rows are not
  // each reported as the wrong shape when template-version already says why.
  for (const v of set.versions) {
    const otherProactive = v === profile ? undefined : byTemplate[v]?.tables.proactive;
    if (otherProactive && (!tables.proactive || otherProactive.problems.length < tables.proactive.problems.length)) {
      tables = { ...tables, proactive: otherProactive };
    }
  }
  const reader = matched(profile).reader ?? documentShape(reading);
  return {
    text: reading.view.text,
    lines: l.lines,
    eol: l.eol,
    shape: writingShape(reader, reading),
    reader,
    title,
    year,
    profile,
    profileReason,
    sections,
    duplicateSections,
    tables,
    layout,
  };
}

/** The section headings, found in the heading view and put back on the report's lines. */
function findSectionHeadings(reading: Reading, set: TemplateSet): HeadingMatch[] {
  const { view, headingView } = reading;
  const skip = headingView === view ? (i: number) => reading.tableLines.has(i) : () => false;
  const found = findHeadings(headingView.lines, set.newest, skip);
  if (headingView === view) return found;
  const at = (p: Position) => toSourcePosition(headingView, view.lines, p);
  return found.map((h) => ({ ...h, range: toSourceRange(headingView, view.lines, h.range), line: at(h.range.start).line, bodyStart: at(h.bodyStart) }));
}

function findTitleIn(reading: Reading, headings: HeadingMatch[]): Title | undefined {
  const { view, headingView } = reading;
  const before = headings.length ? (headingView === view ? headings[0].line : firstLineIn(headingView.lines, headings[0], reading)) : headingView.lines.lines.length;
  const t = findReportTitle(headingView.lines, before);
  if (t) return headingView === view ? t : { ...t, range: toSourceRange(headingView, view.lines, t.range) };
  return reading.pageTitle ? titleFromHtmlTitle(reading.pageTitle.text, reading.pageTitle.start, view.lines) : undefined;
}

/** The line of the heading view where the first heading stands. */
function firstLineIn(hv: Lines, h: HeadingMatch, reading: Reading): number {
  for (let i = 0; i < hv.lines.length; i++) {
    if (comparePos(toSourcePosition(reading.headingView, reading.view.lines, { line: i, character: hv.lines[i].length }), h.range.start) >= 0) return i;
  }
  return hv.lines.length;
}

function toSections(l: Lines, headings: HeadingMatch[]): { sections: Section[]; duplicateSections: Section[] } {
  const sections: Section[] = [];
  const duplicateSections: Section[] = [];
  headings.forEach((h, i) => {
    const next = headings[i + 1];
    const section: Section = {
      key: h.key,
      index: h.index,
      headingText: h.text,
      headingRange: h.range,
      bodyRange: { start: h.range.end, end: next ? next.bodyStart : docEnd(l) },
      style: h.style,
    };
    (sections.some((s) => s.key === h.key) ? duplicateSections : sections).push(section);
  });
  return { sections, duplicateSections };
}

/** The rows under each section, in the most trusted shape read there; the same for every template. */
function rowsBySection(reading: Reading): RowsOf {
  const cache = new Map<Section | undefined, ReturnType<RowsOf>>();
  return (section) => {
    if (cache.has(section)) return cache.get(section);
    const inside = (r: GridRow) => {
      if (!section) return true;
      // A flattened row's label may run back over the heading: its figures say where it is.
      const at = r.runs ? r.cells[r.cells.length - 1].range.start : r.range.start;
      return comparePos(at, section.bodyRange.start) >= 0 && comparePos(at, section.bodyRange.end) < 0;
    };
    let picked: ReturnType<RowsOf>;
    for (const shape of shapeOrder) {
      const rows = reading.blocks.filter((b) => b.shape === shape).flatMap((b) => b.rows.filter(inside));
      if (rows.some((r) => !r.wordsOnly)) {
        picked = { shape, rows };
        break;
      }
    }
    cache.set(section, picked);
    return picked;
  };
}

/** The shape of a report with no table: from its blocks, its Markdown headings, or Word text. */
function documentShape(reading: Reading): ReaderShape {
  for (const shape of shapeOrder) if (reading.blocks.some((b) => b.shape === shape && b.rows.some((r) => !r.wordsOnly))) return shape;
  if (reading.view !== reading.headingView) return 'html';
  return /^#{1,6} /m.test(reading.view.text) ? 'markdown' : 'word';
}

/** How to write into the report (inserted tables and headings). */
function writingShape(reader: ReaderShape, reading: Reading): Shape {
  if (reader === 'html' && reading.view !== reading.headingView) return 'html';
  if (reader === 'word' || reader === 'tsv' || reader === 'markdown') return reader;
  if (reader === 'html' || /^#{1,6} /m.test(reading.view.text) || reading.blocks.some((b) => b.shape === 'markdown')) return 'markdown';
  return 'word';
}

/** Whether a table was read with a problem (or missing): the other template may fit it better. */
function hasProblems(m: MatchedTables): boolean {
  return !m.tables.requests || !m.tables.proactive || Object.values(m.tables).some((t) => t.problems.length > 0);
}

/** Which template table 三 follows, from a row only that template has (（六）其他处理 as one row, or split in three). */
function findLayout(set: TemplateSet, byTemplate: Partial<Record<ProfileId, MatchedTables>>): { profile: ProfileId; range: Range } | undefined {
  const others = rowsElsewhere(set);
  for (const t of set.list) {
    const elsewhere = others.get(t.version)!;
    const own = byTemplate[t.version]?.tables.requests?.rows.find((r) => r.key !== undefined && !elsewhere.has(r.key));
    if (own) return { profile: t.version, range: own.labelRange };
  }
  return undefined;
}

/** Per template, the rows of table 三 the other templates of the set have; worked out once per set. */
const rowsElsewhereOf = new WeakMap<TemplateSet, Map<ProfileId, Set<string>>>();

function rowsElsewhere(set: TemplateSet): Map<ProfileId, Set<string>> {
  let others = rowsElsewhereOf.get(set);
  if (!others) {
    others = new Map(set.list.map((t) => [t.version, new Set(set.list.filter((o) => o !== t).flatMap((o) => o.tables.requests.rows.map((r) => r.key)))]));
    rowsElsewhereOf.set(set, others);
  }
  return others;
}
