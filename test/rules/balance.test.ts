// balance: 第一项 + 第二项 ≠ 第三项 + 第四项 in a column of table 三. On the
// 结转下年度 cell, with the other three cells as related information; the fix
// is a suggestion, never applied by fix-all.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { readSeed } from '../support/fixtures';
import { applyFix, brief, cellOf, only, setCell, diagnostics } from '../support/edit';
import { renderSeed } from '../support/render-seed';

describe('balance', () => {
  it('seed 003 as published: 6+0 ≠ 6+1 in the 自然人 and 总计 columns', () => {
    const seed = readSeed('003');
    const ds = diagnostics(seed);
    const person = cellOf(seed, 'requests', 'carriedOut', 'person');
    const total = cellOf(seed, 'requests', 'carriedOut', 'total');
    expect(ds.map(brief)).toEqual([`${person.range.start.line}:1 error balance`, `${total.range.start.line}:1 error balance`]);
    expect(ds[0].range).toEqual(person.range);
    expect(ds[0].message).toBe('自然人列：第一项加第二项之和（6+0=6）不等于第三项加第四项之和（6+1=7）');
    // Related information: the cells that hold something (上年结转 is 0 and adds nothing).
    expect(ds[0].related.map((r) => r.range)).toEqual(['received', 'resultTotal'].map((row) => cellOf(seed, 'requests', row, 'person').range));
    expect(ds[0].related.map((r) => r.message)).toEqual(['一、本年新收政府信息公开申请数量 · 自然人: 6', '（七）总计 · 自然人: 6']);
    // the offered fix: 结转下年度 = 0; fix-all leaves it alone
    expect(ds[0].fixes[0]).toMatchObject({ suggestionOnly: true, isPreferred: false, edits: [{ range: person.range, newText: '0' }] });
    expect(fixAll(seed).text).toBe(seed);
    const once = applyFix(seed, ds[0]);
    expect(only(once, 'balance').map(brief)).toEqual([`${total.range.start.line}:1 error balance`]);
  });

  it('seed 001, TAB rows: 一、本年新收 raised by 2 in 自然人 and 总计 (row sums still hold) → balance in both columns (English)', () => {
    const doc = renderSeed(readSeed('001'), 'tsv');
    let text = setCell(doc, 'requests', 'received', 'person', '23');
    text = setCell(text, 'requests', 'received', 'total', '24');
    const ds = diagnostics(text, { lang: 'en' });
    const at = cellOf(doc, 'requests', 'carriedOut', 'person').range;
    expect(ds.map(brief)).toEqual([
      `${at.start.line}:${at.start.character} error balance`,
      `${at.start.line}:${cellOf(doc, 'requests', 'carriedOut', 'total').range.start.character} error balance`,
    ]);
    expect(ds[0].message).toBe('Column 自然人: received plus carried in (23+0=23) does not equal handled plus carried out (21+0=21)');
    expect(ds[0].fixes[0].title).toBe('Set carried out to 2 to balance');
    expect(fixAll(text).text).toBe(text);
  });

  it('no fix when the balancing 结转下年度 would be negative', () => {
    const doc = readSeed('001');
    let text = setCell(doc, 'requests', 'received', 'person', '19');
    text = setCell(text, 'requests', 'received', 'total', '20');
    const d = only(text, 'balance')[0];
    expect(d.message).toBe('自然人列：第一项加第二项之和（19+0=19）不等于第三项加第四项之和（21+0=21）');
    expect(d.fixes).toEqual([]);
  });
});
