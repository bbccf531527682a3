// citation: 《中华人民共和国政府信息公开条例》 and 国办公开办函〔2021〕30号 written as
// named and numbered; the statistics period from 1 January to 31 December.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits';
import { lint } from '../../server/src/engine/lint';
import type { LintOptions } from '../../server/src/core/types';
import { brief, lineOf } from '../support/edit';
import { CORPUS, readSeed, SEEDS } from '../support/fixtures';

const only = (text: string, options: LintOptions = {}) => lint(text, options).diagnostics.filter((d) => d.rule === 'citation');
/** Seed 003 (威县人民政府办公室, 2023); its line 4 cites the regulation and states the period. */
const seed = readSeed('003');
const INTRO = lineOf(seed, '威县人民政府办公室根据');
const CITED = '《中华人民共和国政府信息公开条例》《河北省实施〈中华人民共和国政府信息公开条例〉办法》';
const withNotice = (notice: string) =>
  seed.replace(CITED, `${CITED}和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（${notice}）`);

describe('citation', () => {
  it('real reports: seed 002 only names 《政府信息公开条例》; 002 and 004 state no statistics period (info); the rest are quiet', () => {
    const files = [...readdirSync(CORPUS).map((f) => join(CORPUS, f)), ...readdirSync(SEEDS).map((f) => join(SEEDS, f))];
    const found = files.flatMap((f) => only(readFileSync(f, 'utf8')).map((d) => `${f.split('/').pop()} ${brief(d)} ${d.message}`));
    expect(found).toEqual([
      '002_6ef1e1ca7e89b0c7.txt 2:0 info citation 报告未写明数据的统计期限（如“本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止”）',
      '002_6ef1e1ca7e89b0c7.txt 22:8 warning citation 条例的全称为《中华人民共和国政府信息公开条例》，报告中未写全称',
      '004_a31d191120c467ea.txt 1:0 info citation 报告未写明数据的统计期限（如“本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止”）',
    ]);
  });

  it('the notice cited rightly is quiet; （2021）第30号 → warning, fix 〔2021〕30号', () => {
    expect(only(withNotice('国办公开办函〔2021〕30号'))).toEqual([]);
    const text = withNotice('国办公开办函（2021）第30号');
    const [d, ...rest] = only(text);
    expect(rest).toEqual([]);
    expect(d.message).toBe('文号应写作“国办公开办函〔2021〕30号”：年份用六角括号〔〕，序号前不加“第”');
    expect(d.range.start.line).toBe(INTRO);
    expect(applyEdits(text, d.fixes[0].edits)).toBe(withNotice('国办公开办函〔2021〕30号'));
  });

  it('a 2023 report citing the trial format 〔2019〕60号, or the 2021 notice with another number (English)', () => {
    expect(only(withNotice('国办公开办函〔2019〕60号')).map((d) => d.message)).toEqual([
      '2023 年度报告的格式依据是国办公开办函〔2021〕30号，〔2019〕60号是 2019、2020 年度的试行格式',
    ]);
    expect(only(withNotice('国办公开办函〔2021〕3号'), { lang: 'en' }).map((d) => d.message)).toEqual([
      'The format notice is 国办公开办函〔2021〕30号; this says No. 3',
    ]);
  });

  it('the regulation without its title marks → warning; the fix adds 《》 and nothing else', () => {
    const original = '根据《中华人民共和国政府信息公开条例》《河北省';
    const text = seed.replace(original, '根据中华人民共和国政府信息公开条例、《河北省');
    const [d] = only(text);
    expect(d.message).toBe('法规名称应加书名号：《中华人民共和国政府信息公开条例》');
    expect(applyEdits(text, d.fixes[0].edits)).toBe(seed.replace(original, '根据《中华人民共和国政府信息公开条例》、《河北省'));
  });

  it('the statistics period must run from 1 January to 31 December', () => {
    const line = seed.split('\n')[INTRO];
    const endsEarly = seed.replace('2023年1月1日至12月31日', '2023年1月1日至12月30日');
    const ds = only(endsEarly);
    expect(ds.map((d) => d.message)).toEqual(['统计期限应至同年 12月31日 止，此处为“12月30日”']);
    expect(ds[0].range).toEqual({ start: { line: INTRO, character: line.indexOf('12月31日') }, end: { line: INTRO, character: line.indexOf('12月31日') + 6 } });
    expect(only(seed.replace('统计期限为2023年1月1日至12月31日', '统计期限截至2023年12月31日')).map((d) => d.message)).toEqual([
      '统计期限应写明起止日期：自当年1月1日起至12月31日止',
    ]);
    expect(only(seed.replace('2023年1月1日至12月31日', '2023年2月1日至12月31日')).map((d) => d.message)).toEqual([
      '统计期限应从 1月1日 起，此处为“2023年2月1日”',
    ]);
  });
});
