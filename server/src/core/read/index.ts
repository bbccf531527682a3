// The reading pipeline: every shape a report comes in is read by one reader
// into the same rows of cells with exact ranges. Readers run in this order,
// each on the lines no earlier reader claimed (like textlint's processors);
// none of them knows a template.
import { flatReader } from './flat';
import { htmlFragmentReader, htmlPageReader } from './html';
import { layoutReader } from './layout';
import { markdownReader } from './markdown';
import { sameOffsets } from './source-view';
import { tsvReader } from './tsv';
import type { GridBlock, ReaderShape, ShapeReader, SourceView } from './types';
import { wordReader } from './word';

export type { GridBlock, GridCell, GridRow, ReaderShape, ShapeReader, SourceView } from './types';

export const readers: readonly ShapeReader[] = [htmlPageReader, htmlFragmentReader, markdownReader, wordReader, tsvReader, layoutReader, flatReader];

export interface Reading {
  /** The text the rules read: the source, or a view of the same length (HTML with its markup blanked). */
  view: SourceView;
  /** Where the headings and the title are looked for. */
  headingView: SourceView;
  blocks: GridBlock[];
  /** Lines inside Markdown and HTML tables: a cell there is never a heading. */
  tableLines: Set<number>;
  pageTitle?: { text: string; start: number };
}

export function readDocument(text: string): Reading {
  let view = sameOffsets(text);
  let headingView: SourceView | undefined;
  let pageTitle: Reading['pageTitle'];
  const blocks: GridBlock[] = [];
  const claimed = new Set<number>();
  const tableLines = new Set<number>();
  for (const reader of readers) {
    if (!reader.detect(view.text)) continue;
    const out = reader.read({ view, claimed });
    if (out.view) view = out.view;
    headingView ??= out.headingView;
    pageTitle ??= out.pageTitle;
    for (const b of out.blocks) {
      blocks.push(b);
      if (b.shape === 'markdown' || b.shape === 'html') {
        for (let i = b.from; i <= b.to; i++) {
          claimed.add(i);
          tableLines.add(i);
        }
      } else {
        for (const r of b.rows) if (!r.wordsOnly) for (let i = r.range.start.line; i <= r.range.end.line; i++) claimed.add(i);
      }
    }
    if (reader.exclusive) break;
  }
  return { view, headingView: headingView ?? view, blocks, tableLines, pageTitle };
}

/** Readers in order of trust: where two read the same stretch, the earlier one's rows are used. */
export const shapeOrder: readonly ReaderShape[] = ['html', 'markdown', 'word', 'tsv', 'layout', 'flat'];
