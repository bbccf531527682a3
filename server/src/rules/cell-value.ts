// cell-value: a cell that must hold a non-negative integer holds something else.
// A blank part cell is read as 0 (warning); full-width digits are read as
// numbers and the fix writes them in ASCII.
import type { RuleContext } from '../core/rule';
import { defineRule } from './define';
import { blankTotals, currentValues, status } from '../core/sums';
import type { Template, ValueKind } from '../core/template';
import type { Cell } from '../core/types';

export const cellValue = defineRule({
  id: 'cell-value',
  severity: 'error',
  category: 'figures',
  contract: true,
  summary: 'text, a negative or a decimal where a count belongs; blank parts (warning)',
  fixable: { kind: 'fix-all', summary: '`２１` → `21`, blank → `0`' },
  needsTemplate: true,
  description: {
    zh: '应填非负整数的单元格填了其他内容（文字、负数、小数）；空白分项按 0 计',
    en: 'A cell that must hold a non-negative integer holds something else; a blank part is read as 0',
  },
  check(ctx) {
    const { report, template } = ctx;
    const totals = totalsOf(template);
    for (const table of Object.values(report.tables)) {
      const t = table.key === 'requests' || table.key === 'review' ? totals[table.key] : undefined;
      for (const row of table.rows) {
        const totalRow = !!t && t.rows.has(row.key ?? '');
        for (const [col, cell] of Object.entries(row.cells)) {
          const kind = table.key === 'proactive' ? proactiveKind(ctx, row.key!, col) : 'count';
          checkCell(ctx, cell, kind, totalRow || (!!t && t.columns.has(col)));
        }
      }
    }
  },
});

interface Totals {
  /** Columns that total their row (rowSums), rows that total their column (columnSums). */
  columns: Set<string>;
  rows: Set<string>;
}

const totalsByTemplate = new WeakMap<Template, Record<'requests' | 'review', Totals>>();

/** The total columns and rows of tables 三 and 四, worked out once per template. */
function totalsOf(template: Template): Record<'requests' | 'review', Totals> {
  let totals = totalsByTemplate.get(template);
  if (!totals) {
    const of = (key: 'requests' | 'review'): Totals => ({
      columns: new Set((template.tables[key].rowSums ?? []).map((s) => s.total)),
      rows: new Set((template.tables[key].columnSums ?? []).map((s) => s.total)),
    });
    totalsByTemplate.set(template, (totals = { requests: of('requests'), review: of('review') }));
  }
  return totals;
}

function proactiveKind(ctx: RuleContext, row: string, col: string): ValueKind {
  const block = ctx.template.tables.proactive.blocks.find((b) => b.rows.some((r) => r.key === row));
  return block?.columns.find((c) => c.key === col)?.value ?? 'count';
}

function brokenTotal(ctx: RuleContext, cell: Cell): boolean {
  const v = currentValues(ctx.sums);
  const blanks = blankTotals(ctx.sums);
  return ctx.sums.constraints.some((c) => c.total?.cell === cell && status(c, v, blanks) === 'broken');
}

const MONEY = /^[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万?元)?$/;
const SIGNED_WORD = /^(?:增|增加|减|减少)[0-9０-９]+$/;

function checkCell(ctx: RuleContext, cell: Cell, kind: ValueKind, total: boolean): void {
  if (cell.kind === 'blank') {
    // A blank total whose parts do not add up to 0 is row-total's or column-total's.
    if (total && brokenTotal(ctx, cell)) return;
    ctx.emit({
      severity: 'warning',
      message: ctx.t('空白单元格，按 0 计', 'Blank cell, read as 0'),
      range: cell.range,
      fixes: [{ title: ctx.t('填入 0', 'Fill in 0'), isPreferred: true, edits: [{ range: cell.range, newText: '0' }] }],
    });
    return;
  }
  if (cell.kind === 'na') return;
  const text = cell.text.replace(/[\s\u00a0\u3000]+/g, '');
  if (cell.kind === 'text') {
    if (kind === 'money' && MONEY.test(text)) return;
    if (kind === 'signed' && SIGNED_WORD.test(text)) return;
    ctx.emit({
      message: ctx.t(`应填${describe(kind, 'zh')}，实为“${cell.text}”`, `Should hold ${describe(kind, 'en')}, found "${cell.text}"`),
      range: cell.range,
    });
    return;
  }
  const value = cell.value!;
  const badSign = value < 0 && kind !== 'signed';
  const badDecimal = !Number.isInteger(value) && kind !== 'money';
  if (badSign || badDecimal) {
    ctx.emit({
      message: ctx.t(`应填${describe(kind, 'zh')}，实为 ${cell.text}`, `Should hold ${describe(kind, 'en')}, found ${cell.text}`),
      range: cell.range,
    });
    return;
  }
  if (cell.fullWidth) {
    const ascii = cell.text.normalize('NFKC').replace(/\s+/g, '');
    ctx.emit({
      severity: 'warning',
      message: ctx.t(`全角数字“${cell.text}”按 ${ascii} 读取`, `Full-width digits "${cell.text}" read as ${ascii}`),
      range: cell.range,
      fixes: [{ title: ctx.t(`改为半角 ${ascii}`, `Write as ${ascii}`), isPreferred: true, edits: [{ range: cell.range, newText: ascii }] }],
    });
  }
}

function describe(kind: ValueKind, lang: 'zh' | 'en'): string {
  if (kind === 'money') return lang === 'zh' ? '金额' : 'an amount';
  if (kind === 'signed') return lang === 'zh' ? '整数' : 'an integer';
  return lang === 'zh' ? '非负整数' : 'a non-negative integer';
}
