// The names the editor shows come from the template: its version's name and
// notice, and each table's name, in both languages.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { hoverAt } from '../../server/src/lsp/hover';
import { documentSymbols } from '../../server/src/lsp/outline';
import { readSeed } from '../support/fixtures';

describe('names from the template', () => {
  const analysis = lint(readSeed('000'));
  const { report } = analysis;
  const heading = (key: string) => report.sections.find((s) => s.key === key)!.headingRange.start;

  it('a section heading\'s hover names the template, its notice and the table that belongs there', () => {
    expect(hoverAt(analysis, heading('requests'), 'zh')!.markdown.split('\n').filter(Boolean).slice(1)).toEqual([
      '模板：2021 年版 —— 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
      '本部分含统计表：收到和处理政府信息公开申请情况表',
    ]);
    expect(hoverAt(analysis, heading('review'), 'en')!.markdown.split('\n').filter(Boolean).slice(1)).toEqual([
      'Template: the 2021 format — 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
      'This section holds the administrative review and litigation table.',
    ]);
  });

  it('the outline names the tables in English too', () => {
    const tables = documentSymbols(report, 'en').flatMap((s) => s.children ?? []);
    expect(tables.map((t) => t.name)).toEqual(['Table: proactive disclosure', 'Table: requests received and handled', 'Table: administrative review and litigation']);
  });
});
