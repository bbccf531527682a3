// The report view's data (`xxgk/reportView`) and its page: seed 000 with a
// wrong 总计 (27 instead of 21+0+0+3+0+0 = 24) gives 表三 with that cell marked,
// its expected value and rule; the grid's merged headers; the 勾稽 check per
// column; the same values in every text shape; and over LSP, an update as the
// text is fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportViewBody } from '../../client/src/report-view-html';
import { lint } from '../../server/src/engine/lint';
import { reportView } from '../../server/src/lsp/report-view';
import type { ReportView, ViewCell, ViewLabel } from '../../server/src/protocol';
import { renderHtmlPage } from '../shapes/render';
import { readSeed, seedFiles } from '../support/fixtures';
import { renderSeed } from '../support/render-seed';
import { startServer, type Session } from './client';

const TOTAL_LINE = 97;
const good = readSeed('000');
const lines = good.split('\n');
expect(lines[TOTAL_LINE]).toBe('\t24');
lines[TOTAL_LINE] = '\t27';
const broken = lines.join('\n');

const cellsOf = (v: ReportView, table: string) =>
  v.tables.find((t) => t.key === table)!.rows.flatMap((r) => r.cells.filter((c): c is ViewCell => c.kind === 'number').map((c) => ({ row: r.key, ...c })));

describe('reportView', () => {
  const view = reportView(lint(broken));
  const requests = view.tables.find((t) => t.key === 'requests')!;

  it('marks the wrong 总计 with its expected value and rule, at its place in the text', () => {
    const wrong = cellsOf(view, 'requests').filter((c) => c.severity === 'error');
    // The 总计 column no longer balances either: balance marks its 结转下年度 cell (no value to expect there).
    expect(wrong.map((c) => [c.row, c.column, c.text, c.expected, c.rule])).toEqual([
      ['received', 'total', '27', 24, 'row-total'],
      ['carriedOut', 'total', '0', undefined, 'balance'],
    ]);
    expect(wrong[0].range).toEqual({ start: { line: TOTAL_LINE, character: 1 }, end: { line: TOTAL_LINE, character: 3 } });
    expect(wrong[0].message).toBe('一、本年新收政府信息公开申请数量 · 总计：总计应为 24（21+0+0+3+0+0），实为 27');
  });

  it('draws 表三 as the template does: merged headers, merged row groups, 10 columns', () => {
    expect(requests.title).toBe('表三 收到和处理政府信息公开申请情况');
    expect(requests.width).toBe(10);
    const h = requests.head.map((r) => r.filter((c): c is ViewLabel => c.kind === 'label').map((c) => `${c.text}/${c.colSpan ?? 1}x${c.rowSpan ?? 1}`));
    expect(h).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）/3x3', '申请人情况/7x1'],
      ['自然人/1x2', '法人或其他组织/5x1', '总计/1x2'],
      ['商业企业/1x1', '科研机构/1x1', '社会公益组织/1x1', '法律服务机构/1x1', '其他/1x1'],
    ]);
    const labels = (key: string) =>
      requests.rows
        .find((r) => r.key === key)!
        .cells.filter((c): c is ViewLabel => c.kind === 'label')
        .map((c) => `${c.text}/${c.colSpan ?? 1}x${c.rowSpan ?? 1}`);
    expect(labels('received')).toEqual(['一、本年新收政府信息公开申请数量/3x1']);
    expect(labels('granted')).toEqual(['三、本年度办理结果/1x22', '（一）予以公开/2x1']);
    expect(labels('refused.1')).toEqual(['（三）不予公开/1x8', '1.属于国家秘密/1x1']);
    expect(labels('refused.2')).toEqual(['2.其他法律行政法规禁止公开/1x1']);
    expect(labels('carriedOut')).toEqual(['四、结转下年度继续办理/3x1']);
    // Every row fills the grid: label columns + 7 number cells = 10 once the row spans above are counted.
    expect(requests.rows.every((r) => r.cells.filter((c) => c.kind === 'number').length === 7)).toBe(true);
  });

  it('every table of every seed (2019 and 2021 formats) is a full grid: each row fills the width once the spans above are counted', () => {
    for (const f of seedFiles()) {
      const v = reportView(lint(readSeed(f.slice(0, 3))));
      for (const t of v.tables) {
        const below = new Array<number>(t.width).fill(0);
        for (const row of [...t.head, ...t.rows.map((r) => r.cells)]) {
          let x = 0;
          for (const c of row) {
            while (x < t.width && below[x] > 0) x++;
            const [cs, rs] = [c.colSpan ?? 1, c.kind === 'label' ? (c.rowSpan ?? 1) : 1];
            for (let k = 0; k < cs; k++) below[x + k] = rs;
            x += cs;
          }
          while (x < t.width && below[x] > 0) x++;
          expect(x, `${f} ${t.key}`).toBe(t.width);
          for (let k = 0; k < t.width; k++) below[k] = Math.max(0, below[k] - 1);
        }
      }
    }
  });

  it('checks 勾稽 in every column under 表三: only 总计 fails (27+0 ≠ 24+0)', () => {
    expect(requests.checks!.filter((c) => !c.ok)).toEqual([{ column: 'total', label: '总计', in: 27, out: 24, ok: false, formula: '27+0=27，24+0=24' }]);
    expect(requests.checks).toHaveLength(7);
  });

  it('gives every number cell of the three tables the same value in every text shape', () => {
    const values = (text: string) => view.tables.map((t) => cellsOf(reportView(lint(text)), t.key).map((c) => `${c.row}.${c.column}=${c.value}${c.expected !== undefined ? `!${c.expected}` : ''}`));
    const expected = values(broken);
    expect(expected.flat()).toHaveLength(10 + 25 * 7 + 15);
    for (const [shape, text] of Object.entries({ tsv: renderSeed(broken, 'tsv'), markdown: renderSeed(broken, 'markdown'), html: renderHtmlPage(broken) })) {
      expect(values(text), shape).toEqual(expected);
    }
  });

  it('the page marks the cell red with the expected value and the finding on hover', () => {
    const html = reportViewBody(view, 'report-000.txt', 'zh');
    expect(html).toContain('<td class="num error" tabindex="0" data-range="{&quot;start&quot;:{&quot;line&quot;:97,&quot;character&quot;:1},&quot;end&quot;:{&quot;line&quot;:97,&quot;character&quot;:3}}" title="应为 24。一、本年新收政府信息公开申请数量 · 总计：总计应为 24（21+0+0+3+0+0），实为 27 [row-total]">27<span class="expected">→ 24</span></td>');
    expect(html).toContain('<th class="label" rowspan="2">自然人</th>');
    expect(html).toContain('<td class="mark bad">✗</td>');
    expect(reportViewBody(null, 'notes.md', 'en')).toContain('not checked as an annual report');
  });
});

describe('xxgk/reportView over LSP', () => {
  let s: Session;
  const uri = 'file:///tmp/xxgk-view/report-000.txt';
  beforeAll(async () => {
    s = await startServer({});
  });
  afterAll(async () => s?.close());

  it('answers for an open report, and follows the text as it is fixed', async () => {
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: broken } });
    await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total'));
    const before = (await s.conn.sendRequest('xxgk/reportView', { textDocument: { uri } })) as ReportView;
    expect(cellsOf(before, 'requests').filter((c) => c.severity === 'error').map((c) => [c.row, c.expected])).toEqual([['received', 24], ['carriedOut', undefined]]);
    s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: TOTAL_LINE, character: 1 }, end: { line: TOTAL_LINE, character: 3 } }, text: '24' }],
    });
    await s.waitDiagnostics(uri, (_d, p) => p.version === 2);
    const after = (await s.conn.sendRequest('xxgk/reportView', { textDocument: { uri } })) as ReportView;
    expect(cellsOf(after, 'requests').filter((c) => c.severity === 'error')).toEqual([]);
    expect(await s.conn.sendRequest('xxgk/reportView', { textDocument: { uri: 'file:///nowhere.md' } })).toBeNull();
  });
});
