// template-version: the tables follow another template than the one the
// report's year calls for (the trial format's in a report of a later year, or
// the reverse); reports before the first template follow the old regulation
// and are not checked against any (said once).
import { defineRule } from './define';

export const templateVersion = defineRule({
  id: 'template-version',
  severity: 'warning',
  category: 'structure',
  contract: true,
  summary: 'tables in another format than the report\'s year calls for',
  description: { zh: '统计表格式与报告年度适用的模板不符', en: 'The tables follow the other template than the report year calls for' },
  check(ctx) {
    const { report } = ctx;
    if (report.year === undefined) return;
    const due = ctx.templates.forYear(report.year)?.version;
    if (!due) {
      ctx.emit({
        message: ctx.t(
          `${report.year} 年度报告适用修订前的条例，不按 ${ctx.templates.versions.join('、')} 年格式检查章节和表格`,
          `A report for ${report.year} follows the regulation before its ${ctx.templates.firstYear} revision; sections and tables are not checked`,
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
