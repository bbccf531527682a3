// The seeds rendered as TAB rows and as Markdown (with `##` headings and with
// plain `一、` headings) read back as the same report: same tables and values,
// same sections, and the same findings on the same cells by meaning.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { readSeed, seedFiles } from '../support/fixtures';
import { meaningOf, renderSeed, RENDERINGS } from '../support/render-seed';
import type { Report } from '../../server/src/core/types';

const values = (r: Report) =>
  Object.fromEntries(
    Object.values(r.tables).map((t) => [t.key, t.rows.map((row) => [row.key, Object.values(row.cells).map((c) => c.text).join(' ')])]),
  );

describe.each(seedFiles().map((f) => f.slice(0, 3)))('seed %s rendered', (seed) => {
  const original = readSeed(seed);
  const base = lint(original);
  it.each(RENDERINGS)('as %s: same tables, values, sections and findings', (shape) => {
    const text = renderSeed(original, shape);
    const r = lint(text);
    expect(r.report.shape).toBe(shape === 'tsv' ? 'tsv' : 'markdown');
    expect(r.report.profile).toBe(base.report.profile);
    expect(r.report.year).toBe(base.report.year);
    expect(r.report.title?.text.replace(/\s/g, '')).toBe(base.report.title?.text.replace(/\s/g, ''));
    expect(r.report.sections.map((s) => s.key)).toEqual(base.report.sections.map((s) => s.key));
    expect(values(r.report)).toEqual(values(base.report));
    expect(r.diagnostics.map((d) => `${d.severity} ${meaningOf(r.report, d)}`)).toEqual(
      base.diagnostics.map((d) => `${d.severity} ${meaningOf(base.report, d)}`),
    );
  });
  it('keeps every prose line of the original', () => {
    for (const shape of RENDERINGS) {
      const text = renderSeed(original, shape);
      for (const s of base.report.sections) {
        const { start, end } = s.bodyRange;
        for (let i = start.line + 1; i < end.line; i++) {
          const line = base.report.lines[i].trim();
          if (!line || line.includes('\t') || Object.values(base.report.tables).some((t) => i >= t.range.start.line && i <= t.range.end.line)) continue;
          expect(text.includes(line), `${shape}: line ${i + 1} “${line.slice(0, 20)}…”`).toBe(true);
        }
      }
    }
  });
});

describe('rendered shapes', () => {
  it('Markdown with ## headings, Markdown with plain headings, TAB rows', () => {
    const original = readSeed('003');
    const md = renderSeed(original, 'markdown');
    expect(md).toMatch(/^## 三、收到和处理政府信息公开申请情况$/m);
    expect(md).toMatch(/^\| 一、本年新收政府信息公开申请数量 \| +\| +\| 6 \| 0 \| 0 \| 0 \| 0 \| 0 \| 6 \|$/m);
    const plain = renderSeed(original, 'markdown-plain');
    expect(plain).toMatch(/^三、收到和处理政府信息公开申请情况$/m);
    expect(plain).not.toMatch(/^#/m);
    const tsv = renderSeed(original, 'tsv');
    expect(tsv).toMatch(/^四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1$/m);
  });
});
