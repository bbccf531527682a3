// HTML: seeds rendered as web pages (merged header cells, page chrome, `&nbsp;`
// cells, minified or not) and as Markdown with HTML table fragments.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import { offsetAt, splitLines } from '../../server/src/core/text';
import type { Diagnostic, Range } from '../../server/src/core/types';
import iconv from 'iconv-lite';
import { decode } from '../../server/src/sources/decode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/core/edits';
import { CORPUS, readSeed } from '../support/fixtures';
import { renderHtmlPage, renderMarkdownWithHtml } from './render';

const SEEDS = ['000', '001', '002', '003', '004'];
const sig = (d: Diagnostic) => `${d.severity} ${d.rule} ${d.message}`;
/** The rules about sections, tables and the title: what every shape must agree on. */
const CORE = /^(?:section-|table-|row-total|column-total|balance|cell-|title|template-version)/;
const core = (ds: Diagnostic[]) => ds.filter((d) => CORE.test(d.rule)).map(sig);
const slice = (text: string, r: Range) => {
  const l = splitLines(text);
  return text.slice(offsetAt(l, r.start), offsetAt(l, r.end));
};

describe('HTML page', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: same findings as the Word text`, () => {
      const text = readSeed(seed);
      const html = renderHtmlPage(text);
      const a = lint(text);
      const b = lint(html);
      expect(b.report.reader).toBe('html');
      expect(b.diagnostics.map(sig)).toEqual(a.diagnostics.map(sig));
      expect(b.report.profile).toBe(a.report.profile);
      expect(b.report.title?.text).toBe(a.report.title?.text);
      expect(Object.keys(b.report.tables).sort()).toEqual(Object.keys(a.report.tables).sort());
      for (const key of Object.keys(a.report.tables)) {
        const va = a.report.tables[key].rows.map((r) => `${r.key}:${Object.values(r.cells).map((c) => c.value).join(',')}`);
        const vb = b.report.tables[key].rows.map((r) => `${r.key}:${Object.values(r.cells).map((c) => c.value).join(',')}`);
        expect(vb).toEqual(va);
      }
    });
    it(`seed ${seed}: minified to one line, same section and table findings`, () => {
      const text = readSeed(seed);
      const b = lint(renderHtmlPage(text, { minify: true }));
      expect(b.report.lines.length).toBe(1);
      expect(core(b.diagnostics)).toEqual(core(lint(text).diagnostics));
    });
  }

  it('a page laid out with a table (the article in one cell) is read as a page, its report tables as tables', () => {
    for (const seed of ['000', '003']) {
      const text = readSeed(seed);
      const b = lint(renderHtmlPage(text, { layoutTable: true }));
      expect(b.report.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(core(b.diagnostics)).toEqual(core(lint(text).diagnostics));
    }
  });

  it('ranges land on the source: the balance cells of seed 003, the empty heading of seed 000', () => {
    const html = renderHtmlPage(readSeed('003'));
    const bal = lint(html).diagnostics.filter((d) => d.rule === 'balance');
    expect(bal).toHaveLength(2);
    for (const d of bal) {
      expect(slice(html, d.range)).toMatch(/^\d+$/);
      const line = html.split('\n')[d.range.start.line];
      expect(line).toMatch(/^<tr><td colspan="3">四、结转下年度继续办理<\/td>/);
      for (const r of d.related) expect(slice(html, r.range)).toMatch(/^\d+$/);
    }
    const h0 = renderHtmlPage(readSeed('000'));
    const empty = lint(h0).diagnostics.find((d) => d.rule === 'section-empty')!;
    expect(slice(h0, empty.range)).toBe('六、其他需要报告的事项');
    expect(h0.split('\n')[empty.range.start.line]).toBe('<h3>六、其他需要报告的事项</h3>');
  });

  it('fixes apply to the HTML source', () => {
    const html = renderHtmlPage(readSeed('003'));
    const d = lint(html).diagnostics.find((x) => x.rule === 'balance')!;
    const edit = d.fixes[0].edits[0];
    const l = splitLines(html);
    const fixed = html.slice(0, offsetAt(l, edit.range.start)) + edit.newText + html.slice(offsetAt(l, edit.range.end));
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed).toMatch(new RegExp(`<td>${edit.newText}</td>`));
  });

  it('fix-all on a page with a wrong 总计 rewrites the number inside its <td>', () => {
    let html = renderHtmlPage(readSeed('001'));
    const i = html.indexOf('一、本年新收');
    const row = html.slice(i, html.indexOf('</tr>', i));
    const total = /<td>(\d+)<\/td>$/.exec(row)!;
    html = html.replace(row, row.replace(/<td>(\d+)<\/td>$/, `<td>${Number(total[1]) + 5}</td>`));
    expect(lint(html).diagnostics.map((d) => d.rule)).toContain('row-total');
    const r = fixAll(html);
    expect(r.text).toContain(row);
    expect(lint(r.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the title only in <title> (with the site name after it) is found there', () => {
    const text = readSeed('001');
    const html = renderHtmlPage(text, { titleOnlyInHead: true });
    const r = lint(html);
    expect(r.report.title?.text).toBe(lint(text).report.title?.text);
    expect(r.report.year).toBe(2023);
    expect(slice(html, r.report.title!.range)).toBe(r.report.title!.text);
    expect(r.diagnostics.filter((d) => d.rule === 'title')).toEqual([]);
  });

  it('page chrome, script and style are not report text', () => {
    const html = renderHtmlPage(readSeed('001'));
    const r = lint(html);
    expect(r.report.text.length).toBe(html.length);
    expect(r.report.text).not.toMatch(/字号|分享到|附件下载|当前位置|版权所有|document\.write|<td|&nbsp;/);
    expect(r.report.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a GB2312 page, once decoded, reads the same (the meta charset is only markup)', () => {
    const text = readSeed('003');
    const html = renderHtmlPage(text).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(lint(html).diagnostics.map(sig)).toEqual(lint(text).diagnostics.map(sig));
    // The CLI's decoder (strict UTF-8, else GB18030 when the bytes round-trip) gets the page back.
    const bytes = iconv.encode(html, 'gb18030');
    const d = decode(bytes);
    expect(d.encoding).toBe('gb18030');
    expect(lint(d.text).diagnostics.map(sig)).toEqual(lint(text).diagnostics.map(sig));
  });
});

describe('HTML tables inside Markdown', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: same section and table findings as the Word text`, () => {
      const text = readSeed(seed);
      const md = renderMarkdownWithHtml(text);
      const b = lint(md);
      expect(b.report.reader).toBe('html');
      expect(core(b.diagnostics)).toEqual(core(lint(text).diagnostics));
    });
  }
  it('ranges map back to the source line of the cell', () => {
    const md = renderMarkdownWithHtml(readSeed('003'));
    const bal = lint(md).diagnostics.filter((d) => d.rule === 'balance');
    expect(bal).toHaveLength(2);
    for (const d of bal) {
      expect(slice(md, d.range)).toMatch(/^\d+$/);
      expect(md.split('\n')[d.range.start.line]).toContain('四、结转下年度继续办理');
    }
  });
});

describe('fixes written as HTML into an HTML page', () => {
  it('a page missing section 四: the fix inserts an HTML heading and table, and the fixed page reads whole', () => {
    const page = readFileSync(join(CORPUS, 'hangzhou-style-test-2025.html'), 'utf8');
    const lines = page.split('\n');
    const from = lines.findIndex((l) => l.includes('<p>四、政府信息公开行政复议'));
    const to = lines.findIndex((l) => l.includes('<p>五、'));
    const text = [...lines.slice(0, from), ...lines.slice(to)].join('\n');
    const r = lint(text);
    expect(r.report.shape).toBe('html');
    const d = r.diagnostics.filter((x) => x.rule === 'section-missing');
    expect(d).toHaveLength(1);
    const inserted = d[0].fixes[0].edits[0].newText;
    expect(inserted.startsWith('<p>四、政府信息公开行政复议、行政诉讼情况</p>\n<table border="1">\n<tr>')).toBe(true);
    expect(inserted).not.toMatch(/^\|/m);
    const fixed = applyEdits(text, d[0].fixes[0].edits);
    const again = lint(fixed);
    expect(again.report.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(again.report.tables.review.rows).toHaveLength(1);
    // The inserted table is blank: only its three blank 总计 are asked for.
    expect(again.diagnostics.filter((x) => x.severity === 'error').map((x) => x.rule)).toEqual(['row-total', 'row-total', 'row-total']);
  });
});
