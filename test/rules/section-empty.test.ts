// section-empty: a section heading with nothing under it (or only a
// placeholder such as 无). Reported on the heading, as a warning.
import { describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { brief, deleteLines, lineOf, only, rangeOf, replaceOnLine } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const FIVE = '（五）政府信息公开工作存在的主要问题及改进情况';

describe('section-empty', () => {
  it('seed 000 as published: 六 has nothing under it (its last line)', () => {
    const text = readSeed('000');
    const last = lineOf(text, '六、其他需要报告的事项');
    expect(text.split('\n').slice(last + 1).join('').trim()).toBe('');
    expect(only(text, 'section-empty').map(brief)).toEqual([`${last}:0 warning section-empty`]);
    expect(only(text, 'section-empty')[0].message).toBe('“六、其他需要报告的事项”下没有内容');
  });

  it('Word text: the body of 五 deleted → warning on its heading', () => {
    const seed = readSeed('001');
    const five = lineOf(seed, FIVE);
    const six = lineOf(seed, '（六）其他需要报告的事项');
    const text = deleteLines(seed, five + 1, six);
    const ds = only(text, 'section-empty');
    expect(ds.map(brief)).toEqual([`${five}:0 warning section-empty`]);
    expect(ds[0].range).toEqual(rangeOf(five, 0, FIVE.length));
  });

  it('TAB rows: only the placeholder 无 under 五 → warning naming it (English)', () => {
    const doc = renderSeed(readSeed('001'), 'tsv');
    const five = lineOf(doc, FIVE);
    const six = lineOf(doc, '（六）其他需要报告的事项');
    const text = deleteLines(doc, five + 2, six);
    const body = doc.split('\n')[five + 1];
    const withPlaceholder = replaceOnLine(text, five + 1, body, '无。');
    const ds = only(withPlaceholder, 'section-empty', { lang: 'en' });
    expect(ds.map(brief)).toEqual([`${five}:0 warning section-empty`]);
    expect(ds[0].message).toBe(`Only the placeholder "无。" under "${FIVE}"`);
  });

  it('page numbers and blank lines are not content', () => {
    const seed = readSeed('001');
    const five = lineOf(seed, FIVE);
    const six = lineOf(seed, '（六）其他需要报告的事项');
    const text = deleteLines(seed, five + 1, six).replace(`${FIVE}\n`, `${FIVE}\n\n- 12 -\n\n`);
    expect(only(text, 'section-empty').map(brief)).toEqual([`${five}:0 warning section-empty`]);
  });

  it('the signature after an empty 六 (agency name, date) is not its content', () => {
    const seed = readSeed('001');
    const six = lineOf(seed, '（六）其他需要报告的事项');
    const text = seed.split('\n').slice(0, six + 1).join('\n') + '\n\n聊城市生态环境局\n2024年1月20日\n';
    expect(only(text, 'section-empty').map(brief)).toEqual([`${six}:0 warning section-empty`]);
    // a real sentence is content
    const withText = text.replace('聊城市生态环境局\n', '本年度无其他需要报告的事项。\n聊城市生态环境局\n');
    expect(only(withText, 'section-empty')).toEqual([]);
  });
});
