// Writes headings and the standard tables in a document's own shape: for the
// fixes that insert a missing part, and for rendering a report in another shape.
import type { ColumnSpec, SectionSpec, Template } from './template';
import type { Report, Shape } from './types';

export interface HeadingStyle {
  markdown: string;
  numbering: 'dun' | 'paren' | 'none';
}

export type CellText = (table: string, row: string, column: string) => string;

interface OutRow {
  cells: string[];
  /** Header rows lose their empty (merged) cells in Word text; data rows keep every cell. */
  header: boolean;
}

const blank: CellText = () => '';

export function renderHeading(spec: SectionSpec, style: HeadingStyle, shape: Shape = 'word'): string {
  const number = style.numbering === 'paren' ? `（${spec.number}）` : `${spec.number}、`;
  if (shape === 'html') return `<p>${number}${spec.heading}</p>`;
  return `${style.markdown ? style.markdown + ' ' : ''}${number}${spec.heading}`;
}

/** Whether headings and tables can be written into the report: not into PDF text or a flattened page, which have no table syntax. */
export function canInsert(report: Report): boolean {
  return report.reader !== 'layout' && report.reader !== 'flat';
}

/**
 * The header rows over the columns, from each column's path (the table's
 * column group, the column's groups, its label): a group written once, over
 * the first column it covers, a label in the row under its last group.
 */
function headerRows(columns: ColumnSpec[], top?: string): string[][] {
  const paths = columns.map((c) => [...(top ? [top] : []), ...(c.group ? c.group.split(' ') : []), c.label]);
  const depth = Math.max(...paths.map((p) => p.length));
  const prefix = (p: string[], level: number) => p.slice(0, level + 1).join('\u0000');
  return Array.from({ length: depth }, (_, level) =>
    paths.map((p, i) => {
      if (level >= p.length) return '';
      if (level === p.length - 1) return p[level];
      return i > 0 && paths[i - 1].length - 1 > level && prefix(paths[i - 1], level) === prefix(p, level) ? '' : p[level];
    }),
  );
}

function requestsRows(template: Template, value: CellText): OutRow[] {
  const spec = template.tables.requests;
  const cols = spec.columns;
  const out: OutRow[] = headerRows(cols, spec.columnGroup).map((cells, i) => ({ header: true, cells: [i === 0 ? spec.corner ?? '' : '', '', '', ...cells] }));
  let top = '';
  for (const row of spec.rows) {
    const labels = ['', '', ''];
    if (row.group) labels[level(row.group)] = row.group;
    labels[level(row.label)] = row.label;
    if (labels[0] === top) labels[0] = '';
    else if (labels[0]) top = labels[0];
    out.push({ header: false, cells: [...labels, ...cols.map((c) => value('requests', row.key, c.key))] });
  }
  return out;
}

function reviewRows(template: Template, value: CellText): OutRow[] {
  const cols = template.tables.review.columns;
  return [
    ...headerRows(cols).map((cells) => ({ header: true, cells })),
    { header: false, cells: cols.map((c) => value('review', template.tables.review.rows[0].key, c.key)) },
  ];
}

function proactiveRows(template: Template, value: CellText): OutRow[] {
  const out: OutRow[] = [];
  for (const block of template.tables.proactive.blocks) {
    out.push({ header: true, cells: [block.label] });
    out.push({ header: true, cells: [template.tables.proactive.labelColumn, ...block.columns.map((c) => c.label)] });
    for (const row of block.rows) out.push({ header: false, cells: [row.label, ...block.columns.map((c) => value('proactive', row.key, c.key))] });
  }
  return out;
}

function level(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 0;
  if (/^[（(]/.test(label)) return 1;
  return 2;
}

/** A table in the given shape, lines joined with `eol`, without a trailing line break. */
export function renderTable(template: Template, key: string, shape: Shape, eol: string, value: CellText = blank): string {
  const rows = key === 'requests' ? requestsRows(template, value) : key === 'review' ? reviewRows(template, value) : proactiveRows(template, value);
  if (shape === 'word') {
    // A TAB-led line per cell, a blank line between rows. A data row keeps its
    // empty cells, but not the empty label cells after its label.
    return rows
      .map((r) => {
        let cells = r.cells;
        if (r.header) {
          cells = cells.filter((c, i) => c !== '' || i === 0);
        } else if (key === 'requests') {
          const labels = cells.slice(0, 3);
          let last = 2;
          while (last > 0 && labels[last] === '') last--;
          cells = [...labels.slice(0, last + 1), ...cells.slice(3)];
        }
        return cells.map((c) => `\t${c}`).join(eol);
      })
      .join(eol + eol);
  }
  const width = Math.max(...rows.map((r) => r.cells.length));
  const padded = rows.map((r) => [...r.cells, ...Array(width - r.cells.length).fill('')]);
  if (shape === 'html') {
    const escape = (c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return ['<table border="1">', ...padded.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`), '</table>'].join(eol);
  }
  if (shape === 'tsv') return padded.map((r) => r.join('\t')).join(eol);
  const line = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(padded[0]), `|${padded[0].map(() => ' --- ').join('|')}|`, ...padded.slice(1).map(line)].join(eol);
}
