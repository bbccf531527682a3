import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';

/**
 * A fixture pair of two consecutive years of one agency. The 2022 report is
 * derived from seed 003 (威县人民政府办公室, 2023): same text, title year 2022,
 * and its 结转下年度继续办理 row (0-based lines 339–345) set to `carriedOut`.
 */
function lastYearOf003(carriedOut: number[]): string {
  const lines = readSeed('003').replace('2023年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告').split('\n');
  carriedOut.forEach((v, i) => (lines[339 + i] = `\t${v}`));
  return lines.join('\n');
}

const carried = (text: string, previous?: string) =>
  lint(text, previous ? { previous: { uri: 'file:///reports/2022.txt', text: previous } } : {}).diagnostics.filter((d) => d.rule === 'carried-over' && d.severity === 'warning');

describe('carried-over', () => {
  it("flags this year's 上年结转 that differs from last year's 结转下年度, per column, linking last year's cell", () => {
    const ds = carried(readSeed('003'), lastYearOf003([2, 0, 0, 0, 0, 0, 2]));
    expect(ds.map((d) => [d.range.start.line, d.message])).toEqual([
      [91, '自然人：上年结转为 0，而 2022 年报告的结转下年度继续办理为 2'],
      [97, '总计：上年结转为 0，而 2022 年报告的结转下年度继续办理为 2'],
    ]);
    expect(ds[0].related[0]).toMatchObject({ uri: 'file:///reports/2022.txt', range: { start: { line: 339 } } });
  });

  it('is silent when the figures agree, or when the other report is not last year', () => {
    expect(carried(readSeed('003'), lastYearOf003([0, 0, 0, 0, 0, 0, 0]))).toEqual([]);
    expect(carried(readSeed('003'), readSeed('003'))).toEqual([]);
    expect(carried(readSeed('003'))).toEqual([]);
  });

  it('gives a hint when 现行有效件数 does not follow from last year (2021 table 二)', () => {
    const last = lastYearOf003([0, 0, 0, 0, 0, 0, 0]).split('\n');
    last[29] = '\t10';
    const hints = lint(readSeed('003'), { previous: { uri: 'file:///2022.txt', text: last.join('\n') } }).diagnostics.filter(
      (d) => d.rule === 'carried-over' && d.severity === 'info',
    );
    expect(hints.map((d) => d.message)).toEqual(['行政规范性文件现行有效件数为 12，按上年 10 + 本年制发 7 − 本年废止 0 应为 17（清理文件时可能不同）']);
  });
});
