// Renders a report (a seed, as Word-exported text) in the other shapes the
// checker reads: TAB-separated rows, and Markdown with GFM pipe tables under
// `##` headings or under plain `一、` headings. The prose and every table value
// are kept; the tables are rewritten in the standard layout by core/render.ts.
import { parseReport } from '../../server/src/core/parse';
import { renderTable } from '../../server/src/core/render';
import { builtInTemplates } from '../../server/src/core/templates';
import type { Cell, Diagnostic, Range, Report, Section, Table } from '../../server/src/core/types';

export type Rendering = 'tsv' | 'markdown' | 'markdown-plain';
export const RENDERINGS: Rendering[] = ['tsv', 'markdown', 'markdown-plain'];

/** The cell of `report` at (table, row, column), if the report has it. */
export function cellAt(report: Report, table: string, row: string, column: string): Cell | undefined {
  return report.tables[table]?.rows.find((r) => r.key === row)?.cells[column];
}

const within = (line: number, r: Range) => line >= r.start.line && line <= r.end.line;

/**
 * `text` rendered as `shape`. Built from the parsed report: the lines before
 * the first heading (title and preamble), then for each section its heading,
 * its prose lines (the body lines outside its table, blank lines and stray
 * TAB lines left out) and its table re-rendered with the values read.
 */
export function renderSeed(text: string, shape: Rendering): string {
  const report = parseReport(text);
  const template = builtInTemplates.get(report.profile);
  const md = shape !== 'tsv';
  const blocks: string[] = [];
  const headings: Section[] = [...report.sections, ...report.duplicateSections].sort(
    (a, b) => a.headingRange.start.line - b.headingRange.start.line,
  );
  const first = headings.length ? headings[0].headingRange.start.line : report.lines.length;
  const title = report.title;
  for (let i = 0; i < first; i++) {
    const line = report.lines[i];
    if (line.trim() === '' || line.includes('\t')) continue;
    if (title && within(i, title.range)) {
      if (i === title.range.start.line) blocks.push(shape === 'markdown' ? `# ${title.text}` : title.text);
      continue;
    }
    blocks.push(line.trim());
  }
  const tables = Object.values(report.tables);
  for (const s of headings) {
    const prefix = shape === 'markdown' ? '## ' : '';
    blocks.push(prefix + s.headingText);
    const { start, end } = s.bodyRange;
    const tableHere = tables.filter((t) => t.range.start.line >= start.line && t.range.start.line <= end.line);
    const emitted = new Set<Table>();
    for (let i = start.line; i <= end.line && i < report.lines.length; i++) {
      let line = report.lines[i];
      if (i === end.line) line = line.slice(0, end.character);
      if (i === start.line) line = line.slice(start.character);
      const table = tableHere.find((t) => within(i, t.range));
      if (table) {
        if (!emitted.has(table)) {
          emitted.add(table);
          blocks.push(
            renderTable(template, table.key, md ? 'markdown' : 'tsv', '\n', (tk, row, col) => cellAt(report, tk, row, col)?.text ?? ''),
          );
        }
        continue;
      }
      if (line.trim() === '' || line.includes('\t')) continue;
      // In TAB-row text a line in the table's section that is only a wrapped label
      // fragment would be harmless, but in Markdown it could join a table: keep
      // each prose line a paragraph of its own.
      blocks.push(line.trim());
    }
  }
  return blocks.join(md ? '\n\n' : '\n') + '\n';
}

/**
 * What a diagnostic is about, independent of the shape: the rule and the table
 * cell (`requests/carriedOut/person`), the section (`section:other`), the title,
 * or else the trimmed text of its line.
 */
export function meaningOf(report: Report, d: Pick<Diagnostic, 'rule' | 'range'>): string {
  return `${d.rule} @ ${placeOf(report, d.range)}`;
}

export function placeOf(report: Report, r: Range): string {
  const same = (a: Range) =>
    a.start.line === r.start.line && a.start.character === r.start.character && a.end.line === r.end.line && a.end.character === r.end.character;
  for (const t of Object.values(report.tables)) {
    for (const row of t.rows) {
      for (const [col, cell] of Object.entries(row.cells)) if (same(cell.range)) return `${t.key}/${row.key}/${col}`;
      if (same(row.labelRange)) return `${t.key}/${row.key}/label`;
    }
  }
  for (const s of [...report.sections, ...report.duplicateSections]) if (same(s.headingRange)) return `section:${s.key}`;
  if (report.title && same(report.title.range)) return 'title';
  return `line:${(report.lines[r.start.line] ?? '').trim()}`;
}
