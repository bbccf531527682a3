// section-empty: a section heading with nothing under it (or only a
// placeholder such as 无). Reported on the heading, as a warning.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, readSeed, SEEDS } from '../support/fixtures';
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

  describe('五 and 六 that say nothing', () => {
    /** Seed 001 with the body of 五 (or 六) replaced by `body`. */
    const withBody = (heading: string, next: string | undefined, body: string) => {
      const seed = readSeed('001');
      const at = lineOf(seed, heading);
      const end = next ? lineOf(seed, next) : seed.split('\n').length;
      const lines = seed.split('\n');
      return { text: [...lines.slice(0, at + 1), body, ...lines.slice(end)].join('\n'), at };
    };
    const SIX = '（六）其他需要报告的事项';

    it('五 holding only 本年度无。 or 暂无 → the placeholder warning', () => {
      for (const body of ['本年度无。', '暂无', '今年无']) {
        const { text, at } = withBody(FIVE, SIX, body);
        const ds = only(text, 'section-empty');
        expect(ds.map(brief), body).toEqual([`${at}:0 warning section-empty`]);
        expect(ds[0].message).toBe(`“${FIVE}”下只有占位文字“${body}”`);
      }
    });

    it('五 holding one sentence that denies any problem → warning: the format asks for problems and improvements', () => {
      const { text, at } = withBody(FIVE, SIX, '本年度我局政府信息公开工作不存在问题。');
      const ds = only(text, 'section-empty', { lang: 'en' });
      expect(ds.map(brief)).toEqual([`${at}:0 warning section-empty`]);
      expect(ds[0].message).toBe(`Only "本年度我局政府信息公开工作不存在问题。" under "${FIVE}": the part must state the main problems and how they are being addressed`);
      expect(only(text, 'section-empty')[0].message).toBe(`“${FIVE}”下只有“本年度我局政府信息公开工作不存在问题。”：应写明存在的主要问题及改进情况`);
    });

    it('a denial that says what will be done, or a problem stated, is content', () => {
      for (const body of ['未发现明显问题，下一步将继续加强政策解读。', '存在的问题：政策解读形式单一。']) {
        expect(only(withBody(FIVE, SIX, body).text, 'section-empty'), body).toEqual([]);
      }
    });

    it('六 holding only 本年度无 → warning; 本年度无其他需要报告的事项 is a statement (quiet)', () => {
      const { text, at } = withBody(SIX, undefined, '本年度无');
      expect(only(text, 'section-empty').map((d) => `${d.range.start.line} ${d.message}`)).toEqual([`${at} “${SIX}”下只有占位文字“本年度无”`]);
      expect(only(withBody(SIX, undefined, '本年度无其他需要报告的事项。').text, 'section-empty')).toEqual([]);
    });

    it('real reports: 五 and 六 have content everywhere but seed 000, whose 六 is empty', () => {
      const files = [...readdirSync(CORPUS).map((f) => join(CORPUS, f)), ...readdirSync(SEEDS).map((f) => join(SEEDS, f))];
      const found = files.flatMap((f) =>
        only(readFileSync(f, 'utf8'), 'section-empty').filter((d) => /^[（(]?[五六]/.test(d.message.slice(1))).map((d) => `${f.split('/').pop()} ${d.message}`),
      );
      expect(found).toEqual(['000_2014b47c1e706ce8.txt “六、其他需要报告的事项”下没有内容']);
    });
  });
});
