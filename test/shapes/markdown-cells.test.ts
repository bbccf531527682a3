// The Markdown reader divides rows into cells exactly as remark-gfm does (the
// GFM reference), on the rows that trip hand-written splitters.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readMarkdownTables } from '../../server/src/core/read/markdown';
import { splitLines } from '../../server/src/core/text';

const reference = (md: string) => {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
  return tree.children.filter((n) => n.type === 'table').map((t) => t.children.map((row) => row.children.map((c) => toString(c))));
};
const ours = (md: string) => readMarkdownTables(splitLines(md)).map((rows) => rows.map((r) => r.cells.map((c) => c.text)));

describe('Markdown table cells', () => {
  it.each([
    ['escaped pipe', '| 项目 | 数量 |\n| --- | --- |\n| a \\| b | 3 |'],
    ['pipe in a code span', '| 项目 | 数量 |\n| --- | --- |\n| `x|y` | 3 |'],
    ['emphasis and links', '| **主动公开** | [12](http://x) |\n|:-:|--:|\n| *1* | 2 |'],
    ['no outer pipes, a short row', '项目 | 数量 | 总计\n--- | --- | ---\n申请 | 3\n'],
    ['a table after a paragraph and before a quote', '说明文字\n\n| 项目 | 数量 |\n| --- | --- |\n| 新收 | 21 |\n> 引用 | 1'],
    ['not a table: the delimiter row is short', '| a | b |\n| --- |\n| 1 | 2 |'],
    ['not a table: the header row opens a heading', '# 项目 | 数量\n--- | ---\n申请 | 3'],
  ])('%s', (_name, md) => {
    const want = reference(md);
    // Cell text is taken from the source, so inline markup stays as written; compare the division.
    expect(ours(md).map((t) => t.map((r) => r.length))).toEqual(want.map((t) => t.map((r) => r.length)));
    expect(ours(md).length).toBe(want.length);
  });

  it('takes each cell as written, without its padding', () => {
    expect(ours('| 项目 | 数量 |\n| --- | --- |\n|  新收  |２１ |')).toEqual([[['项目', '数量'], ['新收', '２１']]]);
  });

  it('leaves out the white space after the closing pipe', () => {
    expect(ours('| 项目 | 数量 | \n| --- | --- |\t\n| 新收 | 21 |  ')).toEqual([[['项目', '数量'], ['新收', '21']]]);
  });

  it('reads a table in a list item from after the item marker', () => {
    expect(ours('- | 项目 | 数量 |\n  | --- | --- |\n  | 新收 | 21 |')).toEqual([[['项目', '数量'], ['新收', '21']]]);
  });
});
