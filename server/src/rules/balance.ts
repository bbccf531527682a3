// balance: 第一项 + 第二项 = 第三项 + 第四项 in every column of table 三
// (新收 + 上年结转 = 办理结果总计 + 结转下年度). The fix is only a suggestion:
// which of the four figures is wrong is for the writer to say.
import { defineRule } from './define';
import { currentValues, status } from '../core/sums';
import { relatedCells } from './helpers';

export const balance = defineRule({
  id: 'balance',
  severity: 'error',
  category: 'figures',
  contract: true,
  summary: '新收 + 上年结转 ≠ 办理结果总计 + 结转下年度 in a column',
  fixable: { kind: 'suggestion', summary: 'set 结转下年度' },
  needsTemplate: true,
  description: {
    zh: '第一项加第二项之和不等于第三项加第四项之和（勾稽关系）',
    en: 'Received plus carried in does not equal handled plus carried out (勾稽关系)',
  },
  check(ctx) {
    const v = currentValues(ctx.sums);
    // A blank total that its own sum fills in (row-total reports it) is judged with that value.
    const filled = new Map(v);
    for (const ch of ctx.changes) if (ctx.sums.cells.get(ch.id)?.cell.kind === 'blank') filled.set(ch.id, ch.value);
    for (const c of ctx.sums.constraints) {
      if (c.kind !== 'balance' || status(c, v) !== 'broken' || status(c, filled) !== 'broken') continue;
      const outs = c.outParts!;
      const carriedOut = outs[outs.length - 1];
      const [a, b] = c.parts.map((p) => v.get(p.id)!);
      const [x, y] = outs.map((p) => v.get(p.id)!);
      const column = carriedOut.name.split(' · ').pop();
      const balancing = a + b - x;
      ctx.emit({
        message: ctx.t(
          `${column}列：第一项加第二项之和（${a}+${b}=${a + b}）不等于第三项加第四项之和（${x}+${y}=${x + y}）`,
          `Column ${column}: received plus carried in (${a}+${b}=${a + b}) does not equal handled plus carried out (${x}+${y}=${x + y})`,
        ),
        range: carriedOut.cell.range,
        related: relatedCells(ctx, [...c.parts, outs[0]], v),
        fixes:
          balancing >= 0
            ? [{
                title: ctx.t(`将结转下年度改为 ${balancing} 使其平衡`, `Set carried out to ${balancing} to balance`),
                isPreferred: false,
                suggestionOnly: true,
                edits: [{ range: carriedOut.cell.range, newText: String(balancing) }],
              }]
            : [],
        data: { in: a + b, out: x + y, balancingCarriedOut: balancing },
      });
    }
  },
});
