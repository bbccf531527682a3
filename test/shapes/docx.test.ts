// Word .docx: files built in the test setup from the seeds (merged cells as
// Word writes them), converted with mammoth, positions told as Word places.
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import type { Diagnostic } from '../../server/src/core/types';
import { describeDocxPosition, describeDocxRange, docxToMarkdown, type DocxMarkdown } from '../../server/src/docx/convert';
import { readSeed } from '../support/fixtures';
import { markdownToDocx } from './docx-build';
import { renderMarkdownWithHtml } from './render';

const SEEDS = ['000', '001', '002', '003', '004'];
const CORE = /^(?:section-|table-|row-total|column-total|balance|cell-|title|template-version)/;
const core = (ds: Diagnostic[]) => ds.filter((d) => CORE.test(d.rule)).map((d) => `${d.severity} ${d.rule} ${d.message}`);

const converted: Record<string, DocxMarkdown> = {};
beforeAll(async () => {
  for (const seed of SEEDS) converted[seed] = await docxToMarkdown(await markdownToDocx(renderMarkdownWithHtml(readSeed(seed))));
});

describe('Word .docx', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: same section, table and title findings as the Word text`, () => {
      const { markdown, warnings } = converted[seed];
      expect(warnings).toEqual([]);
      const r = lint(markdown);
      expect(r.report.reader).toBe('html');
      expect(core(r.diagnostics)).toEqual(core(lint(readSeed(seed)).diagnostics));
      const a = lint(readSeed(seed)).report;
      expect(r.report.profile).toBe(a.profile);
      expect(r.report.title?.text).toBe(a.title?.text);
      for (const key of Object.keys(a.tables)) {
        expect(r.report.tables[key].rows.map((x) => x.key)).toEqual(a.tables[key].rows.map((x) => x.key));
      }
    });
  }

  it('tells positions as Word places: table, row, cell; paragraph', () => {
    const { markdown, map } = converted['003'];
    const r = lint(markdown);
    const bal = r.diagnostics.filter((d) => d.rule === 'balance');
    expect(bal.map((d) => describeDocxRange(map, d.range))).toEqual([
      '表2 第28行 第2列（“1”，“四、结转下年度继续办理”一行）',
      '表2 第28行 第8列（“1”，“四、结转下年度继续办理”一行）',
    ]);
    expect(describeDocxRange(map, bal[0].range, 'en')).toBe('table 2, row 28, cell 2 ("1" in the row "四、结转下年度继续办理")');
    const empty = lint(converted['000'].markdown).diagnostics.find((d) => d.rule === 'section-empty')!;
    expect(describeDocxPosition(converted['000'].map, empty.range.start)).toMatch(/^第\d+段（“六、其他需要报告的事项”）$/);
  });

  it('keeps merged cells: rowspan and colspan survive the conversion', () => {
    const { markdown } = converted['001'];
    expect(markdown).toMatch(/<td rowspan="\d+">三、本年度办理结果<\/td>/);
    expect(markdown).toMatch(/<td colspan="5">法人或其他组织<\/td>/);
  });
});

describe('readDocx (for the CLI)', () => {
  it('gives the text to lint and tells ranges as Word places', async () => {
    const { readDocx } = await import('../../server/src/docx/source');
    const src = await readDocx(await markdownToDocx(renderMarkdownWithHtml(readSeed('003'))));
    expect(src.format).toBe('docx');
    const d = lint(src.text).diagnostics.find((x) => x.rule === 'balance')!;
    expect(src.describe(d.range)).toMatch(/^表2 第28行 第2列/);
    expect(src.describe(d.range, 'en')).toMatch(/^table 2, row 28, cell 2/);
  });
});
