// column-total: a cell of the row （七）总计 is not the sum of the result rows above it.
import type { Rule } from '../core/rule';
import { sumCheck } from './sum-check';

export const columnTotal: Rule = {
  id: 'column-total',
  severity: 'error',
  needsTemplate: true,
  description: {
    zh: '（七）总计一行的单元格不等于其上各办理结果行在同一列之和',
    en: 'A cell of the row （七）总计 is not the sum of the result rows above it in its column',
  },
  check: (ctx) => sumCheck(ctx, 'column-total'),
};
