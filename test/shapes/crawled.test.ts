// A crawler's dump: header lines (`标题: …`), a `正文` mark, the whole body on
// one line with the tables flattened into it. The title exists only in the header.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import type { Diagnostic } from '../../server/src/core/types';
import { readSeed } from '../support/fixtures';
import { renderCrawled } from './render';

const SEEDS = ['000', '001', '002', '003', '004'];
const CORE = /^(?:section-|table-|row-total|column-total|balance|cell-|title|template-version)/;
const core = (ds: Diagnostic[]) => ds.filter((d) => CORE.test(d.rule)).map((d) => `${d.severity} ${d.rule} ${d.message}`);

describe('crawled page text', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: title from the 标题 line, sections and tables from the one-line body`, () => {
      const text = readSeed(seed);
      const crawled = renderCrawled(text);
      const a = lint(text);
      const b = lint(crawled);
      expect(b.report.reader).toBe('flat');
      expect(b.report.title?.text).toBe(a.report.title?.text);
      expect(b.report.year).toBe(a.report.year);
      expect(b.report.profile).toBe(a.report.profile);
      expect(b.report.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(core(b.diagnostics)).toEqual(core(a.diagnostics));
      // Ranges are on the text's own lines: the body is line 7.
      expect(b.report.lines).toEqual(crawled.split('\n'));
      for (const s of b.report.sections) expect(s.headingRange.start.line).toBe(7);
    });
  }

  it('the title range covers the words after 标题:, and the balance cells land on the digits', () => {
    const crawled = renderCrawled(readSeed('003'));
    const r = lint(crawled);
    const lines = crawled.split('\n');
    const t = r.report.title!.range;
    expect(lines[0].slice(t.start.character, t.end.character)).toBe('威县人民政府办公室2023年政府信息公开工作年度报告');
    for (const d of r.diagnostics.filter((x) => x.rule === 'balance')) {
      expect(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('1');
    }
  });
});
