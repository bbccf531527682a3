// overview-length: from 2021 the 总体情况 is "篇幅原则上不超过一千字"
// (国办公开办函〔2021〕30号). Counted as the characters of section 一's prose,
// white space left out.
import { defineRule } from './define';
import { profileForYear } from '../core/template';
import { bodyText } from './helpers';

const LIMIT = 1000;

export const overviewLength = defineRule({
  id: 'overview-length',
  severity: 'warning',
  category: 'prose',
  summary: '总体情况 over 1,000 characters (2021 format)',
  needsTemplate: true,
  description: { zh: '2021 年及以后的报告中“总体情况”超过一千字', en: 'In a report for 2021 or later, 总体情况 is longer than 1,000 characters' },
  check(ctx) {
    const { report } = ctx;
    if (report.year === undefined || profileForYear(report.year) !== '2021') return;
    const overview = report.sections.find((s) => s.key === 'overview');
    if (!overview) return;
    const length = [...bodyText(report, overview.bodyRange)].length;
    if (length <= LIMIT) return;
    ctx.emit({
      message: ctx.t(
        `“总体情况”共 ${length} 字，格式要求篇幅原则上不超过一千字`,
        `总体情况 has ${length} characters; the format asks for no more than 1,000 in principle`,
      ),
      range: overview.headingRange,
      data: { length, limit: LIMIT },
    });
  },
});
