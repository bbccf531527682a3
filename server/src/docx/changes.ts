// Which Word cells an edit of the converted Markdown changed. Figures fixed by
// `--fix` or typed into the Markdown go back into the .docx as cell edits;
// a change anywhere else (prose, a covered slot of a merged cell, a row with
// cells added or removed) cannot be placed in the Word file and is told back
// as a line left out, never guessed.
import type { CellEdit } from './cells';
import type { DocxLine, DocxMap } from './convert';

export interface DocxChanges {
  edits: CellEdit[];
  /** The Markdown before, with only the changes that will be written. */
  text: string;
  /** Lines of the edited Markdown (from 0) whose changes are not written. */
  left: number[];
}

export function docxChanges(map: DocxMap, before: string, after: string): DocxChanges {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  // Lines are paired one to one; when lines were added or removed, only the equal head and tail are.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const paired = a.length === b.length;
  const edits: CellEdit[] = [];
  const left: number[] = [];
  const written = [...a];
  if (!paired) for (let i = head; i < b.length - tail; i++) left.push(i);
  for (let i = head; paired && i < a.length - tail; i++) {
    if (a[i] === b[i]) continue;
    const info = map.lines[i];
    const rowEdits = info?.kind === 'row' ? cellEdits(info, rowCells(b[i], map.tables)) : undefined;
    if (!rowEdits) {
      left.push(i);
      continue;
    }
    edits.push(...rowEdits);
    written[i] = b[i];
  }
  return { edits, text: written.join('\n'), left };
}

/**
 * The edits a changed row line asks for; undefined when one of its changes
 * has no Word cell to go to. A figure typed into any slot of a cell merged
 * across columns belongs to that cell (the Markdown reader takes it from
 * whichever slot holds it); a slot covered from a row above belongs to no cell here.
 */
function cellEdits(info: Extract<DocxLine, { kind: 'row' }>, now: string[] | undefined): CellEdit[] | undefined {
  if (!now || now.length !== info.cells.length) return undefined;
  const texts = new Map<number, string[]>();
  for (let k = 0; k < now.length; k++) {
    const cell = info.cells[k];
    if (cell.covered === 'above') {
      if (now[k] !== cell.text) return undefined;
      continue;
    }
    texts.set(cell.column, [...(texts.get(cell.column) ?? []), now[k]]);
  }
  const out: CellEdit[] = [];
  for (const [column, slots] of texts) {
    const filled = slots.filter((t) => t !== '');
    if (filled.length > 1) return undefined;
    const was = info.cells.find((c) => c.column === column && !c.covered)?.text ?? '';
    const text = filled[0] ?? '';
    if (text !== was) out.push({ table: info.table, row: info.row, column, text, was });
  }
  return out;
}

/** The cell texts of a row line as the converter writes it. */
export function rowCells(line: string, tables: DocxMap['tables']): string[] | undefined {
  if (tables === 'html') {
    const cells = [...line.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    return /^\s*<tr>/.test(line) ? cells : undefined;
  }
  const t = line.trim();
  if (!t.startsWith('|')) return undefined;
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < t.length; i++) {
    if (t[i] === '\\' && i + 1 < t.length) cell += t[++i];
    else if (t[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += t[i];
  }
  if (cell.trim()) cells.push(cell.trim());
  return cells;
}
