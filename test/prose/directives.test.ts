import { describe, expect, it } from 'vitest';
import { disableFixes } from '../../server/src/core/directives';
import { applyEdits } from '../../server/src/core/edits';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';
import { renderSeed } from '../support/render-seed';

describe('disable quick fixes', () => {
  it('Word text: a comment line above the cell silences just that diagnostic', () => {
    const text = readSeed('000').split('\n').map((l, i) => (i === 97 ? '\t27' : l)).join('\n');
    const r = lint(text);
    const d = r.diagnostics.find((x) => x.rule === 'row-total')!;
    const [line] = disableFixes(r.report, d, 'zh');
    const fixed = applyEdits(text, line.edits);
    expect(fixed.split('\n')[97]).toBe('// xxgk-disable-next-line row-total');
    // the prose's 24 now disagrees with the table's 27: that is narrative-mismatch's to say
    expect(lint(fixed).diagnostics.map((x) => x.rule)).toEqual(['narrative-mismatch', 'balance', 'section-empty', 'fee-statement']);
  });

  it('Markdown: inside a GFM table the rule is turned off around the table, which stays one table', () => {
    const md = renderSeed(readSeed('000'), 'markdown');
    const bad = md.replace(/\| 一、本年新收政府信息公开申请数量 \|(.*)\| 24 \|/, '| 一、本年新收政府信息公开申请数量 |$1| 27 |');
    expect(bad).not.toBe(md);
    const r = lint(bad);
    const d = r.diagnostics.find((x) => x.rule === 'row-total')!;
    const [table] = disableFixes(r.report, d, 'en');
    expect(table.title).toBe('Disable row-total for this table');
    const fixed = applyEdits(bad, table.edits);
    expect(fixed).toContain('<!-- xxgk-disable row-total -->');
    expect(fixed).toContain('<!-- xxgk-enable row-total -->');
    const after = lint(fixed);
    expect(after.diagnostics.filter((x) => x.rule === 'row-total')).toEqual([]);
    expect(after.report.tables.requests.rows).toHaveLength(25);
  });
});
