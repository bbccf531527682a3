// Edits composed across fix-all's rounds: each as small as its own range, and
// applying them to the original gives the text the rounds gave.
import { describe, expect, it } from 'vitest';
import { applyEdits, composeEdits } from '../../server/src/core/edits';
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
