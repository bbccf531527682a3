// The acceptance walk: every number cell of tables 三 (requests) and 四 (review)
// of a seed, in one shape, gets 1 added; the checker must put an error on it and
// fix-all must mend it. See test/core/every-cell*.test.ts.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import { buildSums, currentValues, status, type Constraint } from '../../server/src/core/sums';
import { columnLabel, rowLabel } from '../../server/src/core/template';
import { builtInTemplates } from '../../server/src/core/templates';
import { offsetAt, splitLines } from '../../server/src/core/text';
import type { Cell, Diagnostic, Range, Report } from '../../server/src/core/types';
import { SUM_RULE } from '../../server/src/rules';
import { readSeed } from './fixtures';
import { renderSeed } from './render-seed';

export type WalkShape = 'word' | 'tsv' | 'markdown';

const TABLE_NAME: Record<string, string> = { requests: '表三', review: '表四' };
const SUM_RULES = new Set(['row-total', 'column-total', 'cell-conflict']);

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export function textOf(seed: string, shape: WalkShape): string {
  const original = readSeed(seed);
  return shape === 'word' ? original : renderSeed(original, shape);
}

/** `text` with `cell` replaced by `value` (an edit at the cell's exact range). */
export function setCell(text: string, cell: Cell, value: string): string {
  const l = splitLines(text);
  return text.slice(0, offsetAt(l, cell.range.start)) + value + text.slice(offsetAt(l, cell.range.end));
}

const involves = (c: Constraint, id: string) =>
  c.total?.id === id || c.parts.some((p) => p.id === id) || (c.outParts ?? []).some((p) => p.id === id);

export function walkEveryCell(seed: string, shape: WalkShape): void {
  describe(`seed ${seed} · ${shape}`, () => {
    const text = textOf(seed, shape);
    const base = lint(text);
    const template = builtInTemplates.get(base.report.profile);
    const sums = buildSums(base.report, template);
    const v0 = currentValues(sums);
    const baseBalanceErrors = base.diagnostics.filter((d) => d.rule === 'balance').length;
    for (const key of ['requests', 'review'] as const) {
      const spec = template.tables[key];
      const table = base.report.tables[key];
      it(`seed ${seed} · ${shape} · ${TABLE_NAME[key]} is read`, () => expect(table?.rows.length).toBeGreaterThan(0));
      if (!table) continue;
      for (const row of table.rows) {
        for (const [col, cell] of Object.entries(row.cells)) {
          if (cell.kind !== 'number') continue;
          const id = `${key}/${row.key}/${col}`;
          const covering = sums.constraints.filter((c) => involves(c, id));
          const hard = covering.filter((c) => c.kind !== 'balance');
          const isTotal = hard.some((c) => c.total?.id === id);
          const where = key === 'review' ? columnLabel(spec, col) : `${rowLabel(spec, row.key!)} · ${columnLabel(spec, col)}`;
          const name = `seed ${seed} · ${shape} · ${TABLE_NAME[key]} · ${where}${isTotal ? '（总计）' : ''} +1`;
          it(name, () => {
            const changed = setCell(text, cell, String(cell.value! + 1));
            const after = lint(changed);
            const errors = after.diagnostics.filter((d) => d.severity === 'error');
            const line = cell.range.start.line;
            const onLine = errors.filter((d) => d.range.start.line === line);
            if (onLine.length === 0) {
              // The one case where no error can sit on the cell's line: Word text
              // puts each cell on a line of its own, and this part cell is covered
              // by a single sum (a group of table 四; or a row of table 三 whose
              // balance gives no usable evidence because the report's own balance
              // is already broken in that column or the 总计 column). Any cell of
              // that sum could be the wrong one, so the checker reports the sum on
              // its 总计 cell and lists this cell in the related information.
              const balanceHolds = covering
                .filter((c) => c.kind === 'balance')
                .every((c) => status(c, v0) === 'holds') &&
                sums.constraints.filter((c) => c.kind === 'balance' && hard.some((h) => h.total && involves(c, h.total.id))).every((c) => status(c, v0) === 'holds');
              const ambiguous = shape === 'word' && !isTotal && hard.length === 1 && (key === 'review' || !balanceHolds);
              expect(ambiguous, `no error on line ${line + 1}; errors: ${errors.map((d) => `${d.rule}@${d.range.start.line + 1}`).join(', ')}`).toBe(true);
              const sum = hard[0];
              const report = errors.find(
                (d: Diagnostic) => d.rule === SUM_RULE[sum.kind] && sameRange(d.range, sum.total!.cell.range) && d.related.some((r) => sameRange(r.range, cell.range)),
              );
              expect(report, `a ${SUM_RULE[sum.kind]} error on ${sum.total!.name} listing this cell`).toBeDefined();
            }
            const fixed = fixAll(changed).text;
            if (fixed === text) return;
            const refixed = lint(fixed);
            const left = refixed.diagnostics.filter((d) => SUM_RULES.has(d.rule));
            expect(left.map((d) => `${d.rule}@${d.range.start.line + 1}`)).toEqual([]);
            if (isTotal) {
              // A 总计 must come back byte for byte, except when the report's own
              // balance was broken and the changed total makes it hold: then
              // another single cell explains every sum better (seed 003's
              // 一、本年新收 and 二、上年结转 totals). Still only one cell may change.
              const balanceAfter = refixed.diagnostics.filter((d) => d.rule === 'balance').length;
              expect(balanceAfter, 'fix-all must give back the original text').toBeLessThan(baseBalanceErrors);
              expect(changedCells(after.report, refixed.report), 'fix-all changes a single cell').toHaveLength(1);
            }
          });
        }
      }
    }
  });
}

/** The table cells whose text differs between two versions of a report. */
function changedCells(ra: Report, rb: Report): string[] {
  const out: string[] = [];
  for (const [key, t] of Object.entries(ra.tables)) {
    for (const row of t.rows) {
      for (const [col, cell] of Object.entries(row.cells)) {
        const other = rb.tables[key]?.rows.find((r) => r.key === row.key)?.cells[col];
        if (other?.text !== cell.text) out.push(`${key}/${row.key}/${col}`);
      }
    }
  }
  return out;
}
