// Markdown with GFM pipe tables, read with unified + remark-parse and the GFM
// table extension (the part of remark-gfm the checker needs). Only the runs of
// lines that can hold a table go through remark: the prose never needs a
// Markdown parse, so reading a report costs less than parsing it whole. The
// cell ranges are taken from the source line so that they cover exactly the
// cell's content.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { lineRange, range, trimSpan, type Lines } from '../text';
import type { GridBlock, GridCell, GridRow, ShapeReader } from './types';

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

interface Point { line: number; column: number; offset?: number }
interface MdNode { type: string; children?: MdNode[]; position?: { start: Point; end: Point } }

/** remark-gfm's table support alone (no autolinks, footnotes, strikethrough or task lists). */
function remarkGfmTable(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkGfmTable);

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
    let tree: MdNode;
    try {
      tree = parser.parse(l.lines.slice(block.from, block.to).join('\n')) as MdNode;
    } catch {
      continue; // remark gives up on pathological input (stack depth): no table read there.
    }
    const visit = (node: MdNode) => {
      if (node.type === 'table') {
        tables.push((node.children ?? []).map((row) => readRow(row, l, block.from)));
        return;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  }
  return tables;
}

function readRow(row: MdNode, l: Lines, firstLine: number): GridRow {
  const cells: GridCell[] = [];
  const line = firstLine + (row.position?.start.line ?? 1) - 1;
  const text = l.lines[line] ?? '';
  for (const cell of row.children ?? []) {
    const p = cell.position;
    if (!p || firstLine + p.start.line - 1 !== line) continue;
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
