// Edits composed across fix-all's rounds: each as small as its own range, and
// applying them to the original gives the text the rounds gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, composeEdits } from '../../server/src/core/edits';
import { positionAt, splitLines } from '../../server/src/core/text';
import type { TextEdit } from '../../server/src/core/types';

const at = (line: number, from: number, to: number, newText: string): TextEdit => ({
  range: { start: { line, character: from }, end: { line, character: to } },
  newText,
});

function roundTrip(original: string, first: TextEdit[], second: TextEdit[]): TextEdit[] {
  const composed = composeEdits(original, first, second);
  expect(applyEdits(original, composed)).toBe(applyEdits(applyEdits(original, first), second));
  return composed;
}

describe('composeEdits', () => {
  it('keeps edits that do not meet apart, in the original text', () => {
    const original = 'a 27 b\nc 5 d\ne 100 f';
    // First: 27 → 24 (one shorter line is not affected); then, on that text, 100 → 99.
    const composed = roundTrip(original, [at(0, 2, 4, '24')], [at(2, 2, 5, '99')]);
    expect(composed).toEqual([at(0, 2, 4, '24'), at(2, 2, 5, '99')]);
  });

  it('maps a later edit past an earlier one that changed the length of its line', () => {
    const original = '7 and 8';
    const composed = roundTrip(original, [at(0, 0, 1, '1000')], [at(0, 9, 10, '9')]);
    expect(composed).toEqual([at(0, 0, 1, '1000'), at(0, 6, 7, '9')]);
  });

  it('merges an edit that rewrites what an earlier one wrote', () => {
    const original = 'x 27 y';
    const composed = roundTrip(original, [at(0, 2, 4, '24')], [at(0, 2, 4, '25')]);
    expect(composed).toEqual([at(0, 2, 4, '25')]);
  });

  it('drops a change undone by a later round', () => {
    const original = 'prose 24 and total 27';
    const composed = roundTrip(original, [at(0, 6, 8, '27'), at(0, 19, 21, '24')], [at(0, 6, 8, '24')]);
    expect(composed).toEqual([at(0, 19, 21, '24')]);
  });

  it('works across lines and CRLF line ends', () => {
    const original = 'a\r\n1\t2\r\nb';
    roundTrip(original, [at(1, 0, 1, '10')], [at(1, 3, 4, '20'), at(2, 0, 1, 'c')]);
  });
});

describe('composeEdits on any text and edits', () => {
  /** Non-overlapping edits on `text`, as offsets turned into positions. */
  const editsOn = (text: string) =>
    fc.array(fc.tuple(fc.nat(text.length), fc.nat(4), fc.string({ unit: fc.constantFrom('1', '2', '\n', '总', 'a'), maxLength: 4 })), { maxLength: 4 }).map((raw) => {
      const l = splitLines(text);
      const edits: TextEdit[] = [];
      let last = -1;
      for (const [start, len, newText] of [...raw].sort((a, b) => a[0] - b[0])) {
        const end = Math.min(start + len, text.length);
        // Edits that meet at a point are ambiguous in order; real fixes never do.
        if (start <= last) continue;
        edits.push({ range: { start: positionAt(l, start), end: positionAt(l, end) }, newText });
        last = end;
      }
      return edits;
    });
  const text = fc.string({ unit: fc.constantFrom('1', '2', ' ', '\n', '\r\n', '总', '计'), maxLength: 30 });

  it('applied to the original, gives what the two rounds gave, and leaves the rest of the text alone', () => {
    fc.assert(
      fc.property(
        text.chain((t) => editsOn(t).chain((first) => editsOn(applyEdits(t, first)).map((second) => [t, first, second] as const))),
        ([original, first, second]) => {
          roundTrip(original, first, second);
        },
      ),
      { numRuns: 500, seed: 42 },
    );
  });
});
