import type { Range } from '../types';

/** A cell as laid out in the text, before any template is applied. */
export interface GridCell {
  /** The content with wrapped lines joined and surrounding space removed. */
  text: string;
  /** The content's range; for an empty cell, an empty range where content belongs. */
  range: Range;
}

export interface GridRow {
  cells: GridCell[];
  range: Range;
}
