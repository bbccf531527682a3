// section-order: required sections out of order. The headings of the longest
// run in template order stay; each other heading is reported as out of place.
import { describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { brief, lineOf, moveLines, only, rangeOf } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001');

describe('section-order', () => {
  it('Word text: 六 moved before 五 → error on the heading of 五, now after 六', () => {
    const five = lineOf(seed, '（五）政府信息公开工作存在的主要问题及改进情况');
    const six = lineOf(seed, '（六）其他需要报告的事项');
    const end = seed.split('\n').length - 1;
    const text = moveLines(seed, six, end, five);
    const at = lineOf(text, '（五）政府信息公开工作存在的主要问题及改进情况');
    expect(at).toBeGreaterThan(lineOf(text, '（六）其他需要报告的事项'));
    const ds = only(text, 'section-order');
    expect(ds.map(brief)).toEqual([`${at}:0 error section-order`]);
    expect(ds[0].range).toEqual(rangeOf(at, 0, '（五）政府信息公开工作存在的主要问题及改进情况'.length));
    expect(ds[0].message).toBe('“（五）政府信息公开工作存在的主要问题及改进情况”应位于“（四）因政府信息公开工作被申请行政复议、提起行政诉讼情况”之后');
    expect(ds[0].fixes).toEqual([]);
  });

  it('Markdown: 三 (with its table) moved before 二 → error on ## 二; English message', () => {
    const doc = renderSeed(seed, 'markdown');
    const two = lineOf(doc, '## （二）');
    const three = lineOf(doc, '## （三）');
    const four = lineOf(doc, '## （四）');
    const text = moveLines(doc, three, four, two);
    const at = lineOf(text, '## （二）');
    const ds = only(text, 'section-order', { lang: 'en' });
    expect(ds.map(brief)).toEqual([`${at}:3 error section-order`]);
    expect(ds[0].message).toBe('"（二）行政机关主动公开政府信息情况" belongs after "（一）总体情况"');
    // the tables still belong to their own sections
    expect(only(text, 'table-missing')).toEqual([]);
  });

  it('in order: nothing', () => {
    expect(only(seed, 'section-order')).toEqual([]);
  });
});
