// heading-numbering: the six parts in one numbering system and in their
// places; sub-headings in sequence within a part. Warnings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits';
import { lint } from '../../server/src/engine/lint';
import type { LintOptions } from '../../server/src/core/types';
import { brief, lineOf, replaceOnLine } from '../support/edit';
import { CORPUS, readSeed, SEEDS } from '../support/fixtures';

const ID = 'heading-numbering';
const only = (text: string, options: LintOptions = {}) => lint(text, options).diagnostics.filter((d) => d.rule === ID);
const corpus = (name: string) => readFileSync(join(CORPUS, name), 'utf8');

describe('heading-numbering', () => {
  it('real reports: kewei-2024, whose parts restart at 一 after the sub-topics of 总体情况 (二、 … 六、), and pingtan-2023’s 一是/三是/三是', () => {
    const quiet = [...readdirNames(CORPUS), ...readdirNames(SEEDS)].filter((f) => !f.endsWith('kewei-2024.md') && !f.endsWith('pingtan-zone-2023.txt'));
    for (const f of quiet) expect(only(readFileSync(f, 'utf8')), f).toEqual([]);
    // As published, in the flattened page: 一是 … 三是 … 三是.
    expect(only(corpus('pingtan-zone-2023.txt')).map((d) => d.message)).toEqual(['小标题“一是”之后是“三是”，缺少“二是”', '小标题“三是”与上一个重复，应为“四是”']);
    const ds = only(corpus('kewei-2024.md'));
    expect(ds.map(brief)).toEqual(['72:0 warning heading-numbering']);
    expect(ds[0].message).toBe(
      '部分标题的编号依次为 一、 一、 二、 三、 五、，按其内容应为 一、 二、 三、 四、 六、：“一、主动公开政府信息情况”是第二部分',
    );
    // the other misplaced parts, then the sub-topics of 总体情况 numbered like parts
    expect(ds[0].related.map((r) => `${r.range.start.line} ${r.message}`)).toEqual([
      '90 “二、收到和处理政府信息公开申请情况”应编为“三、”',
      '179 “三、政府信息公开行政复议、行政诉讼情况”应编为“四、”',
      '204 “五、其他需要报告的事项”应编为“六、”',
      '22 “一、总体情况”之下的“二、工作机制保障”与部分标题用同一种编号',
      '29 “一、总体情况”之下的“三、主动公开工作情况”与部分标题用同一种编号',
      '40 “一、总体情况”之下的“四、政府信息公开申请情况”与部分标题用同一种编号',
      '47 “一、总体情况”之下的“五、政府信息管理”与部分标题用同一种编号',
      '54 “一、总体情况”之下的“六、政府信息公开平台建设”与部分标题用同一种编号',
    ]);
    // the suggestion renumbers the four parts, and nothing else
    const fixed = applyEdits(corpus('kewei-2024.md'), ds[0].fixes[0].edits);
    expect(ds[0].fixes[0].suggestionOnly).toBe(true);
    expect(fixed.split('\n').filter((l, i) => l !== corpus('kewei-2024.md').split('\n')[i])).toEqual([
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '六、其他需要报告的事项',
    ]);
  });

  it('a sub-heading repeated: （一）（二）（二）（四） → on the second （二）, suggestion （三）', () => {
    const seed = readSeed('003');
    const line = lineOf(seed, '（三）政府信息管理情况');
    const text = replaceOnLine(seed, line, '（三）', '（二）');
    const ds = only(text);
    const at = '[bookmark: _GoBack]'.length;
    expect(ds.map(brief)).toEqual([`${line}:${at} warning heading-numbering`]);
    expect(ds[0].message).toBe('小标题“（二）”与上一个重复，应为“（三）”');
    expect(ds[0].related[0]).toMatchObject({ message: '上一个：“（二）”', range: { start: { line: line - 1, character: 0 } } });
    expect(applyEdits(text, ds[0].fixes[0].edits)).toBe(seed);
  });

  it('一是/三是/三是: 二是 missing, then 三是 repeated (English)', () => {
    const seed = readSeed('003');
    const line = lineOf(seed, '存在的问题：一是');
    const text = replaceOnLine(seed, line, '二是', '三是');
    const ds = only(text, { lang: 'en' });
    const at = seed.split('\n')[line].indexOf('二是');
    const third = seed.split('\n')[line].indexOf('三是');
    expect(ds.map(brief)).toEqual([`${line}:${at} warning heading-numbering`, `${line}:${third} warning heading-numbering`]);
    expect(ds.map((d) => d.message)).toEqual([
      'The sub-heading "三是" follows "一是": "二是" missing',
      'The sub-heading "三是" repeats the one before; it should be "四是"',
    ]);
    // 四是 would not fit: nothing comes after, so the suggestion is offered; the skip has none
    expect(ds[0].fixes).toEqual([]);
  });

  it('a part numbered in another system: 2. among 一、 … 六、', () => {
    const seed = readSeed('002');
    const line = lineOf(seed, '二、主动公开政府信息情况');
    const text = replaceOnLine(seed, line, '二、', '2.');
    const ds = only(text);
    expect(ds.map(brief)).toEqual([`${line}:3 warning heading-numbering`]);
    expect(ds[0].message).toBe('部分标题“2.主动公开政府信息情况”的编号“2.”与其他部分标题（一、）不是同一种编号');
  });

  it('the six parts numbered 1 – 5 in Arabic numerals, 五 left out', () => {
    let text = readSeed('002');
    const numbers = ['一', '二', '三', '四', '六'];
    numbers.forEach((n, i) => {
      const line = lineOf(text, new RegExp(`^#+ ${n}、`));
      text = replaceOnLine(text, line, `${n}、`, `${i + 1}. `);
    });
    text = text.replace(/^#+ 五、.*$/m, '');
    const ds = only(text);
    expect(ds.map((d) => d.message)).toEqual([
      '六个部分按格式以“一、”至“六、”编号，此处用了阿拉伯数字',
      '部分标题的编号依次为 1. 2. 3. 4. 5.，按其内容应为 1. 2. 3. 4. 6.：“5. 其他需要报告的事项”是第六部分',
    ]);
  });
  it('pingtan-zone-2023’s 五, 一是/三是/三是 as published, set in a report whose parts are read (洪泽区 2024)', () => {
    const pingtan = corpus('pingtan-zone-2023.txt');
    const five = /五、存在的主要问题及改进情况(.*?)六、其他需要报告的事项/.exec(pingtan)![1].trim();
    const host = corpus('huaian-hongze-district-gov-2024.txt');
    const lines = host.split('\n');
    const from = lineOf(host, '五、存在的主要问题及改进情况') + 1;
    const text = [...lines.slice(0, from), five, ...lines.slice(lineOf(host, '六、其他需要报告的事项'))].join('\n');
    const ds = only(text);
    expect(ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`)).toEqual([
      `${from}:${five.indexOf('三是')} 小标题“一是”之后是“三是”，缺少“二是”`,
      `${from}:${five.indexOf('三是', five.indexOf('三是') + 1)} 小标题“三是”与上一个重复，应为“四是”`,
    ]);
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir).map((f) => join(dir, f));
}
