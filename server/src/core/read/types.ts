// What every reader yields: rows of cells with exact ranges, before any
// template is applied. Readers know table shapes, never the template.
import type { Lines } from '../text';
import type { Range, ReaderShape } from '../types';

export type { ReaderShape } from '../types';

/** A cell as laid out in the text. */
export interface GridCell {
  /** The content with wrapped lines joined and surrounding space removed. */
  text: string;
  /** The content's range; for an empty cell, an empty range where content belongs. */
  range: Range;
}

export interface GridRow {
  cells: GridCell[];
  range: Range;
  /**
   * Flattened text: the cells are `[label?, run, run, …]` where each run is
   * digits that still have to be cut into the table's columns (a space is a
   * boundary a number never crosses). Matching cuts them, template in hand.
   */
  runs?: boolean;
  /**
   * `pdftotext -layout`: pieces of a label wrapped onto the lines around the
   * row, nearest first, one per line (the piece nearest the label's column).
   */
  wrapped?: { above: GridCell[]; below: GridCell[] };
  /** Lines of words only whose text may be such a wrapped piece (pdftotext). */
  wordsOnly?: boolean;
}

/** A run of rows one reader read as one table-like block. */
export interface GridBlock {
  shape: ReaderShape;
  rows: GridRow[];
  /** First and last line of the block. */
  from: number;
  to: number;
}

/**
 * A text as a reader or a rule sees it, and the way back to the source. Views
 * of the same length (HTML with its markup blanked) map offset to offset; others
 * (prose with PDF line breaks joined, text without its directive lines) carry
 * their own map.
 */
export interface SourceView {
  text: string;
  lines: Lines;
  /** The offset in the source of an offset in this view. */
  sourceOffset(offset: number): number;
}

export interface ReaderInput {
  view: SourceView;
  /** Lines an earlier reader already read as tables. */
  claimed: Set<number>;
}

export interface ReaderOutput {
  blocks: GridBlock[];
  /** A reader may hand on another view of the same length (HTML: markup blanked). */
  view?: SourceView;
  /** Where headings and the title are looked for, when not in `view` (an HTML page's block view). */
  headingView?: SourceView;
  /** An HTML page's `<title>`. */
  pageTitle?: { text: string; start: number };
}

export interface ShapeReader {
  shape: ReaderShape;
  /** A cheap look at the whole text: can this shape be in it? */
  detect(text: string): boolean;
  read(input: ReaderInput): ReaderOutput;
  /** The whole document is this shape: no reader after it runs. */
  exclusive?: boolean;
}
