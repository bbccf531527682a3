// overview-length: the format in force asks that 总体情况 be "篇幅原则上不超过
// 一千字": the limit and those words are the template's (`limits.overviewLength`). Counted as the characters of section 一's prose,
// white space left out.
import { defineRule } from './define';
import { firstYearWith } from '../core/template';
import { builtInTemplates } from '../core/templates';
import { bodyText } from './helpers';

const since = firstYearWith(builtInTemplates, (t) => !!t.limits.overviewLength);

export const overviewLength = defineRule({
  id: 'overview-length',
  severity: 'warning',
  category: 'prose',
  summary: '总体情况 longer than its format allows (1,000 characters)',
  needsTemplate: true,
  description: { zh: `${since} 年及以后的报告中“总体情况”超过一千字`, en: `In a report for ${since} or later, 总体情况 is longer than 1,000 characters` },
  check(ctx) {
    const { report } = ctx;
    const limit = report.year === undefined ? undefined : ctx.templates.forYear(report.year)?.limits.overviewLength;
    if (!limit) return;
    const overview = report.sections.find((s) => s.key === 'overview');
    if (!overview) return;
    const length = codePoints(bodyText(report, overview.bodyRange));
    if (length <= limit.max) return;
    ctx.emit({
      message: ctx.t(
        `“总体情况”共 ${length} 字，格式要求${limit.quote}`,
        `总体情况 has ${length} characters; the format asks for no more than ${limit.max.toLocaleString('en-US')} in principle`,
      ),
      range: overview.headingRange,
      data: { length, limit: limit.max },
    });
  },
});

/** Characters as a reader counts them: a character outside the Basic Multilingual Plane is one, not two. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) n--;
    }
  }
  return n;
}
