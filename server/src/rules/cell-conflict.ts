// cell-conflict: a part cell that disagrees with its row total and its column
// total (or the balance) at once. One change to this cell makes them all hold,
// so this is the cell to look at, not the totals.
import { defineRule } from './define';
import { currentValues } from '../core/sums';
import { setCellFix } from './helpers';

export const cellConflict = defineRule({
  id: 'cell-conflict',
  severity: 'error',
  category: 'figures',
  summary: 'a part cell that breaks its row and its column at once: the wrong cell',
  fixable: { kind: 'fix-all', summary: 'set that cell' },
  needsTemplate: true,
  description: {
    zh: '分项单元格同时与所在行、所在列（或勾稽关系）的合计不符，改这一格即可全部平衡',
    en: 'A part cell disagrees with both its row and its column (or the balance); changing this one cell mends them all',
  },
  check(ctx) {
    const v = currentValues(ctx.sums);
    for (const change of ctx.changes) {
      const ref = ctx.sums.cells.get(change.id);
      if (!ref) continue;
      const isTotal = ctx.sums.constraints.some((c) => change.mends.includes(c.id) && c.total?.id === change.id);
      if (isTotal) continue;
      const sums = ctx.sums.constraints.filter((c) => change.mends.includes(c.id));
      ctx.emit({
        message: ctx.t(
          `“${ref.name}”应为 ${change.value}，实为 ${v.get(change.id)}：改为 ${change.value} 后所在行、列的合计都成立`,
          `"${ref.name}" should be ${change.value}, found ${v.get(change.id)}: with ${change.value} its row and column sums all hold`,
        ),
        range: ref.cell.range,
        related: sums.filter((c) => c.total).map((c) => ({
          message: ctx.t(`受影响的合计：${c.total!.name}`, `Sum affected: ${c.total!.name}`),
          range: c.total!.cell.range,
        })),
        fixes: [setCellFix(ctx, ref.cell, change.value)],
        data: { expected: change.value, actual: v.get(change.id) ?? null, cell: change.id },
      });
    }
  },
});
