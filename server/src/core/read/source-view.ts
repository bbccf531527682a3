// SourceView constructors: the one way every view maps back to its source.
import { offsetAt, positionAt, splitLines, type Lines } from '../text';
import type { Position, Range } from '../types';
import type { SourceView } from './types';

/** The text itself, or any view of the same length whose offsets are the source's. */
export function sameOffsets(text: string, lines: Lines = splitLines(text)): SourceView {
  return { text, lines, sourceOffset: (o) => o };
}

/** A position in `view` as a position in the source whose lines are `source`. */
export function toSourcePosition(view: SourceView, source: Lines, p: Position): Position {
  return positionAt(source, view.sourceOffset(offsetAt(view.lines, p)));
}

/** A range in `view` as a range in the source: the end maps after the last character it covers. */
export function toSourceRange(view: SourceView, source: Lines, r: Range): Range {
  const a = offsetAt(view.lines, r.start);
  const b = offsetAt(view.lines, r.end);
  const start = view.sourceOffset(a);
  const end = b > a ? view.sourceOffset(b - 1) + 1 : start;
  return { start: positionAt(source, start), end: positionAt(source, end) };
}
