// text → Report: the title, the six sections and the three tables, with exact
// ranges. Pure: no editor, no file system.
import { readGrid, tabShape, type GridShape } from './grid';
import { readMarkdownTables } from './grid/markdown';
import type { GridRow } from './grid/types';
import { findHeadings, type HeadingMatch } from './sections';
import { matchRow, readGridTable } from './tables/grid-table';
import { readProactiveTable } from './tables/proactive-table';
import { readReviewTable } from './tables/review-table';
import { matcher, proactiveRows, profileForYear, templates, type Template } from './template';
import { docEnd, labelKey, splitLines, type Lines } from './text';
import { findPeriodYear, findTitle } from './title';
import type { LintOptions, ProfileId, Range, Report, Section, Shape, ShapeProblem, Table } from './types';

export function parseReport(text: string, options: LintOptions = {}): Report {
  const l = splitLines(text);
  const markdown = /^\s*\|/m.test(text) ? readMarkdownTables(text, l) : [];
  const tableLines = new Set<number>();
  for (const t of markdown) for (const r of t) tableLines.add(r.range.start.line);
  const headings = findHeadings(l, templates['2021'], (i) => tableLines.has(i));
  const { sections, duplicateSections } = toSections(l, headings);
  const title = findTitle(l, headings.length ? headings[0].line : l.lines.length);
  const year = title?.year ?? findPeriodYear(text);

  const read = (t: Template) => readTables(l, t, sections, markdown);
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
  const { shape } = byTemplate[profile];
  let tables = byTemplate[profile].tables;
  // Table 三 laid out in the other template (a 2021 report keeping the 2019
  // row （六）其他处理): read it in its own layout, so that rows the other
  // template has are not reported missing; template-version says the rest.
  if (layout && layout.profile !== profile && byTemplate[layout.profile].tables.requests) {
    tables = { ...tables, requests: byTemplate[layout.profile].tables.requests };
  }
  return {
    text,
    lines: l.lines,
    eol: l.eol,
    shape: shape ?? (markdown.length || /^#{1,6} /m.test(text) ? 'markdown' : tabShape(l, 0, l.lines.length) ?? 'word'),
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

function toSections(l: Lines, headings: HeadingMatch[]): { sections: Section[]; duplicateSections: Section[] } {
  const sections: Section[] = [];
  const duplicateSections: Section[] = [];
  headings.forEach((h, i) => {
    const next = headings[i + 1];
    const end = next ? { line: next.line, character: 0 } : docEnd(l);
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
  gridShape?: GridShape;
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

function readTables(l: Lines, t: Template, sections: Section[], markdown: GridRow[][]): ReadTables {
  const tables: Record<string, Table> = {};
  let shape: Shape | undefined;
  let gridShape: GridShape | undefined;
  for (const spec of t.sections) {
    if (!spec.table) continue;
    const section = sections.find((s) => s.key === spec.key);
    const from = section ? section.headingRange.end.line + 1 : 0;
    const to = section ? (section.bodyRange.end.character === 0 ? section.bodyRange.end.line : section.bodyRange.end.line + 1) : l.lines.length;
    const problems: ShapeProblem[] = [];
    const layoutOptions =
      spec.table === 'requests'
        ? { labelOk: labelTest(t, spec.table), rowOf: (s: string) => matchRow(t.tables.requests.rows, s)?.key, rows: t.tables.requests.rows, problems }
        : { labelOk: labelTest(t, spec.table), problems };
    const grid = readGrid(l, from, to, markdown, layoutOptions);
    if (!grid) continue;
    const table =
      spec.table === 'proactive'
        ? readProactiveTable(t, grid.rows)
        : spec.table === 'review'
          ? readReviewTable('review', t.tables.review, grid.rows)
          : readGridTable('requests', t.tables.requests, grid.rows);
    if (!table) continue;
    table.problems.unshift(...problems);
    tables[spec.table] = table;
    if (spec.table === 'requests' || !shape) {
      gridShape = grid.shape;
      shape = grid.shape === 'layout' ? 'word' : grid.shape;
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
