// cell-value: a cell that must hold a non-negative integer holds text, a
// negative number or a decimal (error); full-width digits are read and the fix
// writes them in ASCII (warning); a blank part is read as 0 (warning, fix
// fills in 0). Padded numbers are read as they are and not reported.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { readSeed } from '../support/fixtures';
import { applyFix, brief, cellOf, only, rangeOf, setCell, diagnostics } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001'); // 一、本年新收 · 自然人 is 21, on line 86 (0-based), after its TAB
const AT = rangeOf(86, 1, 3);

describe('cell-value', () => {
  it('the cell under test', () => {
    expect(cellOf(seed, 'requests', 'received', 'person')).toMatchObject({ text: '21', range: AT, value: 21 });
  });

  it('text → error on the cell, no fix; the sums with an unreadable cell are not judged', () => {
    const text = setCell(seed, 'requests', 'received', 'person', '若干');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual(['86:1 error cell-value']);
    expect(ds[0].range).toEqual(AT);
    expect(ds[0].message).toBe('应填非负整数，实为“若干”');
    expect(ds[0].fixes).toEqual([]);
  });

  it('a negative number → error; the sums then point at the same cell', () => {
    const text = setCell(seed, 'requests', 'received', 'person', '-1');
    const ds = only(text, 'cell-value');
    expect(ds.map(brief)).toEqual(['86:1 error cell-value']);
    expect(ds[0].message).toBe('应填非负整数，实为 -1');
    expect(only(text, 'cell-conflict').map(brief)).toEqual(['86:1 error cell-conflict']);
    expect(fixAll(text).text).toBe(seed);
  });

  it('a decimal → error (English)', () => {
    const text = setCell(seed, 'requests', 'received', 'person', '1.5');
    const ds = only(text, 'cell-value', { lang: 'en' });
    expect(ds.map(brief)).toEqual(['86:1 error cell-value']);
    expect(ds[0].range).toEqual(rangeOf(86, 1, 4));
    expect(ds[0].message).toBe('Should hold a non-negative integer, found 1.5');
  });

  it('full-width digits ２１ → read as 21, warning, the fix normalises', () => {
    const text = setCell(seed, 'requests', 'received', 'person', '２１');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual(['86:1 warning cell-value']);
    expect(ds[0].message).toBe('全角数字“２１”按 21 读取');
    expect(ds[0].fixes[0]).toMatchObject({ title: '改为半角 21', isPreferred: true, edits: [{ range: AT, newText: '21' }] });
    expect(applyFix(text, ds[0])).toBe(seed);
    expect(fixAll(text).text).toBe(seed);
  });

  it('a blank part → warning “read as 0”, the fix fills in 0', () => {
    const text = setCell(seed, 'requests', 'granted', 'business', '');
    const at = cellOf(seed, 'requests', 'granted', 'business').range;
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual([`${at.start.line}:1 warning cell-value`]);
    expect(ds[0].range).toEqual(rangeOf(at.start.line, 1, 1));
    expect(ds[0].message).toBe('空白单元格，按 0 计');
    expect(applyFix(text, ds[0])).toBe(seed);
  });

  it('a blank 总计 is not cell-value’s: row-total reports it and fills it in', () => {
    const text = setCell(seed, 'requests', 'received', 'total', '');
    expect(only(text, 'cell-value')).toEqual([]);
    const d = only(text, 'row-total')[0];
    expect(d.message).toBe('一、本年新收政府信息公开申请数量 · 总计：总计为空，应为 22（21+1+0+0+0+0）');
    expect(d.fixes[0].title).toBe('填入总计 22');
    expect(fixAll(text).text).toBe(seed);
  });

  it('n/a marks (/, —) are read as 0 and not reported', () => {
    const text = setCell(seed, 'requests', 'granted', 'business', '/');
    expect(only(text, 'cell-value')).toEqual([]);
    expect(diagnostics(setCell(seed, 'requests', 'granted', 'business', '—'))).toEqual([]);
  });

  it('Markdown and TAB rows: same finding at the cell', () => {
    for (const shape of ['markdown', 'tsv'] as const) {
      const doc = renderSeed(seed, shape);
      const text = setCell(doc, 'requests', 'received', 'person', '若干');
      const at = cellOf(doc, 'requests', 'received', 'person').range;
      expect(only(text, 'cell-value').map((d) => d.range)).toEqual([{ start: at.start, end: { ...at.start, character: at.start.character + 2 } }]);
    }
  });

  it('table 二: 2019 signed 本年增/减 and amounts with units are allowed', () => {
    const s004 = readSeed('004');
    expect(only(s004, 'cell-value')).toEqual([]);
    const text = setCell(s004, 'proactive', 'licensing', 'change', '-2');
    expect(only(text, 'cell-value')).toEqual([]);
    const bad = setCell(s004, 'proactive', 'licensing', 'decisions', '-2');
    expect(only(bad, 'cell-value').map((d) => d.message)).toEqual(['应填非负整数，实为 -2']);
  });
});
