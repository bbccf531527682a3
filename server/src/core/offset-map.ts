// Where the characters of a text built from pieces of another stand in it:
// stretches of consecutive characters, each kept as its first offset, so a
// view of a whole report costs a number per stretch rather than per character.
import { lastAtOrBelow } from './text';

export class OffsetMap {
  /** View offset where each stretch starts, ascending. */
  private readonly starts: number[] = [];
  /** Source offset of the first character of each stretch. */
  private readonly sources: number[] = [];
  /** Characters mapped so far: the view's length. */
  length = 0;

  /** Maps the next `count` characters of the view to `source`, `source + 1`, … */
  add(source: number, count: number): void {
    if (count <= 0) return;
    const k = this.starts.length - 1;
    if (k < 0 || this.sources[k] + (this.length - this.starts[k]) !== source) {
      this.starts.push(this.length);
      this.sources.push(source);
    }
    this.length += count;
  }

  /** The source offset of view character `offset` (0 ≤ offset < length). */
  sourceAt(offset: number): number {
    const k = lastAtOrBelow(this.starts, offset);
    return this.sources[k] + (offset - this.starts[k]);
  }
}
