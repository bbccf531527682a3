// Fills a Word template's table cells with a report's figures, found by the
// template's own row and column keys: how the tests make "a report typed into
// the official template" without committing a binary file.
import { lint } from '../../server/src/engine/lint';
import type { CellEdit } from '../../server/src/docx/cells';
import { docxToMarkdown } from '../../server/src/docx/convert';
import { writeDocxCells } from '../../server/src/docx/write';

/** `figures[table][row][column]` → text, e.g. figures.requests.received.total = '22'. */
export type Figures = Record<string, Record<string, Record<string, string>>>;

export function figuresOf(text: string): Figures {
  const out: Figures = {};
  for (const [key, table] of Object.entries(lint(text).report.tables)) {
    out[key] = {};
    for (const row of table.rows) if (row.key) out[key][row.key] = Object.fromEntries(Object.entries(row.cells).map(([c, cell]) => [c, cell.text]));
  }
  return out;
}

export async function fillTemplate(template: Buffer, figures: Figures): Promise<Buffer> {
  const { markdown, map } = await docxToMarkdown(template);
  const edits: CellEdit[] = [];
  for (const [key, table] of Object.entries(lint(markdown).report.tables)) {
    for (const row of table.rows) {
      for (const [column, cell] of Object.entries(row.cells)) {
        const text = row.key ? figures[key]?.[row.key]?.[column] : undefined;
        const line = map.lines[cell.range.start.line];
        if (text === undefined || line?.kind !== 'row') continue;
        const at = line.cells.find((c) => cell.range.start.character >= c.start && cell.range.start.character <= c.end)!;
        edits.push({ table: line.table, row: line.row, column: at.column, text, was: at.text });
      }
    }
  }
  return writeDocxCells(template, edits);
}
