// cell-conflict: a part cell that disagrees with its row total and its column
// total (or the balance) at once; changing it alone mends them all.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { readSeed } from '../support/fixtures';
import { brief, cellOf, setCell, diagnostics } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001');

describe('cell-conflict', () => {
  it('Word text: （一）予以公开 · 自然人 10 → 12: cell-conflict on that cell; both totals say so; fix-all changes only it', () => {
    const cell = cellOf(seed, 'requests', 'granted', 'person');
    const text = setCell(seed, 'requests', 'granted', 'person', '12');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual([
      `${cell.range.start.line}:1 error cell-conflict`,
      `${cellOf(seed, 'requests', 'granted', 'total').range.start.line}:1 error row-total`,
      `${cellOf(seed, 'requests', 'resultTotal', 'person').range.start.line}:1 error column-total`,
    ]);
    const d = ds[0];
    expect(d.range).toEqual(cell.range);
    expect(d.message).toBe('“（一）予以公开 · 自然人”应为 10，实为 12：改为 10 后所在行、列的合计都成立');
    expect(d.related.map((r) => r.range)).toEqual([
      cellOf(seed, 'requests', 'granted', 'total').range,
      cellOf(seed, 'requests', 'resultTotal', 'person').range,
    ]);
    expect(d.fixes[0]).toMatchObject({ title: '改为 10', isPreferred: true, edits: [{ range: cell.range, newText: '10' }] });
    const fixed = fixAll(text);
    expect(fixed.text).toBe(seed);
    expect(fixed.edits).toEqual([{ range: cell.range, newText: '10' }]);
  });

  it('TAB rows: a part of 一、本年新收 whose row total and column balance both break (English)', () => {
    const doc = renderSeed(seed, 'tsv');
    const cell = cellOf(doc, 'requests', 'received', 'business');
    const text = setCell(doc, 'requests', 'received', 'business', '4');
    const ds = diagnostics(text, { lang: 'en' }).filter((d) => d.rule === 'cell-conflict');
    expect(ds.map(brief)).toEqual([`${cell.range.start.line}:${cell.range.start.character} error cell-conflict`]);
    expect(ds[0].message).toBe('"一、本年新收政府信息公开申请数量 · 商业企业" should be 1, found 4: with 1 its row and column sums all hold');
    expect(fixAll(text).text).toBe(doc);
  });
});
