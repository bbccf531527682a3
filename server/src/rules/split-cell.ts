// split-cell: a number split over two neighbouring cells (拆格, `| 2 | 1 |` for
// 21) makes a row one cell too long; when exactly one join makes the row's and
// its columns' sums hold, core/tables/split-cells.ts reads the row joined and
// this rule reports it, with the fix that joins the two cells.
import { defineRule } from './define';
import { tableProblems } from './helpers';

export const splitCell = defineRule({
  id: 'split-cell',
  severity: 'error',
  category: 'figures',
  summary: 'a number split over two neighbouring cells (拆格, `\\| 2 \\| 1 \\|` for 21): the row one cell too long',
  fixable: { kind: 'fix-all', summary: 'join them' },
  needsTemplate: true,
  description: { zh: '一个数字被拆进相邻两格（拆格），使该行多出一格', en: 'A number split over two neighbouring cells makes a row one cell too long' },
  check(ctx) {
    for (const p of tableProblems(ctx, 'split-number')) {
      if (!p.edit) continue;
      ctx.emit({
        severity: p.severity,
        message: ctx.t(p.zh, p.en),
        range: p.range,
        fixes: [{ title: ctx.t(`合并为 ${p.edit.newText}`, `Join into ${p.edit.newText}`), isPreferred: true, edits: [p.edit] }],
        data: { joined: p.edit.newText },
      });
    }
  },
});
