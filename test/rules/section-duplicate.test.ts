// section-duplicate: the same required section appears twice; reported on the
// second heading, with related information on the first.
import { describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { brief, lineOf, only, rangeOf } from '../support/edit';
import { renderSeed } from '../support/render-seed';

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
