// section-missing: a required section is absent. Reported where it belongs
// (start of the next section's heading, or the end of the document); the fix
// inserts the standard heading in the document's own style, and for 二/三/四
// the empty standard table in the document's own shape.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/lint';
import { CORPUS, readSeed } from '../support/fixtures';
import { applyFix, brief, CORE_RULES, deleteLines, lineOf, only, rangeOf } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001'); // Word text, headings written （一）…（六）

describe('section-missing', () => {
  it('Word text: heading of 五 deleted → error at the start of 六, fix inserts （五） in the document’s style', () => {
    const at = lineOf(seed, '（五）政府信息公开工作存在的主要问题及改进情况');
    const text = deleteLines(seed, at, at + 1);
    const six = lineOf(text, '（六）其他需要报告的事项');
    const ds = only(text, 'section-missing');
    expect(ds.map(brief)).toEqual([`${six}:0 error section-missing`]);
    expect(ds[0].range).toEqual(rangeOf(six, 0));
    expect(ds[0].message).toBe('缺少“五、存在的主要问题及改进情况”');
    expect(ds[0].fixes[0].edits[0].newText).toBe('（五）存在的主要问题及改进情况\n\n');
    const fixed = applyFix(text, ds[0]);
    const r = lint(fixed);
    expect(r.report.sections.map((s) => s.key)).toEqual(['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    expect(r.diagnostics.filter((d) => d.rule === 'section-missing')).toEqual([]);
    // the inserted section is still empty: now that is what the checker says
    expect(r.diagnostics.filter((d) => CORE_RULES.has(d.rule)).map(brief)).toEqual([`${six}:0 warning section-empty`]);
  });

  it('the fix is a suggestion, never applied by fix-all', () => {
    const at = lineOf(seed, '（五）政府信息公开工作存在的主要问题及改进情况');
    const text = deleteLines(seed, at, at + 1);
    const d = only(text, 'section-missing')[0];
    expect(d.fixes[0].suggestionOnly).toBe(true);
  });

  it('English message with lang en', () => {
    const at = lineOf(seed, '（五）政府信息公开工作存在的主要问题及改进情况');
    const d = only(deleteLines(seed, at, at + 1), 'section-missing', { lang: 'en' })[0];
    expect(d.message).toBe('Section 五 "存在的主要问题及改进情况" is missing');
    expect(d.fixes[0].title).toBe('Insert section 五');
  });

  it('the last section 六 deleted → error at the end of the document', () => {
    const at = lineOf(seed, '（六）其他需要报告的事项');
    const text = deleteLines(seed, at, seed.split('\n').length - 1);
    const lines = text.split('\n');
    const last = lines.length - 1;
    const d = only(text, 'section-missing')[0];
    expect(d.range).toEqual(rangeOf(last, lines[last].length));
    const fixed = applyFix(text, d);
    expect(fixed.startsWith(text)).toBe(true);
    expect(fixed.slice(text.length)).toBe('\n\n（六）其他需要报告的事项\n');
    expect(lint(fixed).report.sections.map((s) => s.key).pop()).toBe('other');
  });

  for (const shape of ['word', 'tsv', 'markdown'] as const) {
    it(`${shape}: section 三 (heading and table) deleted → fix inserts heading and the empty standard table as ${shape}`, () => {
      const doc = shape === 'word' ? seed : renderSeed(seed, shape);
      const from = lineOf(doc, '收到和处理政府信息公开申请情况');
      const to = lineOf(doc, '因政府信息公开工作被申请行政复议');
      const text = deleteLines(doc, from, to);
      const ds = only(text, 'section-missing');
      expect(ds.map(brief)).toEqual([`${from}:0 error section-missing`]);
      const inserted = ds[0].fixes[0].edits[0].newText;
      const lines = inserted.split('\n');
      if (shape === 'markdown') {
        expect(lines[0]).toBe('## （三）收到和处理政府信息公开申请情况');
        expect(lines[1]).toBe('');
        expect(lines[2]).toMatch(/^\| （本列数据的勾稽关系为/);
        expect(lines[3]).toMatch(/^\|( --- \|)+$/);
      } else if (shape === 'word') {
        expect(lines.slice(0, 4)).toEqual(['（三）收到和处理政府信息公开申请情况', '\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '\t申请人情况', '']);
        expect(lines.every((x) => x === '' || x.startsWith('\t') || x.startsWith('（三）'))).toBe(true);
      } else {
        expect(lines[0]).toBe('（三）收到和处理政府信息公开申请情况');
        expect(lines[1]).toMatch(/^（本列数据的勾稽关系为.*\t申请人情况\t/);
        expect(lines.find((x) => x.startsWith('四、结转下年度继续办理'))).toBe('四、结转下年度继续办理' + '\t'.repeat(9));
      }
      const fixed = applyFix(text, ds[0]);
      const r = lint(fixed);
      expect(r.report.shape).toBe(shape);
      expect(r.report.sections.map((s) => s.key)).toContain('requests');
      const table = r.report.tables.requests;
      expect(table.rows.map((x) => x.key)).toHaveLength(25);
      expect(table.problems).toEqual([]);
      expect(r.diagnostics.filter((d) => ['section-missing', 'table-missing', 'table-shape'].includes(d.rule))).toEqual([]);
      // the empty table's 总计 cells are blank: row-total asks for them to be filled in
      expect(r.diagnostics.filter((d) => d.rule === 'row-total')).toHaveLength(25);
      // the blank cells of （七）总计 are blank like the rows above them: read as 0 (cell-value warns), no column-total
      expect(r.diagnostics.filter((d) => d.rule === 'column-total' || d.rule === 'balance')).toEqual([]);
    });
  }

  // When the heading of a section with a table is missing, core/parse.ts looks
  // for the table in the whole document; the header row of table 四
  // (…尚未审结 | 总计 | 未经复议直接起诉 …) then matched the row （七）总计 of
  // table 三 and gave table-shape and cell-value errors on its words. A table
  // 三 is now recognised only by two rows or more (tables/grid-table.ts).
  it.each(['tsv', 'markdown'] as const)('%s: a deleted section 三 gives section-missing only, not table-shape/cell-value on table 四’s header', (shape) => {
    const doc = renderSeed(seed, shape);
    const text = deleteLines(doc, lineOf(doc, '收到和处理政府信息公开申请情况'), lineOf(doc, '因政府信息公开工作被申请行政复议'));
    expect(only(text, 'table-shape')).toEqual([]);
    expect(only(text, 'cell-value')).toEqual([]);
  });
});

describe('no insertion where the shape has no writer', () => {
  it('PDF text (pdftotext -layout): section-missing is reported, with no fix that would write a table into it', () => {
    const text = readFileSync(join(CORPUS, 'huaian-city-gov-2024.txt'), 'utf8').replace(/^(\s*)五、存在的主要问题及改进情况/m, '$1');
    const r = lint(text);
    expect(r.report.reader).toBe('layout');
    const d = r.diagnostics.filter((x) => x.rule === 'section-missing');
    expect(d.map((x) => x.message)).toEqual(['缺少“五、存在的主要问题及改进情况”']);
    expect(d[0].fixes).toEqual([]);
  });
});
