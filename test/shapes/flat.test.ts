// Flattened web text: numbers run together, split by the column count and the
// sums that must hold; ambiguous rows are reported, never guessed.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { builtInTemplates } from '../../server/src/core/templates';
import type { Diagnostic } from '../../server/src/core/types';
import { readSeed } from '../support/fixtures';
import { renderFlat } from './render';

const SEEDS = ['000', '001', '002', '003', '004'];
const sig = (d: Diagnostic) => `${d.severity} ${d.rule} ${d.message}`;
/** The numbers read, by row; cells in `skip` (words in the Word text, like `240万元`, whose words run into the next label once flattened) left out. */
const values = (r: ReturnType<typeof lint>, table: string, skip = new Set<string>()) =>
  r.report.tables[table].rows.map((x) => `${x.key}:${Object.entries(x.cells).map(([k, c]) => (skip.has(`${x.key}/${k}`) ? '?' : c.value)).join(',')}`);

describe('flattened text from the seeds', () => {
  for (const oneLine of [false, true]) {
    for (const seed of SEEDS) {
      it(`seed ${seed}${oneLine ? ', each table on one line' : ''}: same findings and values as the Word text`, () => {
        const text = readSeed(seed);
        const flat = renderFlat(text, { oneLine });
        const a = lint(text);
        const b = lint(flat);
        expect(b.report.reader).toBe('flat');
        expect(b.diagnostics.map(sig)).toEqual(a.diagnostics.map(sig));
        for (const t of ['proactive', 'requests', 'review']) {
          const words = new Set(a.report.tables[t].rows.flatMap((x) => Object.entries(x.cells).filter(([, c]) => c.kind === 'text').map(([k]) => `${x.key}/${k}`)));
          expect(values(b, t, words)).toEqual(values(a, t, words));
        }
      });
    }
  }

  it('each number of a run-together row gets its own exact range', () => {
    const flat = renderFlat(readSeed('003'));
    const r = lint(flat);
    const lines = flat.split('\n');
    for (const row of r.report.tables.requests.rows) {
      for (const c of Object.values(row.cells)) {
        expect(lines[c.range.start.line].slice(c.range.start.character, c.range.end.character)).toBe(c.text);
      }
    }
    const bal = r.diagnostics.filter((d) => d.rule === 'balance');
    expect(bal.map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character))).toEqual(['1', '1']);
  });
});

/** A small report whose table 三 is flattened, from rows given as strings. */
function report(rows: Record<string, string>, t = builtInTemplates.get('2021')): string {
  const out = ['某某市人民政府办公室2023年政府信息公开工作年度报告', '一、总体情况', '本年度工作情况如下。', '二、主动公开政府信息情况'];
  out.push('第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数', '规章0 0 0', '行政规范性文件1 0 5');
  out.push('第二十条第（五）项信息内容本年处理决定数量', '行政许可7', '第二十条第（六）项信息内容本年处理决定数量', '行政处罚3', '行政强制0');
  out.push('第二十条第（八）项信息内容本年收费金额（单位：万元）', '行政事业性收费0');
  out.push('三、收到和处理政府信息公开申请情况', '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他');
  for (const r of t.tables.requests.rows) out.push(`${r.label}${rows[r.key] ?? '0000000'}`);
  out.push('四、政府信息公开行政复议、行政诉讼情况', '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计', '000000000000000');
  out.push('五、存在的主要问题及改进情况', '问题与改进。', '六、其他需要报告的事项', '本年度未收取信息处理费。');
  return out.join('\n') + '\n';
}

describe('splitting run-together digits', () => {
  it('reads 一、本年新收政府信息公开申请数量200 000121 as 20,0,0,0,0,1,21', () => {
    const r = lint(report({ received: '200 000121', granted: '20 0 0 0 0 1 21', resultTotal: '20 0 0 0 0 1 21' }));
    expect(values(r, 'requests')[0]).toBe('received:20,0,0,0,0,1,21');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('an ambiguous row yields table-shape with the candidates and no arithmetic error', () => {
    // 110000011: 1,10,0,0,0,0,11 and 11,0,0,0,0,0,11 both satisfy the row sum; the column sums cannot tell either.
    const text = report({ received: '12 0 0 0 0 0 12', granted: '110000011', resultTotal: '12 0 0 0 0 0 12' });
    const r = lint(text);
    const shape = r.diagnostics.filter((d) => d.rule === 'table-shape');
    expect(shape).toHaveLength(1);
    // The crawl lost the cell borders; the report itself is not shown wrong: a warning.
    expect(shape[0].severity).toBe('warning');
    expect(shape[0].message).toContain('无法确定');
    expect(shape[0].message).toContain('1,10,0,0,0,0,11');
    expect(shape[0].message).toContain('11,0,0,0,0,0,11');
    const line = text.split('\n')[shape[0].range.start.line];
    expect(line.slice(shape[0].range.start.character, shape[0].range.end.character)).toBe('（一）予以公开');
    expect(r.diagnostics.filter((d) => /total|balance|cell-|conflict/.test(d.rule))).toEqual([]);
    expect(r.report.tables.requests.rows.some((x) => x.key === 'granted')).toBe(false);
    expect(lint(text, { lang: 'en' }).diagnostics.find((d) => d.rule === 'table-shape')!.message).toMatch(/Cannot read the row .* for certain/);
  });

  it('the balance settles a row the row sum alone cannot', () => {
    const r = lint(report({ received: '110000011', granted: '1 10 0 0 0 0 11', resultTotal: '1 10 0 0 0 0 11' }));
    expect(values(r, 'requests')[0]).toBe('received:1,10,0,0,0,0,11');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the column sums settle a result row', () => {
    const r = lint(report({ received: '11 0 0 0 0 0 11', granted: '110000011', resultTotal: '11 0 0 0 0 0 11' }));
    expect(values(r, 'requests').find((x) => x.startsWith('granted'))).toBe('granted:11,0,0,0,0,0,11');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('规章000行政规范性文件8855698: table 二 has no sums, so the second row cannot be read for certain', () => {
    const text = report({}).replace('规章0 0 0', '规章000').replace('行政规范性文件1 0 5', '行政规范性文件8855698');
    const r = lint(text);
    const rows = r.report.tables.proactive.rows.map((x) => x.key);
    expect(rows).toContain('regulations');
    expect(rows).not.toContain('normativeDocuments');
    const d = r.diagnostics.filter((x) => x.rule === 'table-shape');
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('8,85,5698');
  });

  it('a row no reading of which holds its own total is the row-total error, with the candidates, not guessed', () => {
    const text = report({ received: '123456789', granted: '1 0 0 0 0 0 1', resultTotal: '1 0 0 0 0 0 1' });
    const r = lint(text);
    expect(r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.rule)).toEqual(['row-total']);
    const d = r.diagnostics.find((x) => x.rule === 'row-total')!;
    expect(d.message).toContain('无论数字如何分隔（123456789），总计都不等于各项之和');
    expect(d.message).toContain('1,2,3,4,5,6,789');
    const line = text.split('\n')[d.range.start.line];
    expect(line.slice(d.range.start.character, d.range.end.character)).toBe('一、本年新收政府信息公开申请数量');
    expect(r.report.tables.requests.rows.some((x) => x.key === 'received')).toBe(false);
  });

  // Rows whose counts alone settle the cut (one number per group, or one digit per number) are not searched: the same answer, including none.
  it.each([
    ['one group per column, one a number with a leading 0', '1 05 0 0 0 0 6', '1 05 0 0 0 0 6'],
    ['one digit per column, one of them a point', '1.00006', '1.00006'],
  ])('%s (%s): no reading, reported as the row it is, not guessed', (_, granted, digits) => {
    const text = report({ received: '6 0 0 0 0 0 6', granted, resultTotal: '6 0 0 0 0 0 6' });
    const r = lint(text);
    const d = r.diagnostics.filter((x) => x.rule === 'table-shape');
    expect(d.map((x) => [x.severity, x.message])).toEqual([['error', `“（一）予以公开”一行的数字（${digits}）无法分成 7 个数`]]);
    const line = text.split('\n')[d[0].range.start.line];
    expect(line.slice(d[0].range.start.character, d[0].range.end.character)).toBe('（一）予以公开');
    expect(r.report.tables.requests.rows.some((x) => x.key === 'granted')).toBe(false);
  });

  it('a review row of run-together digits is split by its three 总计', () => {
    const r = lint(report({}).replace('000000000000000', '12000120000000000'));
    expect(Object.values(r.report.tables.review.rows[0].cells).map((c) => c.value)).toEqual([12, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('an ambiguous review row: table-shape with both readings, the table still there, no row-total', () => {
    const r = lint(report({}).replace('000000000000000', '10100110000020002'));
    expect(r.report.tables.review.rows).toEqual([]);
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const d = r.diagnostics.filter((x) => x.rule === 'table-shape');
    expect(d.map((x) => x.severity)).toEqual(['warning']);
    expect(d[0].message).toContain('1,0,10,0,11,0,0,0,0,0,2,0,0,0,2');
    expect(d[0].message).toContain('10,1,0,0,11,0,0,0,0,0,2,0,0,0,2');
  });

  for (const oneLine of [false, true]) {
    it(`a row printed with no figures at all is a row of blank cells, not a missing row${oneLine ? ' (the table on one line)' : ''}`, () => {
      let text = report({ received: '2 0 0 0 0 0 2', granted: '2 0 0 0 0 0 2', resultTotal: '2 0 0 0 0 0 2', carriedOut: '' });
      if (oneLine) {
        // Table 三 on one line, up to the heading of 四: `…（七）总计2000002四、结转下年度继续办理四、政府信息公开…`.
        const lines = text.split('\n');
        const from = lines.findIndex((l) => l.startsWith('申请人情况'));
        const to = lines.findIndex((l) => l.startsWith('行政复议行政诉讼'));
        text = [...lines.slice(0, from), lines.slice(from, to).join(''), ...lines.slice(to)].join('\n');
      }
      const r = lint(text);
      const row = r.report.tables.requests.rows.find((x) => x.key === 'carriedOut')!;
      expect(Object.values(row.cells).map((c) => c.kind)).toEqual(Array(7).fill('blank'));
      // Its blank 总计 is reported, as a blank 总计 is (row-total); its blank parts read as 0.
      expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['四、结转下年度继续办理 · 总计：总计为空，应为 0（0+0+0+0+0+0）']);
      expect(r.diagnostics.filter((d) => d.rule === 'cell-value').map((d) => d.severity)).toEqual(Array(6).fill('warning'));
    });
  }

  it('a blank row the balance needs figures in: the balance is broken in those columns', () => {
    // 2 received, 1 handled: one request is carried over, but the row 结转下年度 is printed blank.
    const r = lint(report({ received: '2 0 0 0 0 0 2', granted: '1 0 0 0 0 0 1', resultTotal: '1 0 0 0 0 0 1', carriedOut: '' }));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['row-total', 'balance', 'balance']);
  });

  it('a figure in the prose is not a flattened table: a missing table stays table-missing', () => {
    const text = report({}).replace(/三、收到和处理政府信息公开申请情况[\s\S]*?四、政府/, '三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请3件，上年结转政府信息公开申请0件。\n四、政府');
    const r = lint(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['table-missing']);
  });
});
