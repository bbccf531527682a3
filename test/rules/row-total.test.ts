// row-total: a 总计 cell is blank or is not the sum of its parts within the
// row (the applicant columns of table 三; each of the three groups of 四).
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { readSeed } from '../support/fixtures';
import { brief, cellOf, only, setCell, diagnostics } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001');

describe('row-total', () => {
  it('a wrong 总计 in a result row that also breaks （七）总计’s 总计: fix-all changes only that cell', () => {
    // （一）予以公开: 10+0+0+0+0+0, 总计 10 → 15. The 总计 column (（七）总计 · 总计 = 23) breaks too.
    const cell = cellOf(seed, 'requests', 'granted', 'total');
    const total = cellOf(seed, 'requests', 'resultTotal', 'total');
    const text = setCell(seed, 'requests', 'granted', 'total', '15');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual([`${cell.range.start.line}:1 error row-total`, `${total.range.start.line}:1 error column-total`]);
    const row = ds[0];
    expect(row.range).toEqual(cell.range);
    expect(row.message).toBe('（一）予以公开 · 总计：总计应为 10（10+0+0+0+0+0），实为 15');
    // The non-zero part only (the five zeros are left out).
    expect(row.related.map((r) => r.message)).toEqual(['（一）予以公开 · 自然人: 10']);
    expect(row.related[0].range).toEqual(cellOf(seed, 'requests', 'granted', 'person').range);
    expect(row.fixes[0]).toMatchObject({ title: '将总计改为 10', isPreferred: true, edits: [{ range: cell.range, newText: '10' }] });
    // the column total points at the same cell rather than at itself
    expect(ds[1].message).toContain('更可能是“（一）予以公开 · 总计”有误（应为 10）');
    expect(ds[1].fixes[0].edits).toEqual([{ range: cell.range, newText: '10' }]);
    // ...and names that cell first among its related information.
    expect(ds[1].related[0]).toEqual({ message: '（一）予以公开 · 总计: 15', range: cell.range });
    const fixed = fixAll(text);
    expect(fixed.text).toBe(seed);
    expect(fixed.edits).toEqual([{ range: cell.range, newText: '10' }]);
  });

  it('a blank 总计 → error at the place where the number belongs, fix fills it in', () => {
    const cell = cellOf(seed, 'requests', 'carriedIn', 'total');
    const text = setCell(seed, 'requests', 'carriedIn', 'total', '');
    const ds = only(text, 'row-total');
    expect(ds.map(brief)).toEqual([`${cell.range.start.line}:1 error row-total`]);
    expect(ds[0].range).toEqual({ start: cell.range.start, end: cell.range.start });
    expect(ds[0].message).toBe('二、上年结转政府信息公开申请数量 · 总计：总计为空，应为 1（0+1+0+0+0+0）');
    expect(ds[0].fixes[0].edits[0].newText).toBe('1');
    expect(fixAll(text).text).toBe(seed);
  });

  it('table 四, TAB rows: 行政复议 总计 wrong → error on that 总计; its four parts are all 0, so no related information (English)', () => {
    const doc = renderSeed(seed, 'tsv');
    const cell = cellOf(doc, 'review', 'cases', 'review.total');
    const text = setCell(doc, 'review', 'cases', 'review.total', '2');
    const ds = only(text, 'row-total', { lang: 'en' });
    expect(ds.map(brief)).toEqual([`${cell.range.start.line}:${cell.range.start.character} error row-total`]);
    expect(ds[0].message).toBe('行政复议·总计: the total should be 0 (0+0+0+0), found 2');
    // All four parts are 0: nothing to point at but the total itself.
    expect(ds[0].related).toEqual([]);
    expect(fixAll(text).text).toBe(doc);
  });

  it('table 四, Markdown: a wrong part of 复议后起诉 → row-total on its 总计 (one sum: the part cannot be told)', () => {
    const doc = renderSeed(seed, 'markdown');
    const text = setCell(doc, 'review', 'cases', 'suitAfter.corrected', '3');
    const total = cellOf(doc, 'review', 'cases', 'suitAfter.total');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual([`${total.range.start.line}:${total.range.start.character} error row-total`]);
    expect(ds[0].message).toBe('复议后起诉·总计：总计应为 3（0+3+0+0），实为 0');
    const fixed = fixAll(text).text;
    expect(cellOf(fixed, 'review', 'cases', 'suitAfter.total').text).toBe('3');
    expect(only(fixed, 'row-total')).toEqual([]);
  });
});
