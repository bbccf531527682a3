// table-missing: a section that must hold a statistical table (二, 三, 四) has
// none. Reported on the section heading; the fix (a suggestion) inserts the
// empty standard table in the document's shape right after the heading.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';
import { applyFix, brief, deleteLines, lineOf, only, rangeOf } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001');

describe('table-missing', () => {
  it('Word text: the table under 四 deleted → error on the heading, fix inserts the empty table as Word cells', () => {
    const heading = lineOf(seed, '（四）因政府信息公开工作被申请行政复议');
    const next = lineOf(seed, '（五）政府信息公开工作存在的主要问题及改进情况');
    const text = deleteLines(seed, heading + 1, next - 1);
    const ds = only(text, 'table-missing');
    const headingText = '（四）因政府信息公开工作被申请行政复议、提起行政诉讼情况';
    expect(ds.map(brief)).toEqual([`${heading}:0 error table-missing`]);
    expect(ds[0].range).toEqual(rangeOf(heading, 0, headingText.length));
    expect(ds[0].message).toBe(`“${headingText}”下缺少统计表`);
    expect(ds[0].fixes[0].suggestionOnly).toBe(true);
    const inserted = ds[0].fixes[0].edits[0].newText;
    expect(inserted.startsWith('\n\t行政复议\n\t行政诉讼\n\n\t结果维持\n')).toBe(true);
    const fixed = applyFix(text, ds[0]);
    const r = lint(fixed);
    expect(r.report.tables.review.rows).toHaveLength(1);
    expect(r.diagnostics.filter((d) => d.rule === 'table-missing' || d.rule === 'table-shape')).toEqual([]);
    // the three 总计 cells of the inserted table are blank
    expect(r.diagnostics.filter((d) => d.rule === 'row-total').map((d) => d.message)).toEqual([
      '行政复议·总计：总计为空，应为 0（0+0+0+0）',
      '未经复议直接起诉·总计：总计为空，应为 0（0+0+0+0）',
      '复议后起诉·总计：总计为空，应为 0（0+0+0+0）',
    ]);
  });

  it('Markdown: the table under 二 deleted → the fix inserts a GFM table with the 2021 blocks; English message', () => {
    const doc = renderSeed(seed, 'markdown');
    const heading = lineOf(doc, '行政机关主动公开政府信息情况');
    const next = lineOf(doc, '收到和处理政府信息公开申请情况');
    const text = deleteLines(doc, heading + 1, next - 1);
    const d = only(text, 'table-missing', { lang: 'en' })[0];
    expect(d.message).toBe('No statistical table under "（二）行政机关主动公开政府信息情况"');
    expect(d.fixes[0].edits[0].newText.split('\n').slice(0, 5)).toEqual([
      '',
      '',
      '| 第二十条第（一）项 |  |  |  |',
      '| --- | --- | --- | --- |',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    ]);
    const r = lint(applyFix(text, d));
    expect(r.report.tables.proactive.rows.map((x) => x.key)).toEqual(['regulations', 'normativeDocuments', 'licensing', 'penalties', 'enforcement', 'fees']);
  });

  it('the empty standard 2021 table of 三 is read as the 2021 layout (no template-version)', () => {
    const doc = renderSeed(seed, 'tsv');
    const heading = lineOf(doc, '收到和处理政府信息公开申请情况');
    const next = lineOf(doc, '因政府信息公开工作被申请行政复议');
    const text = deleteLines(doc, heading + 1, next);
    const d = only(text, 'table-missing')[0];
    const r = lint(applyFix(text, d));
    expect(r.report.layout?.profile).toBe('2021');
    expect(r.report.tables.requests.rows).toHaveLength(25);
    expect(r.diagnostics.filter((x) => x.rule === 'template-version')).toEqual([]);
  });
});
