// Markdown with GFM pipe tables. markdown-it finds the tables and their rows
// (its block rules only: no inline parse, nothing rendered). Each row's cells
// are divided on the source line, as markdown-it's cells carry no position
// (and it pads short rows with empty ones): so their ranges cover exactly the
// cell's content. Only the runs of lines that can hold a table are parsed: the
// prose never needs a Markdown parse.
import MarkdownIt from 'markdown-it';
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
 * markdown-it with its block rules alone: no inline rule runs, as cell text is
 * taken from the source line. All of CommonMark's blocks stay on (and `html`,
 * so that an HTML block is one): they decide where a table starts and ends.
 * The table rule runs after them, as in GFM (markdown-it tries it first): a
 * line that opens a heading or a list item is no header row.
 */
const md = new MarkdownIt({ html: true });
md.core.ruler.enableOnly(['block']);
md.block.ruler.enableOnly(['table']);
const [tableRule] = md.block.ruler.getRules('');
md.block.ruler.enableOnly(['code', 'fence', 'blockquote', 'hr', 'list', 'reference', 'html_block', 'heading', 'lheading', 'paragraph']);
md.block.ruler.before(
  'paragraph',
  'table_after_blocks',
  (state, startLine, endLine, silent) => {
    const first = state.tokens.length;
    if (!tableRule(state, startLine, endLine, silent)) return false;
    // Each row's column where its text starts: after the indent, and after the marker of a list item it is in.
    for (const token of state.tokens.slice(first)) {
      if (token.type !== 'tr_open' || !token.map) continue;
      const at = state.bMarks[token.map[0]] + state.tShift[token.map[0]];
      token.meta = at - (state.src.lastIndexOf('\n', at - 1) + 1);
    }
    return true;
  },
  { alt: ['paragraph', 'reference'] }, // as markdown-it's own table rule: a table may interrupt a paragraph
);

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
    let rows: GridRow[] = [];
    for (const token of md.parse(l.lines.slice(block.from, block.to).join('\n'), {})) {
      if (token.type === 'table_open') tables.push((rows = []));
      else if (token.type === 'tr_open' && token.map) rows.push(readRow(l, block.from + token.map[0], token.meta as number));
    }
  }
  return tables;
}

/**
 * A row's cells as GFM divides them, from the row's text at `from`: at each
 * pipe not escaped by a backslash (a pipe in a code span divides too), the
 * outer pipes optional. Spaces and tabs after the closing pipe make no cell; a
 * lone pipe is one empty cell. Each cell is its text without the padding; an
 * empty cell is the point after its space.
 */
function readRow(l: Lines, line: number, from: number): GridRow {
  const text = l.lines[line] ?? '';
  const row: GridRow = { cells: [], range: range(line, 0, line, text.length) };
  const push = (a: number, b: number) => {
    const [ca, cb] = trimSpan(text, a, b);
    const at = Math.min(a + (text[a] === ' ' ? 1 : 0), b);
    row.cells.push({ text: text.slice(ca, cb), range: ca === cb ? lineRange(line, at, at) : lineRange(line, ca, cb) });
  };
  let start = text[from] === '|' ? from + 1 : from;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\\') i++; // an escaped character, a pipe say, divides nothing
    else if (text[i] === '|') {
      push(start, i);
      start = i + 1;
    }
  }
  if (/[^ \t]/.test(text.slice(start)) || !row.cells.length) push(start, text.length);
  return row;
}
