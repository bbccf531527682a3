// table-shape: a row or column the template requires is missing, or a row
// cannot be matched to the template. The readers in core/tables say what they met.
import { defineRule } from './define';
import { tableProblems } from './helpers';

export const tableShape = defineRule({
  id: 'table-shape',
  severity: 'error',
  category: 'structure',
  contract: true,
  summary: 'a required row or column missing, or a row that matches no template row',
  needsTemplate: true,
  description: { zh: '表格缺少模板要求的行或列，或某行无法对应到模板', en: 'A table lacks a required row or column, or a row matches nothing in the template' },
  check(ctx) {
    for (const p of tableProblems(ctx, undefined)) ctx.emit({ severity: p.severity, message: ctx.t(p.zh, p.en), range: p.range });
  },
});
