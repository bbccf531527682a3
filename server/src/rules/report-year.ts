// report-year: the title's year, the statistics period and the years the text
// uses for the reporting year disagree (a 2023 report that writes
// "2022 年…主动公开…154 条").
import { sentences } from '../core/prose/figures';
import { proseView } from '../core/prose/view';
import { defineRule } from './define';
import { findPeriodYear } from '../core/title';
import type { Section } from '../core/types';

/** Sentences about other years on purpose: comparisons, history, plans. */
const OTHER_TIME = /同比|比上年|较上年|较去年|上年|去年|以来|截至|截止|自.{0,12}起|至今|将|计划|下一步|今后|明年|历年|累计|分别|此前|之前|以前/;
const STATS = /\d+\s*(?:条|件|篇|个|次|期|场|项|份|万)/;
const LEADING_YEAR = /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?[^，,。]{0,6}?((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;

export const reportYear = defineRule({
  id: 'report-year',
  severity: 'warning',
  category: 'prose',
  contract: true,
  summary: "title year, statistics period and the text's years disagree",
  fixable: { kind: 'suggestion', summary: "the report's year" },
  description: { zh: '标题年度、统计期限与正文所述年度不一致', en: 'The title year, the statistics period and the years in the text disagree' },
  check(ctx) {
    const { report } = ctx;
    const year = report.title?.year;
    if (year === undefined) return;
    const period = /统计(?:期限|时限|时间)[^0-9]{0,12}((?:19|20)\d{2})\s*年/.exec(report.text);
    if (period && findPeriodYear(report.text) !== undefined && Number(period[1]) !== year) {
      const offset = period.index + period[0].lastIndexOf(period[1]);
      const before = report.text.slice(0, offset);
      const line = before.split(/\r\n|\r|\n/).length - 1;
      const character = offset - (before.lastIndexOf('\n') + 1);
      ctx.emit({
        message: ctx.t(`统计期限为 ${period[1]} 年，标题为 ${year} 年`, `The statistics period is ${period[1]}, the title says ${year}`),
        range: { start: { line, character }, end: { line, character: character + 4 } },
      });
    }
    for (const section of report.sections.filter(describesTheYear)) {
      const view = proseView(report, section.bodyRange.start, section.bodyRange.end);
      for (const s of sentences(view.text)) {
        const m = LEADING_YEAR.exec(s.text);
        if (!m || Number(m[1]) === year || OTHER_TIME.test(s.text) || !STATS.test(s.text)) continue;
        const at = s.start + m.index + m[0].lastIndexOf(m[1]);
        ctx.emit({
          message: ctx.t(`此处写 ${m[1]} 年，报告年度为 ${year} 年`, `This says ${m[1]}, the report is for ${year}`),
          range: view.rangeOf(at, at + 4),
          fixes: [{ title: ctx.t(`改为 ${year}`, `Change to ${year}`), isPreferred: false, suggestionOnly: true, edits: [{ range: view.rangeOf(at, at + 4), newText: String(year) }] }],
        });
      }
    }
  },
});

/** Sections 一 to 四 report the year's work; 五 and 六 speak of plans and other years. */
function describesTheYear(s: Section): boolean {
  return s.index <= 4;
}
