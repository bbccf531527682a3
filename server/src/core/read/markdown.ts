// Markdown with GFM pipe tables, read with micromark and its GFM table
// extension (what remark-gfm uses), straight from micromark's events: no
// syntax tree is built, which costs twice the tokenizing itself. Only the runs
// of lines that can hold a table are tokenized: the prose never needs a
// Markdown parse. The cell ranges are taken from the source line so that they
// cover exactly the cell's content.
import { parse, postprocess, preprocess } from 'micromark';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Token } from 'micromark-util-types';
import { lineRange, range, trimSpan, type Lines } from '../text';
import type { GridBlock, GridRow, ShapeReader } from './types';

export const markdownReader: ShapeReader = {
  shape: 'markdown',
  detect: (text) => /^\s*\|/m.test(text),
  read({ view, claimed }) {
    const blocks: GridBlock[] = [];
    for (const rows of readMarkdownTables(view.lines)) {
      if (!rows.length || claimed.has(rows[0].range.start.line)) continue;
      blocks.push({ shape: 'markdown', rows, from: rows[0].range.start.line, to: rows[rows.length - 1].range.end.line });
    }
    return { blocks };
  },
};

/**
 * GFM tables alone (no autolinks, footnotes, strikethrough or task lists), and
 * no inline constructs: a row's cells are divided at the block level (a pipe
 * inside a code span divides too; `\|` is handled by the table itself), and
 * cell text is taken from the source line, so inline parsing would only cost.
 */
const extensions = [
  gfmTable(),
  { disable: { null: ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd'] } },
];

function tokenize(source: string) {
  return postprocess(parse({ extensions }).document().write(preprocess()(source, undefined, true)));
}

/** `| --- | :-: |`: every cell between the pipes is dashes with optional colons. */
function isDelimiterRow(line: string): boolean {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s !== '' && s.split('|').every((cell) => /^:?-+:?$/.test(cell.trim()));
}

/** Runs of non-blank lines with a pipe that include a delimiter row: where a GFM table can be. */
function tableBlocks(l: Lines): { from: number; to: number }[] {
  const blocks: { from: number; to: number }[] = [];
  let from = -1;
  let delimiter = false;
  for (let i = 0; i <= l.lines.length; i++) {
    const line = i < l.lines.length ? l.lines[i] : '';
    if (line.includes('|') && line.trim() !== '') {
      if (from < 0) from = i;
      if (i > from && isDelimiterRow(line)) delimiter = true;
      continue;
    }
    if (from >= 0 && delimiter) blocks.push({ from, to: i });
    from = -1;
    delimiter = false;
  }
  return blocks;
}

/** Every GFM table of the document as rows of cells (the delimiter row left out). */
export function readMarkdownTables(l: Lines): GridRow[][] {
  const tables: GridRow[][] = [];
  for (const block of tableBlocks(l)) {
    let events: ReturnType<typeof tokenize>;
    try {
      events = tokenize(l.lines.slice(block.from, block.to).join('\n'));
    } catch {
      continue; // micromark gives up on pathological input (stack depth): no table read there.
    }
    let rows: GridRow[] = [];
    let row: GridRow | undefined;
    for (const [kind, token] of events) {
      if (kind === 'exit') {
        if (token.type === 'table') tables.push(rows);
        continue;
      }
      if (token.type === 'table') rows = [];
      else if (token.type === 'tableRow') rows.push((row = emptyRow(l, block.from + token.start.line - 1)));
      else if ((token.type === 'tableHeader' || token.type === 'tableData') && row) addCell(row, token, l, block.from);
    }
  }
  return tables;
}

function emptyRow(l: Lines, line: number): GridRow {
  return { cells: [], range: range(line, 0, line, (l.lines[line] ?? '').length) };
}

function addCell(row: GridRow, cell: Token, l: Lines, firstLine: number): void {
  const line = row.range.start.line;
  if (firstLine + cell.start.line - 1 !== line) return;
  const text = l.lines[line] ?? '';
  let a = cell.start.column - 1;
  let b = Math.min(cell.end.column - 1, text.length);
  if (text[a] === '|') a++;
  if (b > a && text[b - 1] === '|' && text[b - 2] !== '\\') b--;
  const [ca, cb] = trimSpan(text, a, b);
  const empty = ca === cb;
  const at = empty ? Math.min(a + (text[a] === ' ' ? 1 : 0), b) : ca;
  row.cells.push({ text: text.slice(ca, cb), range: empty ? lineRange(line, at, at) : lineRange(line, ca, cb) });
}
