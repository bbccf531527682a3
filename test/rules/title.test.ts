// title: the title lacks the agency name (with its place), the year or the
// words 政府信息公开工作年度报告. Reported on the title lines, as a warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { CORPUS, readSeed } from '../support/fixtures';
import { brief, only, rangeOf } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001'); // title over lines 0–2: 聊城市生态环境局2023年度政府信息公开 / (blank) / 工作年度报告

describe('title', () => {
  it('the seeds’ titles are complete, except 004’s agency without its place', () => {
    for (const s of ['000', '001', '002', '003']) expect(only(readSeed(s), 'title')).toEqual([]);
    const d = only(readSeed('004'), 'title')[0];
    expect(brief(d)).toBe('1:0 warning title');
    expect(d.message).toBe('标题缺少机关名称“生态环境局”中的所属地区');
  });

  it('without the year', () => {
    const d = only(seed.replace('聊城市生态环境局2023年度', '聊城市生态环境局'), 'title');
    expect(d.map(brief)).toEqual(['0:0 warning title']);
    expect(d[0].range).toEqual(rangeOf(0, 0, 6, 2));
    expect(d[0].message).toBe('标题缺少年度');
  });

  it('without the agency (English)', () => {
    const d = only(seed.replace('聊城市生态环境局2023年度', '2023年度'), 'title', { lang: 'en' });
    expect(d.map(brief)).toEqual(['0:0 warning title']);
    expect(d[0].message).toBe('The title lacks the agency name');
  });

  it('without the words 政府信息公开工作年度报告', () => {
    const d = only(seed.replace('工作年度报告', '工作总结'), 'title');
    expect(d[0].message).toBe('标题缺少“政府信息公开工作年度报告”字样');
    expect(d[0].range).toEqual(rangeOf(0, 0, 4, 2));
  });

  it('Markdown # title: the title line', () => {
    const doc = renderSeed(seed, 'markdown').replace('聊城市生态环境局2023年度', '聊城市生态环境局');
    const d = only(doc, 'title');
    expect(d.map(brief)).toEqual(['0:0 warning title']);
    expect(d[0].range).toEqual(rangeOf(0, 0, doc.split('\n')[0].length));
  });
});

describe('titles as real reports write them', () => {
  it('the year first (`2024 年上海市科委政府信息公开工作年度报告`): the agency is read after it, no warning', () => {
    for (const [file, agency] of [['kewei-2024.md', '上海市科委'], ['shanghai-office-2025.md', '上海市人民政府办公厅']]) {
      const r = lint(readFileSync(join(CORPUS, file), 'utf8'));
      expect(r.report.title?.agency).toBe(agency);
      expect(r.diagnostics.filter((d) => d.rule === 'title')).toEqual([]);
    }
  });

  it('a portal’s `标题：` label is not part of the title or the agency', () => {
    const r = lint(seed.replace(/^(\s*)聊城市/, '$1标题：聊城市'));
    expect(r.report.title?.agency).toBe('聊城市生态环境局');
    expect(r.report.title?.text.startsWith('聊城市生态环境局')).toBe(true);
  });
});
