// column-total: a cell of the row （七）总计 is not the sum of the result rows
// above it in its column. Reported on that （七）总计 cell.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { readSeed } from '../support/fixtures';
import { brief, cellOf, only, setCell, diagnostics } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001');

describe('column-total', () => {
  it('（七）总计 · 自然人 wrong → column-total on it; the row total and the balance point at the same cell; fix-all restores it', () => {
    const cell = cellOf(seed, 'requests', 'resultTotal', 'person');
    const rowTotal = cellOf(seed, 'requests', 'resultTotal', 'total');
    const text = setCell(seed, 'requests', 'resultTotal', 'person', '30');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual([
      `${cell.range.start.line}:1 error column-total`,
      `${rowTotal.range.start.line}:1 error row-total`,
      `${cellOf(seed, 'requests', 'carriedOut', 'person').range.start.line}:1 error balance`,
    ]);
    expect(ds[0].range).toEqual(cell.range);
    expect(ds[0].message).toBe('（七）总计 · 自然人：总计应为 21（10+1+1+8+1，其余 16 项为 0），实为 30');
    // Related information names the five non-zero rows only, not the 16 zeros.
    expect(ds[0].related.map((r) => r.message)).toEqual([
      '（一）予以公开 · 自然人: 10',
      '6.属于四类过程性信息 · 自然人: 1',
      '7.属于行政执法案卷 · 自然人: 1',
      '1.本机关不掌握相关政府信息 · 自然人: 8',
      '3.要求提供公开出版物 · 自然人: 1',
    ]);
    expect(ds[0].fixes[0]).toMatchObject({ isPreferred: true, edits: [{ range: cell.range, newText: '21' }] });
    expect(ds[1].message).toContain('更可能是“（七）总计 · 自然人”有误（应为 21）');
    expect(fixAll(text).text).toBe(seed);
  });

  it('Markdown, English: （七）总计 · 商业企业 blank → filled in', () => {
    const doc = renderSeed(seed, 'markdown');
    const cell = cellOf(doc, 'requests', 'resultTotal', 'business');
    const text = setCell(doc, 'requests', 'resultTotal', 'business', '');
    const ds = only(text, 'column-total', { lang: 'en' });
    expect(ds.map(brief)).toEqual([`${cell.range.start.line}:${cell.range.start.character} error column-total`]);
    expect(ds[0].message).toBe('（七）总计 · 商业企业: the total is blank, it should be 2 (1+1, the other 19 items 0)');
    expect(fixAll(text).text).toBe(doc);
  });
});
