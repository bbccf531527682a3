// column-total: a cell of the row （七）总计 is not the sum of the result rows above it.
import { defineRule } from './define';
import { sumCheck } from './sum-check';

export const columnTotal = defineRule({
  id: 'column-total',
  severity: 'error',
  category: 'figures',
  contract: true,
  summary: 'a （七）总计 cell that is not the sum of the result rows',
  fixable: { kind: 'fix-all', summary: 'recompute' },
  needsTemplate: true,
  description: {
    zh: '（七）总计一行的单元格不等于其上各办理结果行在同一列之和',
    en: 'A cell of the row （七）总计 is not the sum of the result rows above it in its column',
  },
  check: (ctx) => sumCheck(ctx, 'column'),
});
