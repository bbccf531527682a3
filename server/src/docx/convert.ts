// Word .docx → Markdown the checker reads (Node only; not part of the pure core).
//
// mammoth turns the document into HTML (merged cells become rowspan/colspan);
// paragraphs become Markdown paragraphs (Word headings `#`/`##`). Tables stay
// HTML, one `<tr>` per line, which core/shapes/html.ts reads with their merged
// cells; or, for people to edit, become GFM pipe tables, one row per line, a
// merged cell's text in its first slot and the slots it covers left blank (as
// the Markdown reader expects). A map records where each Markdown line came from, so that a
// diagnostic's position can be told as a place the user can find in Word:
// `第12段` or `表3 第5行 第2列`, with the words there.
import mammoth from 'mammoth';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Nodes } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { tableRows } from '../core/read/html';
import type { Position, Range } from '../core/types';

/** A cell as written on a row line: `column` is the Word cell's place in its row (from 1). */
export interface DocxLineCell {
  start: number;
  end: number;
  column: number;
  text: string;
  /**
   * A GFM slot covered by a merged cell that starts elsewhere: blank when
   * written, not a Word cell of its own. `left`: the cell starts to the left
   * in this row (`column` is that cell); `above`: in a row above.
   */
  covered?: 'left' | 'above';
}

/** Where a line of the Markdown comes from. */
export type DocxLine =
  | { kind: 'paragraph'; paragraph: number; text: string }
  | { kind: 'row'; table: number; row: number; cells: DocxLineCell[] }
  | { kind: 'markup'; table?: number };

export type DocxTables = 'html' | 'gfm';

export interface DocxMap {
  /** How the tables are written. */
  tables: DocxTables;
  lines: DocxLine[];
}

export interface DocxMarkdown {
  markdown: string;
  /** mammoth's messages (unknown styles, unsupported content). */
  warnings: string[];
  map: DocxMap;
}

const parser = unified().use(rehypeParse, { fragment: true });

export async function docxToMarkdown(buffer: Buffer | Uint8Array, tables: DocxTables = 'html'): Promise<DocxMarkdown> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(buffer) },
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
  );
  const out = htmlToMarkdown(result.value, tables);
  return { ...out, warnings: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

/** mammoth's HTML → Markdown with HTML or GFM tables, and the line map. */
export function htmlToMarkdown(html: string, tables: DocxTables = 'html'): { markdown: string; map: DocxMap } {
  const tree = parser.parse(html);
  const lines: string[] = [];
  const map: DocxLine[] = [];
  let paragraph = 0;
  let table = 0;
  const blank = () => {
    if (lines.length && lines[lines.length - 1] !== '') {
      lines.push('');
      map.push({ kind: 'markup' });
    }
  };
  const para = (text: string, prefix = '') => {
    const t = text.replace(/[\r\n]+/g, ' ').trim();
    paragraph++;
    if (!t) return;
    blank();
    lines.push(prefix + t);
    map.push({ kind: 'paragraph', paragraph, text: t });
  };
  const block = (node: Nodes) => {
    if (node.type !== 'element') {
      if (node.type === 'text' && node.value.trim()) para(node.value);
      return;
    }
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) {
      para(textOf(node), `${'#'.repeat(Math.min(Number(tag[1]), 6))} `);
    } else if (tag === 'p') {
      para(textOf(node));
    } else if (tag === 'ul' || tag === 'ol') {
      for (const li of node.children) {
        if (li.type === 'element' && li.tagName === 'li') para(textOf(li));
      }
    } else if (tag === 'table') {
      table++;
      blank();
      (tables === 'gfm' ? writeGfmTable : writeTable)(tableRows(node), table, lines, map);
    } else {
      for (const c of node.children) block(c);
    }
  };
  for (const c of tree.children) block(c);
  blank();
  return { markdown: lines.join('\n'), map: { tables, lines: map } };
}

const cellsOf = (tr: Element) => tr.children.filter((td): td is Element => td.type === 'element' && (td.tagName === 'td' || td.tagName === 'th'));
const span = (td: Element, k: 'rowSpan' | 'colSpan') => Math.max(1, Number(td.properties[k] ?? 1) || 1);

function writeTable(rows: Element[], table: number, lines: string[], map: DocxLine[]): void {
  lines.push('<table>');
  map.push({ kind: 'markup', table });
  rows.forEach((tr, r) => {
    let line = '<tr>';
    const cells: DocxLineCell[] = [];
    let column = 0;
    for (const td of cellsOf(tr)) {
      column++;
      const attrs = ['rowSpan', 'colSpan']
        .map((k) => {
          const v = Number(td.properties?.[k] ?? 1);
          return v > 1 ? ` ${k.toLowerCase()}="${v}"` : '';
        })
        .join('');
      const text = cellText(td);
      line += `<td${attrs}>`;
      const start = line.length;
      line += escapeHtml(text);
      cells.push({ start, end: line.length, column, text });
      line += '</td>';
    }
    line += '</tr>';
    lines.push(line);
    map.push({ kind: 'row', table, row: r + 1, cells });
  });
  lines.push('</table>');
  map.push({ kind: 'markup', table });
}

/** One pipe-table line per Word row; the first row is the GFM header row, as in reports written in Markdown. */
function writeGfmTable(rows: Element[], table: number, lines: string[], map: DocxLine[]): void {
  // The grid: slot → the Word cell there (row, column from 1) and whether the cell starts in that slot.
  const grid: { column: number; text: string; covered?: 'left' | 'above' }[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let x = 0;
    cellsOf(tr).forEach((td, k) => {
      while (grid[r][x]) x++;
      const text = cellText(td);
      const [rs, cs] = [span(td, 'rowSpan'), span(td, 'colSpan')];
      for (let dy = 0; dy < rs && r + dy < rows.length; dy++) {
        for (let dx = 0; dx < cs; dx++) grid[r + dy][x + dx] = { column: k + 1, text, covered: dy > 0 ? 'above' : dx > 0 ? 'left' : undefined };
      }
      x += cs;
    });
  });
  const width = Math.max(1, ...grid.map((g) => g.length));
  grid.forEach((slots, r) => {
    let line = '|';
    const cells: DocxLineCell[] = [];
    for (let x = 0; x < width; x++) {
      const slot = slots[x];
      const text = slot && !slot.covered ? slot.text : '';
      line += ' ';
      const start = line.length;
      line += text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
      const covered = slot ? slot.covered : 'above';
      cells.push({ start, end: line.length, column: slot?.column ?? 0, text, ...(covered ? { covered } : {}) });
      line += ' |';
    }
    lines.push(line);
    map.push({ kind: 'row', table, row: r + 1, cells });
    if (r === 0) {
      lines.push(`|${' --- |'.repeat(width)}`);
      map.push({ kind: 'markup', table });
    }
  });
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** A cell's paragraphs joined: no space between Chinese words wrapped in Word, one space otherwise. */
function cellText(td: Element): string {
  const parts: string[] = [];
  visit(td, (n) => {
    if (n.type === 'element' && (n.tagName === 'p' || /^h[1-6]$/.test(n.tagName) || n.tagName === 'li')) {
      const t = textOf(n).trim();
      if (t) parts.push(t);
      return SKIP;
    }
    if (n.type === 'text' && n.value.trim()) parts.push(n.value.trim());
  });
  let out = '';
  for (const p of parts) {
    if (out && !(CJK.test(out[out.length - 1]) || CJK.test(p[0]))) out += ' ';
    out += p;
  }
  return out.replace(/[\r\n\t]+/g, ' ');
}

function textOf(n: Nodes): string {
  if (n.type === 'text') return n.value;
  if (n.type !== 'element' && n.type !== 'root') return '';
  if (n.type === 'element' && n.tagName === 'br') return '\n';
  if (n.type === 'element' && n.tagName === 'img') return '';
  return n.children.map(textOf).join('');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const short = (s: string, n = 16) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Where a position of the converted Markdown is in the Word file, said so the
 * user can find it: `第12段（“二、主动公开政府信息情况”）`, `表3 第5行 第2列（“0”）`.
 * English: `paragraph 12 ("…")`, `table 3, row 5, cell 2 ("0")`.
 */
export function describeDocxPosition(map: DocxMap, p: Position, lang: 'zh' | 'en' = 'zh'): string {
  let line = Math.max(0, Math.min(p.line, map.lines.length - 1));
  let info = map.lines[line];
  // A blank or markup line: the nearest paragraph or row before it.
  while (info && info.kind === 'markup' && info.table === undefined && line > 0) info = map.lines[--line];
  if (!info) return lang === 'en' ? 'start of the document' : '文档开头';
  if (info.kind === 'paragraph') {
    return lang === 'en' ? `paragraph ${info.paragraph} ("${short(info.text)}")` : `第${info.paragraph}段（“${short(info.text)}”）`;
  }
  if (info.kind === 'markup') return lang === 'en' ? `table ${info.table}` : `表${info.table}`;
  const cell = info.cells.find((c) => p.character >= c.start && p.character <= c.end) ?? info.cells.find((c) => p.character < c.start) ?? info.cells[info.cells.length - 1];
  const rowLabel = info.cells.find((c) => c.text && !/^[\d.\s]*$/.test(c.text));
  const what = cell ? (cell.text ? `“${short(cell.text)}”` : '空单元格') : '';
  if (lang === 'en') {
    return `table ${info.table}, row ${info.row}${cell ? `, cell ${cell.column}` : ''}${cell ? ` (${cell.text ? `"${short(cell.text)}"` : 'empty cell'}${rowLabel && rowLabel !== cell ? ` in the row "${short(rowLabel.text)}"` : ''})` : ''}`;
  }
  return `表${info.table} 第${info.row}行${cell ? ` 第${cell.column}列` : ''}${cell ? `（${what}${rowLabel && rowLabel !== cell ? `，“${short(rowLabel.text)}”一行` : ''}）` : ''}`;
}

/** The same for a range: its start, and its end when that is elsewhere. */
export function describeDocxRange(map: DocxMap, r: Range, lang: 'zh' | 'en' = 'zh'): string {
  const a = describeDocxPosition(map, r.start, lang);
  if (r.end.line === r.start.line) return a;
  const b = describeDocxPosition(map, r.end, lang);
  return a === b ? a : `${a} – ${b}`;
}
