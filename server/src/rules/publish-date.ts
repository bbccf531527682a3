// publish-date: the signature or publication date is before the end of the
// reported year, or after the deadline of 条例 第四十九条: 1月31日 for a
// department, 3月31日 for a county-level or higher government's own report.
import { findDates, type FoundDate } from '../core/prose/dates';
import { defineRule } from './define';
import { lineRange } from '../core/text';
import type { Report } from '../core/types';

/** How far from the end the closing date may stand, in non-blank lines. */
const CLOSING_LINES = 6;
const HEAD_LINES = 8;

export const publishDate = defineRule({
  id: 'publish-date',
  severity: 'warning',
  category: 'prose',
  contract: true,
  summary: 'dated inside the reported year, or after the legal deadline',
  description: { zh: '落款或发布日期早于报告年度结束，或晚于法定期限', en: 'The signature or publication date is before the reported year ends, or after the legal deadline' },
  check(ctx) {
    const { report } = ctx;
    if (report.year === undefined) return;
    const found = closingDate(report) ?? headDate(report);
    if (!found) return;
    const { date, line } = found;
    const range = lineRange(line, date.start, date.end);
    const year = report.year;
    const written = report.lines[line].slice(date.start, date.end);
    if (date.year <= year) {
      ctx.emit({
        message: ctx.t(
          `日期“${written}”不晚于 ${year} 年末：${year} 年度的报告应在 ${year + 1} 年发布`,
          `The date "${written}" is not after the end of ${year}: a report for ${year} is published in ${year + 1}`,
        ),
        range,
        data: { year: date.year, month: date.month, day: date.day ?? null },
      });
      return;
    }
    const level = governmentLevel(report);
    const deadline = { year: year + 1, month: level === 'government' ? 3 : 1, day: 31 };
    const firstPossibleDay = date.day ?? 1;
    const late = date.year > deadline.year || (date.year === deadline.year && (date.month > deadline.month || (date.month === deadline.month && firstPossibleDay > deadline.day)));
    if (!late) return;
    ctx.emit({
      message: ctx.t(
        `日期“${written}”晚于法定期限 ${deadline.year}年${deadline.month}月${deadline.day}日（条例第四十九条，${level === 'government' ? '县级以上人民政府的年度报告' : '政府部门的年度报告'}）`,
        `The date "${written}" is after the deadline ${deadline.year}-0${deadline.month}-31 (Regulation art. 49, ${level === 'government' ? "a county-level or higher government's own report" : "a department's report"})`,
      ),
      range,
      data: { deadline: `${deadline.year}-0${deadline.month}-31`, level },
    });
  },
});

/** A 人民政府's own report (not its 办公室 or a department) is due by 3月31日. */
export function governmentLevel(report: Report): 'government' | 'department' {
  const agency = report.title?.agency ?? '';
  return /人民政府$/.test(agency) ? 'government' : 'department';
}

function closingDate(report: Report): { date: FoundDate; line: number } | undefined {
  let seen = 0;
  for (let i = report.lines.length - 1; i >= 0 && seen < CLOSING_LINES; i--) {
    const line = report.lines[i];
    if (!line.trim()) continue;
    seen++;
    if (line.trim().length > 40) continue;
    const dates = findDates(line);
    if (dates.length) return { date: dates[dates.length - 1], line: i };
  }
  return undefined;
}

/** `（2024年1月）` under the title, or a crawler's `发布时间: 2024-01-20`. */
function headDate(report: Report): { date: FoundDate; line: number } | undefined {
  const firstSection = report.sections[0]?.headingRange.start.line ?? HEAD_LINES;
  for (let i = 0; i < Math.min(firstSection, HEAD_LINES, report.lines.length); i++) {
    const line = report.lines[i];
    const trimmed = line.trim();
    if (!/^[（(]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]?$/.test(trimmed) && !/^发布(?:时间|日期)[:：]/.test(trimmed)) continue;
    const dates = findDates(line);
    if (dates.length) return { date: dates[0], line: i };
  }
  return undefined;
}

