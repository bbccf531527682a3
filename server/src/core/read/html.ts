// HTML: a whole web page, or `<table>` fragments inside Markdown (what
// converters emit for tables with merged cells). Read with rehype-parse (hast,
// with source offsets).
//
// Nothing moves: the report text the rules see is the source with every tag,
// comment, script, style and piece of page chrome blanked to spaces (newlines
// kept) and each character reference written as its character padded with
// spaces to the reference's length. So a range in that text is the same range
// in the HTML source: diagnostics and fixes land on the source. Section
// headings and the title are looked for in a second view of the same length
// where block boundaries (`<p>`, `<h3>`, `<br>`, `</div>` …) are line breaks and
// tables are blanked, and its ranges are turned back into source positions by
// offset. Tables are read from the hast: rowspan/colspan resolved into a grid,
// a merged cell's other slots empty, each cell's range the text inside the td.
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { decodeHTML } from 'entities';
import type { Element, Nodes, Root } from 'hast';
import { EXIT, SKIP as SKIP_CHILDREN, visit as visitTree } from 'unist-util-visit';
import type { GridBlock, GridCell, GridRow, ShapeReader } from './types';
import { positionAt, splitLines, type Lines } from '../text';
import type { Position, Range } from '../types';
import { sameOffsets } from './source-view';

/** A whole web page: the rules read the page with its markup blanked; headings are looked for in the block view. */
export const htmlPageReader: ShapeReader = {
  shape: 'html',
  exclusive: true,
  detect: isHtmlPage,
  read({ view }) {
    const v = readHtml(view.text, true);
    const masked = sameOffsets(v.masked);
    return {
      view: masked,
      headingView: sameOffsets(v.blocks!),
      blocks: tableBlocks(v, masked.lines),
      pageTitle: v.title,
    };
  },
};

/** `<table>` fragments in Markdown or plain text (what converters emit for merged cells). */
export const htmlFragmentReader: ShapeReader = {
  shape: 'html',
  detect: hasHtmlTable,
  read({ view }) {
    const v = readHtml(view.text, false);
    const masked = sameOffsets(v.masked);
    return { view: masked, blocks: tableBlocks(v, masked.lines) };
  },
};

function tableBlocks(v: HtmlView, l: Lines): GridBlock[] {
  return v.tables.map((t) => ({ shape: 'html', rows: t.rows, from: positionAt(l, t.start).line, to: positionAt(l, t.end).line }));
}


export interface HtmlView {
  /** The source with markup blanked: same length, same line breaks. */
  masked: string;
  /** Same length again, block boundaries turned into line breaks, tables blanked; for headings and the title. Only for a whole page. */
  blocks?: string;
  /** The text of `<title>` and where it is. */
  title?: { text: string; start: number; end: number };
  /** Every table as rows of cells, ranges in the source. */
  tables: { rows: GridRow[]; start: number; end: number }[];
}

const PAGE = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<meta\s|<body[\s>])/i;
const TAGS = /<(?:p|div|br|td|tr|table|h[1-6]|span|li)\b[^>]*>/gi;

/** A whole web page (as opposed to Markdown or plain text with an HTML table in it). */
export function isHtmlPage(text: string): boolean {
  if (PAGE.test(text.slice(0, 2000))) return true;
  const tags = text.slice(0, 20000).match(TAGS)?.length ?? 0;
  return tags >= 8 && !/^\s*#{1,6} /m.test(text) && !/^\s*\|.*\|\s*$/m.test(text);
}

export function hasHtmlTable(text: string): boolean {
  return /<table[\s>]/i.test(text);
}

/** Elements never part of the report. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'nav', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'svg', 'object', 'head']);
/** Page chrome by class or id: breadcrumbs, share bars, font-size switches, menus, print bars. */
const CHROME = /breadcrumb|crumb|(?:^|[-_\s])(?:nav|navbar|menu|share|bdshare|jiathis|fontsize|font-size|zihao|toolbar|print|sidebar|footer|copyright|position|location|weizhi|dqwz)(?:$|[-_\s\d])/i;
/** Page chrome by its words: a block that starts like this is left out whole. */
const CHROME_TEXT = /^[\s\u00a0\u3000【[]*(?:字号|字体|分享到|打印本页|打印|关闭窗口|关闭本页|附件下载|附件[:：]|相关附件|扫一扫|当前位置|您当前的位置|您现在的位置|您的位置|首页\s*[>＞»/]|来源[:：].{0,30}发布时间|发布时间[:：].{0,40}(?:来源|浏览|访问)|【\s*(?:大|中|小)\s*】)/;
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th',
  'br', 'hr', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'center', 'title', 'body', 'caption',
]);

const parsePage = unified().use(rehypeParse);
const parseFragment = unified().use(rehypeParse, { fragment: true });

/** Decodes character references in place, padding each to its length, so offsets do not move. */
export function decodeInPlace(raw: string): string {
  return raw.replace(/&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-zA-Z][a-zA-Z\d]{1,31});?/g, (m) => {
    const decoded = decodeHTML(m).replace(/\u00a0/g, ' ');
    return decoded.length > m.length ? m : decoded.padEnd(m.length, ' ');
  });
}

const blankOut = (s: string) => s.replace(/[^\r\n]/g, ' ');

/**
 * Reads HTML. `page`: the whole text is a web page; otherwise only the
 * `<table>…</table>` regions are HTML (fragments in Markdown or plain text).
 */
export function readHtml(text: string, page: boolean): HtmlView {
  // parse5 reports offsets in the source as given; CR is blanked only in the masks.
  const masked: string[] = page ? Array.from(blankOut(text)) : Array.from(text);
  const blocks: string[] | undefined = page ? [...masked] : undefined;
  const tables: HtmlView['tables'] = [];
  let title: HtmlView['title'];

  const write = (start: number, end: number) => copyText(text, start, end, blocks ? [masked, blocks] : [masked], false);
  const breakAt = (offset: number | undefined) => {
    if (blocks && offset !== undefined && offset < blocks.length && blocks[offset] !== '\n') blocks[offset] = '\n';
  };

  const visit = (node: Nodes, inTable: boolean) => {
    if (node.type === 'text') {
      const p = node.position;
      if (p?.start.offset !== undefined && p.end.offset !== undefined && !inTable) write(p.start.offset, p.end.offset);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    const tag = node.type === 'element' ? node.tagName : '';
    if (node.type === 'element' && tag === 'head') {
      const titleElement = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'title');
      const t = titleElement?.children.find((c) => c.type === 'text');
      if (!title && t?.type === 'text' && t.position?.start.offset !== undefined && t.position.end.offset !== undefined) {
        title = { text: t.value, start: t.position.start.offset, end: t.position.end.offset };
      }
      return;
    }
    if (node.type === 'element' && (SKIP.has(tag) || isChrome(node))) return;
    if (node.type === 'element' && tag === 'table' && !inTable && isDataTable(node)) {
      const grid = readTable(node, text);
      const s = node.position?.start.offset ?? 0;
      const e = node.position?.end.offset ?? s;
      if (grid.length) tables.push({ rows: grid, start: s, end: e });
      for (const row of grid) for (const c of row.cells) if (c.text) writeCell(c);
      breakAt(s);
      breakAt(e > 0 ? e - 1 : e);
      return;
    }
    if (BLOCK.has(tag)) breakAt(node.position?.start.offset);
    for (const c of node.children) visit(c, inTable);
    if (BLOCK.has(tag) && node.position?.end.offset !== undefined) {
      // The last character of the end tag (`>`), blank in the mask.
      const e = node.position.end.offset - 1;
      if (e >= 0 && text[e] === '>') breakAt(e);
    }
  };
  // Cells go into the mask (so rules reading lines see them) but not into the block view.
  const writeCell = (c: GridCell) => {
    const l = lines();
    copyText(text, offsetOf(l, c.range.start), offsetOf(l, c.range.end), [masked], false);
  };
  let cachedLines: Lines | undefined;
  const lines = () => (cachedLines ??= splitLines(text));

  if (page) {
    visit(parsePage.parse(text), false);
  } else {
    for (const [s, e] of tableRegions(text)) {
      const tree = parseFragment.parse(text.slice(s, e));
      shift(tree, s);
      const before = tables.length;
      visit(tree, false);
      if (tables.length === before) continue;
      // The region's markup is blanked; the cell text was written back above.
      copyText(text, s, e, [masked], true);
    }
  }
  return { masked: masked.join(''), blocks: blocks?.join(''), title, tables };
}

function offsetOf(l: Lines, p: Position): number {
  return l.starts[p.line] + p.character;
}

const REFERENCE = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-zA-Z][a-zA-Z\d]{1,31});?/;

/**
 * Copies the text of source[a, b) into each of `outs` at the same offsets:
 * character references decoded in place (padded), NBSP as a space, markup
 * skipped (or blanked, with `blankTags`). Line breaks are never written. One
 * forward pass: linear in b − a.
 */
function copyText(text: string, a: number, b: number, outs: string[][], blankTags: boolean): void {
  let tag = false;
  const put = (i: number, ch: string) => {
    for (const o of outs) o[i] = ch;
  };
  for (let i = a; i < b; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') continue;
    if (tag) {
      if (blankTags) put(i, ' ');
      if (ch === '>') tag = false;
      continue;
    }
    if (ch === '<' && /[a-zA-Z/!?]/.test(text[i + 1] ?? '')) {
      tag = true;
      if (blankTags) put(i, ' ');
      continue;
    }
    if (ch === '&') {
      const m = REFERENCE.exec(text.slice(i, Math.min(b, i + 40)));
      if (m) {
        const d = decodeInPlace(m[0]).replace(/\u00a0/g, ' ');
        for (let k = 0; k < m[0].length; k++) put(i + k, d[k]);
        i += m[0].length - 1;
        continue;
      }
    }
    put(i, ch === '\u00a0' ? ' ' : ch);
  }
}

function tableRegions(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /<(\/?)table\b[^>]*>/gi;
  let depth = 0;
  let start = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[1]) {
      if (depth === 0) start = m.index;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) out.push([start, m.index + m[0].length]);
    }
  }
  if (depth > 0 && start >= 0) out.push([start, text.length]);
  return out;
}

function shift(tree: Root, by: number): void {
  visitTree(tree, (node) => {
    if (node.position?.start.offset !== undefined) node.position.start.offset += by;
    if (node.position?.end.offset !== undefined) node.position.end.offset += by;
  });
}

function classOf(node: Element): string {
  const p = node.properties;
  const cls = Array.isArray(p.className) ? p.className.join(' ') : String(p.className ?? '');
  return `${cls} ${String(p.id ?? '')}`.trim();
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && SKIP.has(node.tagName)) return '';
  return node.children.map(textOf).join('');
}

function isChrome(node: Element): boolean {
  const tag = node.tagName;
  if (tag === 'body' || tag === 'html' || tag === 'table' || tag === 'tbody' || tag === 'tr' || tag === 'td' || tag === 'th') return false;
  const cls = classOf(node);
  if (cls && CHROME.test(cls)) return true;
  if (!BLOCK.has(tag) && tag !== 'span' && tag !== 'a') return false;
  const t = textOf(node).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return t.length > 0 && t.length < 200 && CHROME_TEXT.test(t);
}

/**
 * A table of figures, as opposed to a table used for page layout (the whole
 * article in one cell): no table inside it, no cell holding more than a
 * couple of lines of text.
 */
function isDataTable(table: Element): boolean {
  let ok = true;
  visitTree(table, 'element', (n) => {
    if ((n !== table && n.tagName === 'table') || ((n.tagName === 'td' || n.tagName === 'th') && textOf(n).replace(/\s+/g, '').length > 200)) {
      ok = false;
      return EXIT;
    }
  });
  return ok;
}

interface Slot {
  cell: GridCell;
  /** A slot covered by a merged cell that starts elsewhere. */
  spanned: boolean;
}

/** A table's own rows (in thead, tbody, tfoot or directly), not those of a table inside a cell. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const collect = (n: Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
    }
  };
  collect(table);
  return rows;
}

/** The rows of one table, rowspan and colspan resolved: a merged cell's other slots are empty cells. */
function readTable(table: Element, text: string): GridRow[] {
  const trs = tableRows(table);
  const lines = splitLines(text);
  const grid: (Slot | undefined)[][] = [];
  const rows: GridRow[] = [];
  trs.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const td of tr.children) {
      if (td.type !== 'element' || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      while (grid[r][col]) col++;
      const cell = cellOf(td, text, lines);
      const rs = clampSpan(td.properties?.rowSpan);
      const cs = clampSpan(td.properties?.colSpan);
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) {
          grid[r + dr][col + dc] = dr === 0 && dc === 0 ? { cell, spanned: false } : { cell: { text: '', range: { start: cell.range.start, end: cell.range.start } }, spanned: true };
        }
      }
      col += cs;
    }
    const p = tr.position;
    const start = p?.start.offset !== undefined ? positionAt(lines, p.start.offset) : undefined;
    const end = p?.end.offset !== undefined ? positionAt(lines, p.end.offset) : undefined;
    const slots = grid[r];
    const cells: GridCell[] = [];
    for (let c = 0; c < slots.length; c++) {
      const s = slots[c];
      cells.push(s ? s.cell : { text: '', range: emptyAt(start) });
    }
    if (!cells.length || !start || !end) return;
    rows.push({ cells, range: { start, end } });
  });
  return rows;
}

function emptyAt(p: Position | undefined): Range {
  const at = p ?? { line: 0, character: 0 };
  return { start: at, end: at };
}

function clampSpan(v: unknown): number {
  const n = typeof v === 'number' ? v : parseInt(String(v ?? '1'), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}

/** A cell's text (references decoded, `&nbsp;` as space, trimmed) and the source range of that text. */
function cellOf(td: Element, text: string, lines: Lines): GridCell {
  const parts: { start: number; end: number }[] = [];
  visitTree(td, (n) => {
    if (n.type === 'text' && n.position?.start.offset !== undefined && n.position.end.offset !== undefined) {
      parts.push({ start: n.position.start.offset, end: n.position.end.offset });
    }
    if (n.type === 'element' && n !== td && (SKIP.has(n.tagName) || n.tagName === 'table')) return SKIP_CHILDREN;
  });
  let content = '';
  let first = -1;
  let last = -1;
  for (const p of parts) {
    const dec = decodeInPlace(text.slice(p.start, p.end));
    for (let i = 0; i < dec.length; i++) {
      const ch = dec[i];
      if (/[\s\u00a0\u3000\u200b\ufeff]/.test(ch)) continue;
      if (first < 0) first = p.start + i;
      last = p.start + i + 1;
      // A padded reference: extend to its end.
      if (text[p.start + i] === '&') {
        const m = /^&[#\w]+;?/.exec(text.slice(p.start + i, p.start + i + 40));
        if (m) last = p.start + i + m[0].length;
      }
    }
    content += dec;
  }
  const value = content.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, (m) => (/[\r\n]/.test(m) ? '' : ' ')).trim();
  if (first < 0) {
    // Empty (or `&nbsp;` only): an empty range just inside the start tag.
    const s = td.position?.start.offset ?? 0;
    const gt = text.indexOf('>', s);
    const at = gt >= 0 ? gt + 1 : s;
    const pos = positionAt(lines, at);
    return { text: '', range: { start: pos, end: pos } };
  }
  return { text: value, range: { start: positionAt(lines, first), end: positionAt(lines, last) } };
}
