import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';

const summary = (name: string) =>
  lint(readSeed(name)).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule}`);

describe('the five seed reports', () => {
  it('000: section 六 is empty, so it says nothing of fees either', () => {
    expect(summary('000')).toEqual(['406:1 warning section-empty', '406:1 warning fee-statement']);
  });
  it('001 is clean', () => {
    expect(summary('001')).toEqual([]);
  });
  it('002: its overview is over 1,000 characters and speaks of 2022 in a 2023 report; no statistics period, the regulation only as 《政府信息公开条例》', () => {
    expect(summary('002')).toEqual(['3:1 info citation', '5:4 warning overview-length', '11:281 warning report-year', '23:9 warning citation']);
  });
  it('003: balance broken in the 自然人 and 总计 columns, on the 结转下年度 cells; signed inside 2023', () => {
    expect(summary('003')).toEqual(['6:1 warning overview-length', '340:2 error balance', '346:2 error balance', '415:1 warning publish-date']);
  });
  it('004 is read as the 2019 template and gets title; no statistics period (info)', () => {
    const r = lint(readSeed('004'));
    expect(r.report.profile).toBe('2019');
    expect(summary('004')).toEqual(['2:1 warning title', '2:1 info citation']);
  });
});
