// What the readers must tolerate in real text: numbering variants, labels
// broken over lines, padded and full-width numbers, TAB rows that lost their
// leading empty fields, header rows in any shape, CRLF line ends, and inline
// disable comments. Each case edits a seed (or its rendering) and checks that
// the report reads the same and the findings stay exact.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import { parseReport } from '../../server/src/core/parse';
import type { Report } from '../../server/src/core/types';
import { readSeed } from '../support/fixtures';
import { brief, cellOf, deleteLines, diagnostics, lineOf, only, rangeOf, replaceOnLine, setCell, toCrlf } from '../support/edit';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001');

/** Every value of tables 三 and 四 by row and column. */
const figures = (r: Report) =>
  ['requests', 'review'].flatMap((k) => r.tables[k]?.rows.flatMap((row) => Object.entries(row.cells).map(([c, cell]) => `${k}/${row.key}/${c}=${cell.value}`)) ?? []);
const FIGURES = figures(parseReport(seed));

describe('numbering variants', () => {
  it('（一） / (一) / ( 一 ) and 1. / 1、 / 1． in row labels (TAB rows)', () => {
    let text = renderSeed(seed, 'tsv');
    text = text.replace('（一）予以公开', '(一)予以公开').replace('（三）不予公开', '( 三 ) 不予公开').replace('（七）总计', '(七) 总计');
    text = text.replace('1.属于国家秘密', '1、属于国家秘密').replace('2.其他法律行政法规禁止公开', '2．其他法律行政法规禁止公开').replace('3.补正后', '3. 补正后');
    expect(figures(parseReport(text))).toEqual(FIGURES);
    expect(diagnostics(text)).toEqual([]);
  });

  it('headings written 一、, （一）, (一), with ## or without, and full-width spaces before them', () => {
    const md = renderSeed(readSeed('003'), 'markdown')
      .replace('## 二、主动公开政府信息情况', '## (二)主动公开政府信息情况')
      .replace('## 三、', '#### 三、')
      .replace('## 五、', '\u3000\u3000五、');
    const r = lint(md);
    expect(r.report.sections.map((s) => `${s.index}:${s.style.numbering}`)).toEqual(['1:dun', '2:paren', '3:dun', '4:dun', '5:dun', '6:dun']);
    expect(r.diagnostics.filter((d) => d.rule.startsWith('section-'))).toEqual([]);
  });
});

describe('labels broken over lines (Word text)', () => {
  it('header 商业\\n企业 and row label 1.本机关不掌握\\n\\n相关政府信息 read as before', () => {
    let text = replaceOnLine(seed, lineOf(seed, /^\t商业企业$/), '商业企业', '商业\n企业');
    text = replaceOnLine(text, lineOf(text, /^\t1\.本机关不掌握相关政府信息$/), '1.本机关不掌握相关政府信息', '1.本机关不掌握\n\n相关政府信息');
    expect(figures(parseReport(text))).toEqual(FIGURES);
    expect(diagnostics(text)).toEqual([]);
    // positions after the inserted lines move with them
    const cell = cellOf(text, 'requests', 'unavailable.1', 'person');
    expect(cell.range.start.line).toBe(cellOf(seed, 'requests', 'unavailable.1', 'person').range.start.line + 3);
  });
});

describe('numbers as written', () => {
  it('NBSP, spaces and full-width spaces around a number: read, not reported, the range covers the digits only', () => {
    const line = cellOf(seed, 'requests', 'received', 'person').range.start.line;
    const text = replaceOnLine(seed, line, '\t21', '\t\u00a021 \u3000');
    expect(diagnostics(text)).toEqual([]);
    expect(cellOf(text, 'requests', 'received', 'person')).toMatchObject({ value: 21, range: rangeOf(line, 2, 4) });
    // and a wrong padded total is still found and fixed in place
    const t2 = replaceOnLine(seed, cellOf(seed, 'requests', 'received', 'total').range.start.line, '\t22', '\t 23\u00a0');
    const d = only(t2, 'row-total')[0];
    expect(d.range).toEqual(rangeOf(cellOf(seed, 'requests', 'received', 'total').range.start.line, 2, 4));
    expect(fixAll(t2).text).toBe(replaceOnLine(seed, d.range.start.line, '\t22', '\t 22\u00a0'));
  });

  it('full-width digits in a Markdown table 四 cell: read as numbers; fix-all writes ASCII', () => {
    const md = renderSeed(seed, 'markdown');
    const text = setCell(md, 'review', 'cases', 'review.total', '０');
    expect(diagnostics(text).map((d) => `${d.rule} ${d.severity}`)).toEqual(['cell-value warning']);
    expect(fixAll(text).text).toBe(md);
  });
});

describe('table 四 half filled', () => {
  it('Markdown: only the non-zero figures written, the zeros left blank → read, blanks reported as parts read as 0', () => {
    const md = renderSeed(readSeed('004'), 'markdown');
    const row = lineOf(md, /^\| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
    const text = replaceOnLine(md, row, md.split('\n')[row], '| 1 |  |  |  | 1 |  |  |  |  | 0 |  |  |  |  | 0 |');
    const r = lint(text);
    expect(r.report.tables.review.rows).toHaveLength(1);
    expect(r.report.tables.review.problems).toEqual([]);
    expect(r.diagnostics.filter((d) => d.rule === 'cell-value').length).toBe(11);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('TAB rows', () => {
  it('seed 002: the row 3. 其他 that lost its leading empty fields is read as other.3', () => {
    const s = readSeed('002');
    const r = parseReport(s);
    const row = r.tables.requests.rows.find((x) => x.key === 'other.3')!;
    expect(row.labelRange.start).toEqual({ line: 72, character: 0 });
    expect(Object.values(row.cells).map((c) => c.text)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(only(s, 'table-shape')).toEqual([]);
  });

  it('any row that lost its leading empty fields (2.重复申请 in seed 001 as TAB rows)', () => {
    const doc = renderSeed(seed, 'tsv');
    const line = lineOf(doc, '\t\t2.重复申请');
    const text = replaceOnLine(doc, line, '\t\t2.重复申请', '2.重复申请');
    expect(figures(parseReport(text))).toEqual(FIGURES);
    expect(diagnostics(text)).toEqual([]);
  });
});

describe('header rows in any shape', () => {
  for (const shape of ['word', 'tsv', 'markdown'] as const) {
    it(`${shape}: header rows of 三 dropped, or their words broken and spaced: same figures, no findings`, () => {
      const doc = shape === 'word' ? seed : renderSeed(seed, shape);
      const first = lineOf(doc, '（本列数据的勾稽关系为');
      const data = lineOf(doc, '一、本年新收政府信息公开申请数量');
      const spaced = doc.replace('自然人', '自 然 人').replace('社会公益组织', '社会公益\u3000组织').replace('法律服务机构', ' 法律服务机构 ');
      expect(figures(parseReport(spaced))).toEqual(FIGURES);
      expect(diagnostics(spaced)).toEqual([]);
      // Markdown needs its header row and delimiter: keep the first line there
      const dropped = shape === 'markdown' ? deleteLines(doc, first + 2, data) : deleteLines(doc, first, data);
      expect(figures(parseReport(dropped))).toEqual(FIGURES);
      expect(diagnostics(dropped)).toEqual([]);
    });
  }
});

describe('CRLF line ends', () => {
  for (const shape of ['word', 'tsv', 'markdown'] as const) {
    it(`${shape}: positions are the same as with LF, and fix-all keeps CRLF`, () => {
      const lf = shape === 'word' ? seed : renderSeed(seed, shape);
      const crlf = toCrlf(lf);
      const bad = (t: string) => setCell(setCell(t, 'requests', 'granted', 'total', '15'), 'requests', 'received', 'person', '２１');
      const a = diagnostics(bad(lf));
      const b = diagnostics(bad(crlf));
      expect(b.map(brief)).toEqual(a.map(brief));
      expect(b.map((d) => d.range)).toEqual(a.map((d) => d.range));
      expect(lint(crlf).report.eol).toBe('\r\n');
      expect(fixAll(bad(crlf)).text).toBe(crlf);
    });
  }

  it('the section-missing fix writes CRLF in a CRLF document', () => {
    const crlf = toCrlf(seed);
    const at = lineOf(crlf, '（五）政府信息公开工作存在的主要问题及改进情况');
    const text = deleteLines(crlf, at, at + 1);
    const d = only(text, 'section-missing')[0];
    expect(d.fixes[0].edits[0].newText).toBe('（五）存在的主要问题及改进情况\r\n\r\n');
  });
});

describe('inline disable comments', () => {
  it('TAB rows: // xxgk-disable-next-line row-total above the row silences row-total there only', () => {
    const doc = renderSeed(seed, 'tsv');
    const bad = setCell(doc, 'requests', 'granted', 'total', '15');
    const line = cellOf(doc, 'requests', 'granted', 'total').range.start.line;
    const lines = bad.split('\n');
    lines.splice(line, 0, '// xxgk-disable-next-line row-total');
    const text = lines.join('\n');
    expect(diagnostics(text).map(brief)).toEqual([`${lineOf(text, '（七）总计')}:${cellOf(text, 'requests', 'resultTotal', 'total').range.start.character} error column-total`]);
  });

  it('Markdown: <!-- xxgk-disable row-total --> … <!-- xxgk-enable row-total --> around the table', () => {
    const md = renderSeed(seed, 'markdown');
    const bad = setCell(md, 'requests', 'granted', 'total', '15');
    const first = lineOf(bad, '| （本列数据的勾稽关系为');
    const last = lineOf(bad, '| 四、结转下年度继续办理');
    const lines = bad.split('\n');
    lines.splice(last + 1, 0, '', '<!-- xxgk-enable row-total -->');
    lines.splice(first, 0, '<!-- xxgk-disable row-total -->', '');
    const text = lines.join('\n');
    expect(diagnostics(text).map((d) => d.rule)).toEqual(['column-total']);
  });

  it('Markdown: <!-- xxgk-disable-next-line title --> above the title; plain text: // xxgk-disable-next-line section-empty', () => {
    const md = '<!-- xxgk-disable-next-line title -->\n' + renderSeed(readSeed('004'), 'markdown');
    expect(only(md, 'title')).toEqual([]);
    const s000 = readSeed('000');
    const six = lineOf(s000, '六、其他需要报告的事项');
    const lines = s000.split('\n');
    lines.splice(six, 0, '// xxgk-disable-next-line section-empty');
    expect(diagnostics(lines.join('\n'))).toEqual([]);
  });

  // A directive line inside a table must not split a Word-text row or end a
  // GFM table: lint reads the text without its directive lines, then maps the
  // positions back. The "disable for this line" quick fix inserts such lines.
  it('Word text: a disable-next-line comment inside a table silences the rule without breaking the row (core/directives.ts)', () => {
    const bad = setCell(seed, 'requests', 'received', 'total', '25');
    const lines = bad.split('\n');
    lines.splice(cellOf(seed, 'requests', 'received', 'total').range.start.line, 0, '// xxgk-disable-next-line row-total');
    expect(diagnostics(lines.join('\n')).map((d) => d.rule)).toEqual(['balance']);
  });
  it('Markdown: a disable-next-line comment inside a GFM table silences the rule without ending the table (core/directives.ts)', () => {
    const md = renderSeed(seed, 'markdown');
    const bad = setCell(md, 'requests', 'received', 'total', '25');
    const lines = bad.split('\n');
    lines.splice(cellOf(md, 'requests', 'received', 'total').range.start.line, 0, '<!-- xxgk-disable-next-line row-total -->');
    expect(diagnostics(lines.join('\n')).map((d) => d.rule)).toEqual(['balance']);
  });
});
