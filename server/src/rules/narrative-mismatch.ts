// narrative-mismatch: a figure stated in the prose contradicts the table
// (收到申请24件 while the table says 22). A warning: prose can legitimately
// speak of another scope, so sentences about another body are left alone.
import { findFigures, findZeroClaims, otherScope, sentences, type Figure, type Topic } from '../core/prose/figures';
import { proseView } from '../core/prose/view';
import type { RuleContext } from '../core/rule';
import { defineRule } from './define';
import type { Cell, Range, Table } from '../core/types';
import { bracketedPercent, findCompletionClaims, grantedAndPartly, otherMatter, percentAgrees, type StatedPercent } from './narrative-claims';

interface Stated {
  value: number;
  cells: Cell[];
  label: string;
  /** Other values that also count as agreeing (受理 = 新收 + 上年结转). */
  alternatives?: number[];
}

export const narrativeMismatch = defineRule({
  id: 'narrative-mismatch',
  severity: 'warning',
  category: 'prose',
  contract: true,
  summary: 'a figure in the prose contradicts the table',
  fixable: { kind: 'fix-all', summary: "the table's figure" },
  needsTemplate: true,
  description: { zh: '正文中的数字与统计表不一致', en: 'A figure in the prose contradicts the table' },
  check(ctx) {
    const { report } = ctx;
    const requests = report.tables.requests;
    const review = report.tables.review;
    if (!requests && !review) return;
    const view = proseView(report);
    const agency = report.title?.agency;
    for (const s of sentences(view.text)) {
      if (otherScope(s.text, agency)) continue;
      for (const f of findFigures(s.text, s.start)) {
        const before = view.text.slice(s.start, f.start);
        if (otherMatter(before)) continue;
        const both = grantedAndPartly(before);
        const stated = both ? grantedOrPartly(ctx, requests) : tableFigure(ctx, f, requests, review);
        if (!stated) continue;
        const agrees = stated.value === f.value || stated.alternatives?.includes(f.value);
        const range = view.rangeOf(f.start, f.end);
        if (!agrees) {
          emitMismatch(ctx, range, f.raw, stated);
          continue;
        }
        const percent = f.percent ?? bracketedPercent(view.text.slice(f.end, f.end + 40), f.end);
        if (percent) checkPercent(ctx, f.value, percent, view.rangeOf(percent.start, percent.end), requests);
      }
      checkCompletion(ctx, view, s, requests);
      for (const z of findZeroClaims(s.text, s.start)) {
        const parts = z.topics.map((t) => tableFigure(ctx, { topic: t } as Figure, requests, review)).filter((x): x is Stated => !!x);
        const nonZero = parts.filter((p) => p.value > 0);
        if (!nonZero.length) continue;
        ctx.emit({
          message: ctx.t(
            `正文称“${z.text}”，但统计表中${nonZero.map((p) => `${p.label}为 ${p.value}`).join('，')}`,
            `The prose says "${z.text}", but the table has ${nonZero.map((p) => `${p.label} = ${p.value}`).join(', ')}`,
          ),
          range: view.rangeOf(z.start, z.end),
          related: nonZero.flatMap((p) => p.cells.map((c) => ({ message: `${p.label}: ${c.text}`, range: c.range }))),
        });
      }
    }
  },
});

function emitMismatch(ctx: RuleContext, range: Range, raw: string, stated: Stated): void {
  ctx.emit({
    message: ctx.t(`正文写“${raw}”，统计表中${stated.label}为 ${stated.value}`, `The prose says ${raw}, the table's ${stated.label} is ${stated.value}`),
    range,
    related: stated.cells.map((c) => ({ message: ctx.t(`统计表：${stated.label}`, `Table: ${stated.label}`), range: c.range })),
    fixes: [{ title: ctx.t(`改为统计表中的 ${stated.value}`, `Change to the table's ${stated.value}`), isPreferred: true, edits: [{ range, newText: String(stated.value) }] }],
    data: { stated: raw, table: stated.value },
  });
}

function checkPercent(ctx: RuleContext, count: number, p: StatedPercent, range: Range, requests: Table | undefined): void {
  const denominators = [total(requests, ['received']), total(requests, ['resultTotal']), total(requests, ['received', 'carriedIn'])]
    .map((d) => d?.value)
    .filter((d): d is number => !!d);
  if (!denominators.length || percentAgrees(count, p, denominators)) return;
  // The share of what was handled: the denominator the format's table 三 result rows add up to.
  const base = total(requests, ['resultTotal'])?.value || denominators[0];
  const expected = ((count / base) * 100).toFixed(p.decimals);
  ctx.emit({
    message: ctx.t(`正文写占 ${p.value}%，按统计表应为 ${expected}%（${count}/${base}）`, `The prose says ${p.value}%, the table gives ${expected}% (${count}/${base})`),
    range,
    fixes: [{ title: ctx.t(`改为 ${expected}`, `Change to ${expected}`), isPreferred: false, edits: [{ range, newText: expected }] }],
    data: { stated: p.value, table: Number(expected) },
  });
}

/** `均已办结`, `办结率100%` while requests are carried over to next year. */
function checkCompletion(ctx: RuleContext, view: ReturnType<typeof proseView>, s: { text: string; start: number }, requests: Table | undefined): void {
  const claims = findCompletionClaims(s.text, s.start);
  if (!claims.length) return;
  const carried = total(requests, ['carriedOut']);
  if (!carried || carried.value === 0) return;
  for (const c of claims) {
    ctx.emit({
      message: ctx.t(
        `正文称“${c.text}”，但统计表中结转下年度继续办理为 ${carried.value}`,
        `The prose says "${c.text}", but the table carries ${carried.value} request(s) over to next year`,
      ),
      range: view.rangeOf(c.start, c.end),
      related: carried.cells.map((cell) => ({ message: ctx.t('统计表：结转下年度继续办理', 'Table: carried over to next year'), range: cell.range })),
      data: { claim: c.text, carriedOut: carried.value },
    });
  }
}

/** 予以公开 + 部分公开, for a figure that counts both. */
function grantedOrPartly(ctx: RuleContext, requests: Table | undefined): Stated | undefined {
  const a = total(requests, ['granted']);
  const b = total(requests, ['partlyGranted']);
  if (!a || !b) return undefined;
  return { value: a.value + b.value, cells: [...a.cells, ...b.cells], label: ctx.t('予以公开与部分公开之和', 'granted and partly granted') };
}

/** A cell that states a figure: a blank one states none (a blank 总计 is row-total's to report). */
function cellOf(table: Table | undefined, row: string, col: string): Cell | undefined {
  const c = table?.rows.find((r) => r.key === row)?.cells[col];
  return c && c.value !== null && c.kind !== 'blank' ? c : undefined;
}

/** The sum of the `total` column over some rows of table 三. */
function total(table: Table | undefined, rows: string[], prefix = false): { value: number; cells: Cell[] } | undefined {
  const keys = prefix ? (table?.rows ?? []).map((r) => r.key!).filter((k) => rows.some((p) => k === p || k.startsWith(p + '.'))) : rows;
  const cells = keys.map((k) => cellOf(table, k, 'total'));
  if (!cells.length || cells.some((c) => !c)) return undefined;
  return { value: cells.reduce((s, c) => s + c!.value!, 0), cells: cells as Cell[] };
}

function reviewSum(table: Table | undefined, cols: string[]): { value: number; cells: Cell[] } | undefined {
  const cells = cols.map((c) => cellOf(table, 'cases', c));
  if (cells.some((c) => !c)) return undefined;
  return { value: cells.reduce((s, c) => s + c!.value!, 0), cells: cells as Cell[] };
}

const RESULT: Partial<Record<Topic, string>> = { upheld: 'upheld', corrected: 'corrected', otherResult: 'other', pending: 'pending' };

function tableFigure(ctx: RuleContext, f: Figure, requests: Table | undefined, review: Table | undefined): Stated | undefined {
  const t = ctx.t;
  const withLabel = (x: { value: number; cells: Cell[] } | undefined, label: string, alternatives?: number[]) =>
    x ? { ...x, label, alternatives } : undefined;
  switch (f.topic) {
    case 'received': {
      const both = total(requests, ['received', 'carriedIn']);
      return withLabel(total(requests, ['received']), t('本年新收申请总计', 'new requests'), both ? [both.value] : undefined);
    }
    case 'carriedIn': return withLabel(total(requests, ['carriedIn']), t('上年结转申请总计', 'requests carried in'));
    case 'handled': return withLabel(total(requests, ['resultTotal']), t('办理结果总计', 'requests handled'));
    case 'carriedOut': return withLabel(total(requests, ['carriedOut']), t('结转下年度继续办理总计', 'requests carried out'));
    case 'granted': return withLabel(total(requests, ['granted']), t('予以公开总计', 'granted'));
    case 'partlyGranted': return withLabel(total(requests, ['partlyGranted']), t('部分公开总计', 'partly granted'));
    case 'refused': return withLabel(total(requests, ['refused'], true), t('不予公开总计', 'refused'));
    case 'unavailable': return withLabel(total(requests, ['unavailable'], true), t('无法提供总计', 'unavailable'));
    case 'notProcessed': return withLabel(total(requests, ['notProcessed'], true), t('不予处理总计', 'not processed'));
    case 'other': return withLabel(total(requests, ['other'], true), t('其他处理总计', 'otherwise handled'));
    case 'review': return withLabel(reviewSum(review, ['review.total']), t('行政复议总计', 'administrative reviews'));
    case 'suit': return withLabel(reviewSum(review, ['suitDirect.total', 'suitAfter.total']), t('行政诉讼总计', 'lawsuits'));
    case 'suitDirect': return withLabel(reviewSum(review, ['suitDirect.total']), t('未经复议直接起诉总计', 'direct lawsuits'));
    case 'suitAfter': return withLabel(reviewSum(review, ['suitAfter.total']), t('复议后起诉总计', 'lawsuits after review'));
    default: {
      const leaf = RESULT[f.topic];
      if (!leaf || !f.group) return undefined;
      const cols = f.group === 'review' ? [`review.${leaf}`] : [`suitDirect.${leaf}`, `suitAfter.${leaf}`];
      const name = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' }[leaf]!;
      return withLabel(reviewSum(review, cols), t(`${f.group === 'review' ? '行政复议' : '行政诉讼'}${name}`, `${f.group} ${leaf}`));
    }
  }
}
