// fee-statement: the format in force requires section 六 to say whether
// information processing fees (信息处理费) were charged, even "未收取"
// (the template's `limits.feeStatement`). 行政事业性收费 in table 二 is
// another thing and does not count.
import { defineRule } from './define';
import { firstYearWith } from '../core/template';
import { builtInTemplates } from '../core/templates';
import { bodyText } from './helpers';

const since = firstYearWith(builtInTemplates, (t) => !!t.limits.feeStatement);

const FEE = /(?:信息)?处理费|信息公开(?:申请)?(?:收费|费用)|收取(?:任何)?费用/;

export const feeStatement = defineRule({
  id: 'fee-statement',
  severity: 'warning',
  category: 'prose',
  contract: true,
  summary: 'a report whose format asks for it silent on 信息处理费 in section 六',
  needsTemplate: true,
  description: { zh: `${since} 年及以后的报告未在第六部分说明是否收取信息处理费`, en: `A report for ${since} or later does not say in section 六 whether information processing fees were charged` },
  check(ctx) {
    const { report } = ctx;
    if (report.year === undefined || !ctx.templates.forYear(report.year)?.limits.feeStatement) return;
    const other = report.sections.find((s) => s.key === 'other');
    if (!other) return;
    if (FEE.test(bodyText(report, other.bodyRange))) return;
    ctx.emit({
      message: ctx.t(
        '第六部分应说明本年度是否收取信息处理费（未收取也应写明）',
        'Section 六 should say whether information processing fees (信息处理费) were charged this year, even if none were',
      ),
      range: other.headingRange,
    });
  },
});
