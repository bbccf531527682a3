// hierarchy-sum: every count cell of a summary report's 表二, 表三 and 表四 is
// the sum of its units' reports of the same year.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits';
import { parseReport } from '../../server/src/core/parse';
import { checkHierarchy, type Unit } from '../../server/src/rules/hierarchy-sum';
import { cellOf, setCell } from '../support/edit';
import { readSeed } from '../support/fixtures';
import { summaryOf } from '../support/summary';

/** Three real 2023 reports (衡水市生态环境局, 聊城市生态环境局, 威县人民政府办公室) as the units. */
const UNITS = ['000', '001', '003'].map((n) => ({ uri: `file:///units/${n}.txt`, name: n, report: parseReport(readSeed(n)) }));

const check = (text: string, units: Unit[] = UNITS, lang: 'zh' | 'en' = 'zh') =>
  checkHierarchy({ uri: 'file:///summary.txt', report: parseReport(text) }, units, { lang });

describe('hierarchy-sum', () => {
  const summary = summaryOf(UNITS.map((u) => u.report));

  it('a summary whose every cell is the sum of the three units is quiet', () => {
    expect(check(summary)).toEqual([]);
  });

  it('one cell off by one → exactly that cell, an error, with the three units’ figures as related information', () => {
    const right = cellOf(summary, 'requests', 'granted', 'person').value!;
    const text = setCell(summary, 'requests', 'granted', 'person', String(right + 1));
    const ds = check(text);
    expect(ds).toHaveLength(1);
    const [d] = ds;
    const parts = UNITS.map((u) => u.report.tables.requests.rows.find((r) => r.key === 'granted')!.cells.person);
    expect(d).toMatchObject({ rule: 'hierarchy-sum', severity: 'error', range: cellOf(text, 'requests', 'granted', 'person').range });
    expect(d.message).toBe(`（一）予以公开 · 自然人：应为各下级报告之和 ${right}（${parts.map((c) => c.value).join('+')}），实为 ${right + 1}`);
    expect(d.related).toEqual([
      { message: `衡水市生态环境局：${parts[0].value}`, range: parts[0].range, uri: 'file:///units/000.txt' },
      { message: `聊城市生态环境局：${parts[1].value}`, range: parts[1].range, uri: 'file:///units/001.txt' },
      { message: `威县人民政府办公室：${parts[2].value}`, range: parts[2].range, uri: 'file:///units/003.txt' },
    ]);
    // which report is wrong is for the writer to say: a suggestion only
    expect(d.fixes[0]).toMatchObject({ suggestionOnly: true, edits: [{ newText: String(right) }] });
    expect(applyEdits(text, d.fixes[0].edits)).toBe(summary);
  });

  it('表二 and 表四 cells too (English)', () => {
    const inForce = cellOf(summary, 'proactive', 'normativeDocuments', 'inForce').value!;
    const reviews = cellOf(summary, 'review', 'cases', 'review.total').value!;
    let text = setCell(summary, 'proactive', 'normativeDocuments', 'inForce', String(inForce + 1));
    text = setCell(text, 'review', 'cases', 'review.total', String(reviews + 2));
    expect(check(text, UNITS, 'en').map((d) => d.message)).toEqual([
      expect.stringMatching(new RegExp(`^行政规范性文件 · 现行有效件数: the units' reports add up to ${inForce} \\(\\d+\\+\\d+\\+\\d+\\), this report says ${inForce + 1}$`)),
      expect.stringMatching(new RegExp(`: the units' reports add up to ${reviews} \\(\\d+\\+\\d+\\+\\d+\\), this report says ${reviews + 2}$`)),
    ]);
  });

  it('a unit missing, unreadable or of another year → one info on the summary, no sums checked', () => {
    const text = setCell(summary, 'requests', 'granted', 'person', '999');
    const units: Unit[] = [
      UNITS[0],
      { uri: 'file:///units/x.txt', name: 'units/x.txt', problem: '找不到文件' },
      { uri: 'file:///units/004.txt', name: '004', report: parseReport(readSeed('004')) },
    ];
    const ds = check(text, units);
    expect(ds.map((d) => [d.severity, d.message])).toEqual([
      ['info', '未核对下级报告之和：units/x.txt（找不到文件）、004（2020 年度，汇总报告为 2023 年度）'],
    ]);
    expect(ds[0].range.start.line).toBe(parseReport(text).title!.range.start.line);
  });
});
