// row-total: a 总计 cell is blank or is not the sum of its parts within the row
// (applicant columns of table 三; each of the three groups of table 四).
import { defineRule } from './define';
import { tableProblems } from './helpers';
import { sumCheck } from './sum-check';

export const rowTotal = defineRule({
  id: 'row-total',
  severity: 'error',
  category: 'figures',
  contract: true,
  summary: 'a 总计 that is blank or not the sum of its row',
  fixable: { kind: 'fix-all', summary: 'recompute' },
  needsTemplate: true,
  description: {
    zh: '总计单元格为空，或不等于同一行各分项之和',
    en: 'A 总计 cell is blank or is not the sum of its parts within the row',
  },
  check(ctx) {
    sumCheck(ctx, 'row');
    // Rows of flattened text whose every reading breaks the row sum (core/tables/flat-rows.ts).
    for (const p of tableProblems(ctx, 'broken-row-sum')) ctx.emit({ severity: p.severity, message: ctx.t(p.zh, p.en), range: p.range });
  },
});
