// The single-cell repair property: take a number cell of table 三 or 四 of a
// seed (Word text as is, and its TAB-row and Markdown renderings), add a random
// delta. An error is reported on that cell's line — except a part of table 四 in
// Word text, where one cell per line means nothing tells which part is wrong:
// then on the 总计, with the cell in the related information. Fix-all restores
// the original when the cell is a total; when it is a part, fix-all leaves every
// row and column sum holding. (In a seed whose balance is already broken — 003 —
// the balance is no evidence: see the comments in check().)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import { parseReport } from '../../server/src/core/parse';
import { buildSums, currentValues, status } from '../../server/src/core/sums';
import { builtInTemplates } from '../../server/src/core/templates';
import type { Cell } from '../../server/src/core/types';
import { renderSeed, RENDERINGS } from '../support/render-seed';
import { offsetOf, params, SCALE, seedSamples } from './support';

interface Target {
  sample: string;
  shape: string;
  text: string;
  table: string;
  id: string;
  cell: Cell;
  isTotal: boolean;
  /** The seed's own balance (勾稽关系) is broken (003): then it is no evidence for which cell is wrong. */
  balanceBroken: boolean;
}

function targets(): Target[] {
  const out: Target[] = [];
  for (const s of seedSamples()) {
    const texts: [string, string][] = [['word', s.text], ...RENDERINGS.map((r) => [r, renderSeed(s.text, r)] as [string, string])];
    for (const [shape, text] of texts) {
      const report = parseReport(text);
      const sums = buildSums(report, builtInTemplates.get(report.profile));
      const totals = new Set(sums.constraints.filter((c) => c.kind !== 'balance').map((c) => c.total!.id));
      const v0 = currentValues(sums);
      const balanceBroken = sums.constraints.some((c) => c.kind === 'balance' && status(c, v0) === 'broken');
      for (const [id, ref] of sums.cells) {
        if (ref.cell.kind !== 'number') continue;
        out.push({ sample: s.name, shape, text, table: ref.table, id, cell: ref.cell, isTotal: totals.has(id), balanceBroken });
      }
    }
  }
  return out;
}

const all = targets();

/** Every row and column sum of `text` that can be evaluated, and which of them are broken. */
function brokenSums(text: string): string[] {
  const report = parseReport(text);
  const sums = buildSums(report, builtInTemplates.get(report.profile));
  const v = currentValues(sums);
  return sums.constraints.filter((c) => c.kind !== 'balance' && status(c, v) === 'broken').map((c) => c.id);
}

function withValue(t: Target, value: number): string {
  const a = offsetOf(t.text, t.cell.range.start);
  const b = offsetOf(t.text, t.cell.range.end);
  return t.text.slice(0, a) + String(value) + t.text.slice(b);
}

function check(t: Target, size: number, down: boolean): void {
  const original = t.cell.value!;
  const value = down && original - size >= 0 ? original - size : original + size;
  const text = withValue(t, value);
  const where = `${t.sample} ${t.shape} ${t.id} ${original}→${value}`;
  const errors = lint(text).diagnostics.filter((d) => d.severity === 'error');
  const line = t.cell.range.start.line;
  // Where nothing can tell which part is wrong, the error is on the 总计 with the cell in related
  // information: a part of table 四 in Word text (one cell a line, one row sum), and in a seed whose
  // balance is already broken (003), a part of rows 一/二, whose only other evidence is that balance.
  const wordReviewPart = !t.isTotal && (t.balanceBroken || (t.shape === 'word' && t.table === 'review'));
  const onLine = errors.some((d) => d.range.start.line === line);
  const inRelated = errors.some((d) => d.related.some((r) => r.range.start.line === line && r.range.start.character === t.cell.range.start.character));
  expect(wordReviewPart ? inRelated || onLine : onLine, `${where}: error on the cell's line${wordReviewPart ? ' (or related)' : ''}; got ${JSON.stringify(errors.map((d) => [d.rule, d.range.start.line, d.message]))}`).toBe(true);
  const fixed = fixAll(text).text;
  // With the seed's balance broken, a changed total that happens to make it hold is a fair reading.
  if (t.isTotal && !t.balanceBroken) expect(fixed === t.text, `${where}: fix-all restores the total`).toBe(true);
  else expect(brokenSums(fixed), `${where}: every sum holds after fix-all`).toEqual([]);
}

describe('single-cell repair over tables 三 and 四 of every seed in every shape', () => {
  it('finds the cells', () => {
    const shapes = new Set(all.map((t) => `${t.shape}:${t.table}`));
    for (const shape of ['word', ...RENDERINGS]) {
      expect(shapes.has(`${shape}:requests`), `${shape}: table 三 read`).toBe(true);
      expect(shapes.has(`${shape}:review`), `${shape}: table 四 read`).toBe(true);
    }
    // The seeds' own sums hold (003's broken balance is not a row or column sum).
    for (const text of new Set(all.map((t) => t.text))) expect(brokenSums(text)).toEqual([]);
  });

  it('reports the changed cell and fix-all repairs it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (t, size, down) => check(t, size, down),
      ),
      params(80),
    );
  });

  // Under `npm run fuzz` (scale ≥ 20): every cell once, with deltas 1…7, up or down.
  it.runIf(SCALE >= 20)('every cell, once', () => {
    const failures: string[] = [];
    all.forEach((t, i) => {
      try {
        check(t, 1 + (i % 7), i % 2 === 1);
      } catch (e) {
        failures.push((e as Error).message.split('\n')[0]);
      }
    });
    expect(failures).toEqual([]);
  }, 3_600_000);
});
