// section-duplicate: the same required section appears twice; reported on the
// second heading, with related information on the first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, readSeed } from '../support/fixtures';
import { brief, lineOf, only, rangeOf } from '../support/edit';
import { renderSeed } from '../support/render-seed';
import { lint } from '../../server/src/engine/lint';

const seed = readSeed('001');
const FIVE = '（五）政府信息公开工作存在的主要问题及改进情况';

describe('section-duplicate', () => {
  it('Word text: the heading of 五 written again before 六 → warning on the second heading', () => {
    const six = lineOf(seed, '（六）其他需要报告的事项');
    const lines = seed.split('\n');
    lines.splice(six, 0, FIVE, '补充说明：无。', '');
    const text = lines.join('\n');
    const first = lineOf(text, FIVE);
    const ds = only(text, 'section-duplicate');
    expect(ds.map(brief)).toEqual([`${six}:0 warning section-duplicate`]);
    expect(ds[0].range).toEqual(rangeOf(six, 0, FIVE.length));
    expect(ds[0].message).toBe(`“${FIVE}”重复出现（第 ${first + 1} 行已有）`);
    expect(ds[0].related.map((r) => r.range)).toEqual([rangeOf(first, 0, FIVE.length)]);
    expect(only(text, 'section-order')).toEqual([]);
  });

  it('Markdown: a second ## 一、总体情况 written as （一）总体情况 further down is the same section', () => {
    const doc = renderSeed(readSeed('003'), 'markdown');
    const two = lineOf(doc, '## 二、');
    const lines = doc.split('\n');
    lines.splice(two, 0, '## （一）总体情况', '', '见上文。', '');
    const text = lines.join('\n');
    const ds = only(text, 'section-duplicate', { lang: 'en' });
    expect(ds.map(brief)).toEqual([`${two}:3 warning section-duplicate`]);
    expect(ds[0].message).toBe(`"（一）总体情况" appears again (first on line ${lineOf(text, '## 一、总体情况') + 1})`);
  });
});

describe('parts named in a sentence are not headings', () => {
  it('an introduction listing the numbered parts (`本报告包括一、总体情况，二、…`): no duplicate, tables found under the real headings', () => {
    const lines = seed.split('\n');
    const intro = '本报告由一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项等六部分组成。';
    const at = lines.findIndex((l) => /总体情况/.test(l));
    const text = [...lines.slice(0, at), intro, ...lines.slice(at)].join('\n');
    const r = lint(text);
    expect(r.diagnostics.filter((d) => d.rule === 'section-duplicate' || d.severity === 'error').map((d) => d.rule)).toEqual(
      lint(seed).diagnostics.filter((d) => d.rule === 'section-duplicate' || d.severity === 'error').map((d) => d.rule),
    );
    expect(r.report.sections.every((s) => s.headingRange.start.line !== at)).toBe(true);
  });
});

describe('parts listed in a flattened page', () => {
  it('the list in the introduction is passed over; the headings inside the one line are found', () => {
    const text = readFileSync(join(CORPUS, 'pingtan-zone-2021.txt'), 'utf8').replace(
      /本报告包括总体情况、[^。]*等六个部分/,
      '本报告包括一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况和六、其他需要报告的事项等六个部分',
    );
    expect(text).toContain('和六、其他需要报告的事项等六个部分');
    const r = lint(text);
    expect(r.report.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.diagnostics.filter((d) => d.severity === 'error' || d.rule === 'section-duplicate')).toEqual([]);
  });
});
