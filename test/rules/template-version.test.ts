// template-version: the tables follow the 2019 format in a report for 2021 or
// later, or the 2021 format in one for 2019/2020; reported on the first table
// row that shows it. Reports before 2019 are said once not to be checked.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';
import { brief, diagnostics, lineOf, only, rangeOf } from '../support/edit';

describe('template-version', () => {
  it('seed 004 (2019 layout) retitled 2022 → warning on （六）其他处理, the row only 2019 has', () => {
    const text = readSeed('004').replace('2020年政府信息公开', '2022年政府信息公开');
    const row = lineOf(text, /^\t（六）其他处理$/);
    const ds = only(text, 'template-version');
    expect(ds.map(brief)).toEqual([`${row}:1 warning template-version`]);
    expect(ds[0].range).toEqual(rangeOf(row, 1, 8));
    expect(ds[0].message).toBe('2022 年度报告应使用 2021 年格式，此表为 2019 年格式');
    expect(ds[0].data).toEqual({ due: '2021', found: '2019' });
    // table 三 is still read in its own (2019) layout: its sums are checked, no shape errors there
    const r = lint(text);
    expect(r.report.tables.requests.rows).toHaveLength(23);
    expect(r.diagnostics.filter((d) => d.rule === 'table-shape' && d.range.start.line >= r.report.tables.requests.range.start.line)).toEqual([]);
  });

  it('seed 001 (2021 layout) retitled 2020 → warning on the row 1.申请人无正当理由逾期不补正… (English)', () => {
    const text = readSeed('001').replace('聊城市生态环境局2023年度', '聊城市生态环境局2020年度');
    const row = lineOf(text, /^\t1\.申请人无正当理由逾期不补正/);
    const ds = only(text, 'template-version', { lang: 'en' });
    expect(ds.map(brief)).toEqual([`${row}:1 warning template-version`]);
    expect(ds[0].message).toBe('A report for 2020 should use the 2019 format; this table follows the 2021 format');
  });

  it('a report for 2017 follows the old regulation: said once, on the title; the template rules stay quiet', () => {
    const text = readSeed('001').replace('聊城市生态环境局2023年度', '聊城市生态环境局2017年度');
    const ds = diagnostics(text);
    expect(ds.map(brief)).toEqual(['0:0 warning template-version']);
    expect(ds[0].range).toEqual(rangeOf(0, 0, 6, 2));
  });

  it('the seeds as published: nothing', () => {
    for (const s of ['000', '001', '002', '003', '004']) expect(only(readSeed(s), 'template-version')).toEqual([]);
  });

  // Each table is read in the layout it follows, so the 2022-titled seed 004 gets
  // template-version alone, not table-shape on every row of its 2019 table 二.
  it('a 2019-layout table 二 in a 2021+ report: template-version only, no table-shape on each row', () => {
    const text = readSeed('004').replace('2020年政府信息公开', '2022年政府信息公开');
    expect(only(text, 'table-shape')).toEqual([]);
  });
});
