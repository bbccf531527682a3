// The check behind row-total and column-total: one diagnostic per broken sum,
// on its total cell, saying the numbers. When one wrong part explains this
// sum and another one (see core/blame.ts), the preferred fix rewrites that part.
import type { RuleContext } from '../core/rule';
import { blankTotals, currentValues, solveFor, status, type SumKind } from '../core/sums';
import { blameElsewhere, partsFormula, relatedCells, setCellFix } from './helpers';

export function sumCheck(ctx: RuleContext, kind: Exclude<SumKind, 'balance'>): void {
  const v = currentValues(ctx.sums);
  const blanks = blankTotals(ctx.sums);
  for (const c of ctx.sums.constraints) {
    if (c.kind !== kind || !c.total || status(c, v, blanks) !== 'broken') continue;
    const expected = solveFor(c, c.total.id, v)!;
    const formula = partsFormula(ctx, c.parts, v);
    const isBlank = c.total.cell.kind === 'blank';
    const where = c.total.name;
    const recompute = setCellFix(
      ctx,
      c.total.cell,
      expected,
      isBlank ? ctx.t(`填入总计 ${expected}`, `Fill in the total ${expected}`) : ctx.t(`将总计改为 ${expected}`, `Change the total to ${expected}`),
    );
    const blame = blameElsewhere(ctx, c);
    let message = isBlank
      ? ctx.t(`${where}：总计为空，应为 ${expected}（${formula}）`, `${where}: the total is blank, it should be ${expected} (${formula})`)
      : ctx.t(`${where}：总计应为 ${expected}（${formula}），实为 ${v.get(c.total.id)}`, `${where}: the total should be ${expected} (${formula}), found ${v.get(c.total.id)}`);
    const fixes = [recompute];
    if (blame) {
      message += ctx.t(
        `；更可能是“${blame.ref.name}”有误（应为 ${blame.change.value}）`,
        `; more likely "${blame.ref.name}" is wrong (should be ${blame.change.value})`,
      );
      recompute.isPreferred = false;
      fixes.unshift(setCellFix(ctx, blame.ref.cell, blame.change.value, ctx.t(`将“${blame.ref.name}”改为 ${blame.change.value}`, `Change "${blame.ref.name}" to ${blame.change.value}`)));
    }
    ctx.emit({
      message,
      range: c.total.cell.range,
      related: relatedCells(ctx, c.parts, v, blame ? [blame.ref] : []),
      fixes,
      data: { expected, actual: isBlank ? null : v.get(c.total.id), parts: c.parts.map((p) => v.get(p.id)), cell: c.total.id },
    });
  }
}
