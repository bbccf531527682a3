// table-shape: a row the template requires is missing, a row matches no row of
// the template, a row holds the wrong number of figures; an extra provincial
// row in table 二 is tolerated with a warning.
import { describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { brief, deleteLines, diagnostics, lineOf, only, rangeOf, replaceOnLine } from '../support/edit';
import { renderSeed } from '../support/render-seed';
import { lint } from '../../server/src/engine/lint';

const seed = readSeed('001');

describe('table-shape', () => {
  it('TAB rows: the row 2.重复申请 deleted → error where the row belongs (at the row after it), naming the row', () => {
    const doc = renderSeed(seed, 'tsv');
    const row = lineOf(doc, '2.重复申请');
    const text = deleteLines(doc, row, row + 1);
    const next = lineOf(text, '3.要求提供公开出版物');
    const at = text.split('\n')[next].indexOf('3.要求提供公开出版物');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual([`${next}:${at} error table-shape`]);
    expect(ds[0].range).toEqual(rangeOf(next, at));
    expect(ds[0].message).toBe('表格缺少模板要求的行：2.重复申请');
  });

  it('Word text: a row relabelled 2.网上咨询转办 → error on that label, and the missing row', () => {
    const row = lineOf(seed, '2.重复申请');
    const text = replaceOnLine(seed, row, '2.重复申请', '2.网上咨询转办');
    const ds = only(text, 'table-shape');
    // Another row, not a typo of 2.重复申请: not placed by position.
    expect(ds.map(brief)).toEqual([`${row}:1 error table-shape`, `${lineOf(seed, '3.要求提供公开出版物')}:1 error table-shape`]);
    expect(ds[0].range).toEqual(rangeOf(row, 1, 1 + '2.网上咨询转办'.length));
    expect(ds[0].message).toBe('无法将此行“2.网上咨询转办”对应到模板中的任何一行');
    expect(ds[1].message).toBe('表格缺少模板要求的行：2.重复申请');
  });

  it('English: the unknown row', () => {
    const row = lineOf(seed, '2.重复申请');
    const text = replaceOnLine(seed, row, '2.重复申请', '2.网上咨询转办');
    expect(only(text, 'table-shape', { lang: 'en' })[0].message).toBe('This row ("2.网上咨询转办") matches no row of the template');
  });

  it('Markdown: the data row of 四 lost three figures → error on the row', () => {
    const doc = renderSeed(seed, 'markdown');
    const row = lineOf(doc, /^\| 0 \| 0 \| 0 \| 0 \| 0 \| 0 /);
    const text = replaceOnLine(doc, row, '| 0 | 0 | 0 |', '|');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual([`${row}:0 error table-shape`]);
    expect(ds[0].message).toBe('行政复议、行政诉讼表的数据行应有 15 个数，实有 12 个');
  });

  it('an extra provincial row in table 二 → warning, left out', () => {
    const doc = renderSeed(seed, 'tsv');
    const at = lineOf(doc, '行政强制');
    const lines = doc.split('\n');
    lines.splice(at + 1, 0, '其他主动公开文件\t5\t\t');
    const ds = diagnostics(lines.join('\n'));
    expect(ds.map(brief)).toEqual([`${at + 1}:0 warning table-shape`]);
    expect(ds[0].message).toBe('“其他主动公开文件”不是模板中的行，已略过');
  });

  it('a row of 三 with eight figures → error on its label', () => {
    const doc = renderSeed(seed, 'tsv');
    const row = lineOf(doc, '一、本年新收政府信息公开申请数量');
    const text = replaceOnLine(doc, row, '\t21\t1\t', '\t21\t1\t1\t');
    const ds = only(text, 'table-shape');
    expect(ds.map(brief)).toEqual([`${row}:0 error table-shape`]);
    expect(ds[0].message).toBe('“一、本年新收政府信息公开申请数量”一行应有 7 个数，实有 8 个');
  });
});

describe('a row label with a typo, as real reports carry them (`2.其他法律行政止公开` in the 洪泽 reports)', () => {
  const typo = (doc: string) => doc.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
  for (const shape of ['word', 'tsv', 'markdown'] as const) {
    it(`${shape}: read as its row by position, with one warning and no error`, () => {
      const doc = shape === 'word' ? seed : renderSeed(seed, shape);
      const text = typo(doc);
      expect(text).not.toBe(doc);
      const r = lint(text);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual(lint(doc).diagnostics.filter((d) => d.severity === 'error'));
      const w = r.diagnostics.filter((d) => d.rule === 'table-shape');
      expect(w.map((d) => [d.severity, d.message])).toEqual([['warning', '行名“2.其他法律行政止公开”与模板不符，按所在位置读作“2.其他法律行政法规禁止公开”']]);
      expect(r.report.tables.requests.rows.some((x) => x.key === 'refused.2')).toBe(true);
    });
  }
});
