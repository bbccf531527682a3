// template-version: the tables follow the 2019 format in a report for 2021 or
// later, or the 2021 format in one for 2019/2020; reports before 2019 follow
// the old regulation and are not checked against either (said once).
import { defineRule } from './define';
import { profileForYear } from '../core/template';

export const templateVersion = defineRule({
  id: 'template-version',
  severity: 'warning',
  category: 'structure',
  contract: true,
  summary: '2019-format tables in a 2021+ report, or the reverse',
  description: { zh: '统计表格式与报告年度适用的模板不符', en: 'The tables follow the other template than the report year calls for' },
  check(ctx) {
    const { report } = ctx;
    if (report.year === undefined) return;
    const due = profileForYear(report.year);
    if (!due) {
      ctx.emit({
        message: ctx.t(
          `${report.year} 年度报告适用修订前的条例，不按 2019、2021 年格式检查章节和表格`,
          `A report for ${report.year} follows the regulation before its 2019 revision; sections and tables are not checked`,
        ),
        range: report.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
      return;
    }
    if (!report.layout || report.layout.profile === due) return;
    ctx.emit({
      message: ctx.t(
        `${report.year} 年度报告应使用 ${due} 年格式，此表为 ${report.layout.profile} 年格式`,
        `A report for ${report.year} should use the ${due} format; this table follows the ${report.layout.profile} format`,
      ),
      range: report.layout.range,
      data: { due, found: report.layout.profile },
    });
  },
});
