// The three real `pdftotext -layout` reports in ../shared/corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import { CORPUS } from '../support/fixtures';

const read = (name: string) => readFileSync(join(CORPUS, `${name}.txt`), 'utf8');
const errors = (name: string) => lint(read(name)).diagnostics.filter((d) => d.severity === 'error');

describe('pdftotext -layout corpus', () => {
  it('hongze 2023: row-total on the 行政复议 and 复议后起诉 总计 cells, both printed as 0', () => {
    const text = read('huaian-hongze-district-gov-2023');
    const errs = errors('huaian-hongze-district-gov-2023');
    expect(errs.map((d) => d.rule)).toEqual(['row-total', 'row-total']);
    const lines = text.split('\n');
    for (const d of errs) {
      const r = d.range;
      expect(r.start.line).toBe(r.end.line);
      expect(lines[r.start.line].slice(r.start.character, r.end.character)).toBe('0');
    }
    expect(errs.map((d) => d.data?.expected)).toEqual([11, 5]);
    expect(errs.map((d) => d.data?.cell)).toEqual(['review/cases/review.total', 'review/cases/suitAfter.total']);
  });

  it('hongze 2024 and the city 2024 have no error', () => {
    expect(errors('huaian-hongze-district-gov-2024')).toEqual([]);
    expect(errors('huaian-city-gov-2024')).toEqual([]);
  });

  it('finds the title, the six sections and the three tables', () => {
    for (const name of ['huaian-hongze-district-gov-2023', 'huaian-hongze-district-gov-2024', 'huaian-city-gov-2024']) {
      const { report } = lint(read(name));
      expect(report.title?.year).toBeGreaterThan(2022);
      expect(report.title?.text).toMatch(/人民政府.*年政府信息公开工作年度报告$/);
      expect(report.sections.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(Object.keys(report.tables).sort()).toEqual(['proactive', 'requests', 'review']);
      expect(report.tables.review.rows).toHaveLength(1);
    }
  });

  it('reads the city table 三 cell by cell, labels wrapped around the numbers included', () => {
    const { report } = lint(read('huaian-city-gov-2024'));
    const rows = report.tables.requests.rows;
    expect(rows.map((r) => r.key)).toHaveLength(25);
    const v = (key: string) => Object.values(rows.find((r) => r.key === key)!.cells).map((c) => c.value);
    expect(v('received')).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(v('partlyGranted')).toEqual([447, 7, 0, 0, 0, 0, 454]);
    expect(v('notProcessed.5')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(v('other.1')).toEqual([67, 3, 0, 0, 1, 0, 71]);
    expect(v('other.2')).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(v('carriedOut')).toEqual([103, 0, 0, 0, 0, 0, 103]);
    expect(Object.values(report.tables.review.rows[0].cells).map((c) => c.value)).toEqual([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
    const fees = report.tables.proactive.rows.find((r) => r.key === 'fees')!;
    expect(fees.cells.amount.value).toBe(96171.6);
  });

  it('a label garbled by the PDF is read by its position, with a warning', () => {
    const r = lint(read('huaian-hongze-district-gov-2024'));
    const w = r.diagnostics.filter((d) => d.rule === 'table-shape');
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe('warning');
    expect(w[0].message).toContain('2.其他法律行政法规禁止公开');
  });

  it('fix-all rewrites the two 总计 in the PDF text, digits in place, and then nothing is wrong', () => {
    const text = read('huaian-hongze-district-gov-2023');
    const r = fixAll(text);
    expect(r.changed).toBe(true);
    const a = text.split('\n');
    const b = r.text.split('\n');
    expect(b.filter((x, i) => x !== a[i])).toEqual(['10    1      0   0    11   0    0   0   0    0   5   0     0   0   5']);
    expect(lint(r.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('pdftotext: a blank cell prints as nothing', () => {
  it('a row one figure short is put back in its columns by position: that cell blank (a warning), no error', () => {
    const lines = read('huaian-city-gov-2024').split('\n');
    const i = lines.findIndex((l) => l.includes('（一）予以公开'));
    // 1288  21  0  0  50  3  1362: the 科研机构 figure printed blank.
    const m = [...lines[i].matchAll(/\d+/g)][2];
    lines[i] = lines[i].slice(0, m.index) + ' '.repeat(m[0].length) + lines[i].slice(m.index! + m[0].length);
    const r = lint(lines.join('\n'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const granted = r.report.tables.requests.rows.find((x) => x.key === 'granted')!;
    expect(Object.values(granted.cells).map((c) => c.text)).toEqual(['1288', '21', '', '0', '50', '3', '1362']);
    const w = r.diagnostics.filter((d) => d.rule === 'cell-value');
    expect(w.map((d) => [d.severity, d.range.start.line])).toEqual([['warning', i]]);
  });
});
