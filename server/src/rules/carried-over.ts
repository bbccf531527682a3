// carried-over: this year's 上年结转 must equal last year's 结转下年度, per
// column, when last year's report of the same agency is at hand. For a
// table 二 that counts documents in force, also a hint when 现行有效件数 ≠ last year's + 本年制发 − 本年废止
// (clean-ups break that legitimately, so it is only a hint): both years'
// templates must have those columns.
import type { RuleContext } from '../core/rule';
import { defineRule } from './define';
import { columnLabel, proactiveRows, type Template } from '../core/template';

const IN_FORCE = ['issued', 'repealed', 'inForce'];
const countsInForce = (t: Template) => proactiveRows(t).some(({ block }) => IN_FORCE.every((k) => block.columns.some((c) => c.key === k)));

export const carriedOver = defineRule({
  id: 'carried-over',
  severity: 'warning',
  category: 'prose',
  contract: true,
  summary: "上年结转 ≠ last year's 结转下年度 (when last year's report is at hand)",
  fixable: { kind: 'suggestion', summary: "last year's figure" },
  needsTemplate: true,
  description: { zh: '本年“上年结转”与上年报告的“结转下年度继续办理”不一致', en: "This year's carried-in requests differ from last year's carried-out requests" },
  check(ctx) {
    const prev = ctx.previous;
    const { report } = ctx;
    if (!prev || report.year === undefined || prev.report.year !== report.year - 1) return;
    checkRequests(ctx);
    if (countsInForce(ctx.template) && ctx.templates.has(prev.report.profile) && countsInForce(ctx.templates.get(prev.report.profile))) checkInForce(ctx);
  },
});

function checkRequests(ctx: RuleContext): void {
  const prev = ctx.previous!;
  const carriedIn = ctx.report.tables.requests?.rows.find((r) => r.key === 'carriedIn');
  const carriedOut = prev.report.tables.requests?.rows.find((r) => r.key === 'carriedOut');
  if (!carriedIn || !carriedOut) return;
  for (const col of ctx.template.tables.requests.columns) {
    const now = carriedIn.cells[col.key];
    const then = carriedOut.cells[col.key];
    if (!now || !then || now.value === null || then.value === null || now.value === then.value) continue;
    const name = columnLabel(ctx.template.tables.requests, col.key);
    ctx.emit({
      message: ctx.t(
        `${name}：上年结转为 ${now.value}，而 ${prev.report.year} 年报告的结转下年度继续办理为 ${then.value}`,
        `${name}: carried in ${now.value}, but the ${prev.report.year} report carried out ${then.value}`,
      ),
      range: now.range,
      related: [{ message: ctx.t(`${prev.report.year} 年报告：结转下年度继续办理`, `${prev.report.year} report: carried out`), range: then.range, uri: prev.uri }],
      fixes: [{ title: ctx.t(`改为 ${then.value}`, `Change to ${then.value}`), isPreferred: false, suggestionOnly: true, edits: [{ range: now.range, newText: String(then.value) }] }],
      data: { lastYear: then.value, thisYear: now.value },
    });
  }
}

function checkInForce(ctx: RuleContext): void {
  const prev = ctx.previous!;
  for (const row of ctx.report.tables.proactive?.rows ?? []) {
    const last = prev.report.tables.proactive?.rows.find((r) => r.key === row.key)?.cells.inForce;
    const { issued, repealed, inForce } = row.cells;
    if (!last || !issued || !repealed || !inForce || [last, issued, repealed, inForce].some((c) => c.value === null)) continue;
    const expected = last.value! + issued.value! - repealed.value!;
    if (expected === inForce.value) continue;
    ctx.emit({
      severity: 'info',
      message: ctx.t(
        `${row.label}现行有效件数为 ${inForce.value}，按上年 ${last.value} + 本年制发 ${issued.value} − 本年废止 ${repealed.value} 应为 ${expected}（清理文件时可能不同）`,
        `${row.label} in force: ${inForce.value}; last year's ${last.value} + issued ${issued.value} − repealed ${repealed.value} gives ${expected} (clean-ups can explain it)`,
      ),
      range: inForce.range,
      related: [{ message: ctx.t(`${prev.report.year} 年报告：现行有效件数`, `${prev.report.year} report: in force`), range: last.range, uri: prev.uri }],
    });
  }
}
