// The table cells of word/document.xml numbered the way the converter
// (mammoth, then convert.ts) numbers them: top-level tables in document order,
// rows in order (deleted rows skipped), and in each row the cells that start
// there (a vertically merged cell's continuations belong to the cell above).
// Writing a figure changes only the text inside that cell's `w:t` elements.
import { child, escapeXml, findAll, hasAncestor, parseXml, type XmlElement } from './xml';

/** A cell's new text: `table`, `row` and `column` count from 1, as in DocxMap. */
export interface CellEdit {
  table: number;
  row: number;
  column: number;
  text: string;
  /** The cell's text as read; the edit is refused when the cell holds something else. */
  was: string;
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Tables mammoth reads as tables of their own (not inside another table, a paragraph or an unread alternative). */
export function documentTables(root: XmlElement): XmlElement[] {
  return findAll(root, 'w:tbl', ['w:p', 'mc:Choice']).filter((t) => !hasAncestor(t, ['w:tbl', 'w:p', 'mc:Choice']));
}

/** The rows of a table, each with the cells that start in it. */
export function tableCells(table: XmlElement): XmlElement[][] {
  const rows = findAll(table, 'w:tr', ['w:tbl', 'mc:Choice']).filter((tr) => !child(child(tr, 'w:trPr') ?? tr, 'w:del'));
  const above = new Map<number, true>();
  return rows.map((tr) => {
    const cells: XmlElement[] = [];
    let column = 0;
    for (const tc of findAll(tr, 'w:tc', ['w:tbl', 'mc:Choice'])) {
      const pr = child(tc, 'w:tcPr');
      const span = Number(pr && child(pr, 'w:gridSpan')?.attrs['w:val']) || 1;
      const vMerge = pr && child(pr, 'w:vMerge');
      const continues = vMerge !== undefined && (vMerge.attrs['w:val'] ?? 'continue') === 'continue';
      if (!(continues && above.has(column))) {
        cells.push(tc);
        above.set(column, true);
      }
      column += span;
    }
    return cells;
  });
}

/** The text of a cell's own `w:t` elements, paragraph by paragraph. */
export function cellText(tc: XmlElement): string {
  return findAll(tc, 'w:p', ['w:tbl'])
    .map((p) => textsOf(p).map((t) => t.text).join(''))
    .join('\n');
}

function textsOf(el: XmlElement): XmlElement[] {
  return findAll(el, 'w:t', ['w:tbl', 'mc:Choice', 'w:del']);
}

const same = (a: string, b: string) => a.replace(/[\s\u3000]+/g, '') === b.replace(/[\s\u3000]+/g, '');

/** document.xml with the cells' texts replaced; throws when a cell is missing or holds other text than `was`. */
export function editCells(xml: string, edits: CellEdit[]): string {
  const root = parseXml(xml);
  const tables = documentTables(root).map(tableCells);
  const replacements: Replacement[] = [];
  for (const e of edits) {
    const tc = tables[e.table - 1]?.[e.row - 1]?.[e.column - 1];
    if (!tc) throw new Error(`table ${e.table}, row ${e.row}, cell ${e.column} is not in the Word file`);
    const now = cellText(tc);
    if (!same(now, e.was)) throw new Error(`table ${e.table}, row ${e.row}, cell ${e.column} holds "${now}", not "${e.was}"`);
    replacements.push(...setCellText(xml, tc, e.text));
  }
  replacements.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const r of replacements) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

/**
 * The new text goes where the old figure stood (the first `w:t` with visible
 * text, else the first `w:t`); the cell's other `w:t` elements with visible
 * text are emptied (spacing runs are left as they are).
 * A cell without any text gets a run in its first paragraph, formatted like
 * the paragraph mark, as Word does when one types into an empty cell.
 */
function setCellText(xml: string, tc: XmlElement, text: string): Replacement[] {
  const texts = textsOf(tc);
  if (texts.length) {
    const visible = (t: XmlElement) => t.text.replace(/[\s\u3000]+/g, '') !== '';
    const main = texts.find(visible) ?? texts[0];
    return texts.filter((t) => t === main || visible(t)).map((t) => replaceText(xml, t, t === main ? text : ''));
  }
  const p = findAll(tc, 'w:p', ['w:tbl'])[0];
  if (!p) throw new Error('a table cell without a paragraph');
  const markPr = child(child(p, 'w:pPr') ?? p, 'w:rPr');
  const rPr = markPr && !/<w:(?:ins|del|moveFrom|moveTo|rPrChange)\b/.test(xml.slice(markPr.start, markPr.end)) ? xml.slice(markPr.start, markPr.end) : '';
  const run = `<w:r>${rPr}${textElement(text)}</w:r>`;
  if (p.selfClosing) return [{ start: p.start, end: p.end, text: `${xml.slice(p.start, p.openEnd - 2).trimEnd()}>${run}</w:p>` }];
  return [{ start: p.closeStart, end: p.closeStart, text: run }];
}

function replaceText(xml: string, t: XmlElement, text: string): Replacement {
  const needsSpace = /^\s|\s$/.test(text) && t.attrs['xml:space'] !== 'preserve';
  if (t.selfClosing || needsSpace) {
    const open = t.selfClosing ? xml.slice(t.start, t.openEnd - 2).trimEnd() : xml.slice(t.start, t.openEnd - 1);
    return { start: t.start, end: t.end, text: `${open}${needsSpace ? ' xml:space="preserve"' : ''}>${escapeXml(text)}</w:t>` };
  }
  return { start: t.openEnd, end: t.closeStart, text: escapeXml(text) };
}

function textElement(text: string): string {
  return /^\s|\s$/.test(text) ? `<w:t xml:space="preserve">${escapeXml(text)}</w:t>` : `<w:t>${escapeXml(text)}</w:t>`;
}
