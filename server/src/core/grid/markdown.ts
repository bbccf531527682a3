// Markdown with GFM pipe tables, read with unified + remark-parse + remark-gfm.
// remark finds the tables and their rows; the cell ranges are taken from the
// source line so that they cover exactly the cell's content.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { lineRange, range, trimSpan, type Lines } from '../text';
import type { GridCell, GridRow } from './types';

interface Point { line: number; column: number; offset?: number }
interface MdNode { type: string; children?: MdNode[]; position?: { start: Point; end: Point } }

const parser = unified().use(remarkParse).use(remarkGfm);

/** Every GFM table of the document as rows of cells (the delimiter row left out). */
export function readMarkdownTables(text: string, l: Lines): GridRow[][] {
  const tree = parser.parse(text) as MdNode;
  const tables: GridRow[][] = [];
  const visit = (node: MdNode) => {
    if (node.type === 'table') {
      tables.push((node.children ?? []).map((row) => readRow(row, l)));
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return tables;
}

function readRow(row: MdNode, l: Lines): GridRow {
  const cells: GridCell[] = [];
  const line = (row.position?.start.line ?? 1) - 1;
  const text = l.lines[line] ?? '';
  for (const cell of row.children ?? []) {
    const p = cell.position;
    if (!p || p.start.line - 1 !== line) continue;
    let a = p.start.column - 1;
    let b = Math.min(p.end.column - 1, text.length);
    if (text[a] === '|') a++;
    if (b > a && text[b - 1] === '|' && text[b - 2] !== '\\') b--;
    const [ca, cb] = trimSpan(text, a, b);
    const empty = ca === cb;
    const at = empty ? Math.min(a + (text[a] === ' ' ? 1 : 0), b) : ca;
    cells.push({ text: text.slice(ca, cb), range: empty ? lineRange(line, at, at) : lineRange(line, ca, cb) });
  }
  return { cells, range: range(line, 0, line, text.length) };
}
