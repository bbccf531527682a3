import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';

const rule = (text: string, id: string) => lint(text).diagnostics.filter((d) => d.rule === id);

describe('fee-statement', () => {
  it('flags seed 000, whose section 六 is empty, on the heading of 六', () => {
    const [d] = rule(readSeed('000'), 'fee-statement');
    expect(d.range).toEqual({ start: { line: 405, character: 0 }, end: { line: 405, character: 11 } });
  });
  it('accepts the wordings of seeds 001 (政府信息公开处理费), 002 and 003 (信息处理费)', () => {
    for (const seed of ['001', '002', '003']) expect(rule(readSeed(seed), 'fee-statement')).toEqual([]);
  });
  it('does not take 行政事业性收费 for the fee statement', () => {
    const text = readSeed('002').replace('2023年，依据《政府信息公开信息处理费管理办法》，未收取信息处理费。', '本年度行政事业性收费 0 万元。');
    expect(rule(text, 'fee-statement')).toHaveLength(1);
  });
  it('does not apply to a 2020 report (2019 format)', () => {
    expect(rule(readSeed('004'), 'fee-statement')).toEqual([]);
  });
});

describe('publish-date', () => {
  it('flags seed 003, a 2023 report signed 2023年1月17日, on the date', () => {
    const [d] = rule(readSeed('003'), 'publish-date');
    expect(d.range).toEqual({ start: { line: 414, character: 0 }, end: { line: 414, character: 10 } });
    expect(d.message).toBe('日期“2023年1月17日”不晚于 2023 年末：2023 年度的报告应在 2024 年发布');
  });
  it('accepts seed 000 dated （2024年1月） under its title', () => {
    expect(rule(readSeed('000'), 'publish-date')).toEqual([]);
  });
  it('applies the department deadline (1月31日) to a 人民政府办公室 and says so', () => {
    const text = readSeed('003').replace('2023年1月17日', '2024年2月5日');
    const [d] = rule(text, 'publish-date');
    expect(d.message).toBe('日期“2024年2月5日”晚于法定期限 2024年1月31日（条例第四十九条，政府部门的年度报告）');
  });
  it("applies the government deadline (3月31日) to a 人民政府's own report", () => {
    const base = readSeed('003').replace('威县人民政府办公室\n2023年', '威县人民政府\n2023年');
    expect(rule(base.replace('2023年1月17日', '2024年3月20日'), 'publish-date')).toEqual([]);
    const [d] = rule(base.replace('2023年1月17日', '2024年4月2日'), 'publish-date');
    expect(d.message).toContain('2024年3月31日（条例第四十九条，县级以上人民政府的年度报告）');
  });
  it('reads a date in Chinese numerals', () => {
    const [d] = rule(readSeed('003').replace('2023年1月17日', '二〇二三年十二月一日'), 'publish-date');
    expect(d.message).toContain('不晚于 2023 年末');
  });
});

describe('report-year', () => {
  it('flags the 2022 in seed 002 (a 2023 report) on the year', () => {
    const [d] = rule(readSeed('002'), 'report-year');
    expect(d.range).toEqual({ start: { line: 10, character: 280 }, end: { line: 10, character: 284 } });
    expect(d.message).toBe('此处写 2022 年，报告年度为 2023 年');
  });
  it('leaves comparisons and plans alone (同比, 2024年我局将…)', () => {
    expect(rule(readSeed('000'), 'report-year')).toEqual([]);
    expect(rule(readSeed('001'), 'report-year')).toEqual([]);
  });
  it('flags a statistics period of another year', () => {
    const text = readSeed('001').replace('本报告中所列数据的统计期限为2023年1月1日', '本报告中所列数据的统计期限为2022年1月1日');
    const ds = rule(text, 'report-year');
    expect(ds.map((d) => d.message)).toEqual(['统计期限为 2022 年，标题为 2023 年']);
  });
});
