// section-empty: a section heading with nothing under it, or only a placeholder;
// 五 with only a sentence that denies any problem.
import { defineRule } from './define';
import { bodyText } from './helpers';

const PLACEHOLDER = /^[(（]?(?:(?:本年度?|今年|全年|本年内)?(?:无|暂无)|略|文字描述|此处填写.*|在此填写.*|待补充)[)）]?[。.]?$/;
/**
 * 五 must state the problems and how they are being addressed: one short
 * sentence that only denies having any (`本年度无存在的问题。`) says nothing.
 */
const DENIAL = /无|暂无|没有|不存在|未发现|未发生/;
const IMPROVEMENT = /加强|完善|提升|提高|推进|改进|整改|优化|强化|规范|落实|进一步|将|继续|持续|力争|确保/;
const MAX_DENIAL = 30;

export const sectionEmpty = defineRule({
  id: 'section-empty',
  severity: 'warning',
  category: 'structure',
  contract: true,
  summary: 'a heading with nothing (or only a placeholder) under it; a 五 that only denies any problem',
  needsTemplate: true,
  description: { zh: '某部分标题下没有内容', en: 'A section heading has no content under it' },
  check(ctx) {
    for (const s of ctx.report.sections) {
      const body = bodyText(ctx.report, s.bodyRange);
      if (body === '') {
        ctx.emit({ message: ctx.t(`“${s.headingText}”下没有内容`, `Nothing under "${s.headingText}"`), range: s.headingRange });
      } else if (PLACEHOLDER.test(body)) {
        ctx.emit({ message: ctx.t(`“${s.headingText}”下只有占位文字“${body}”`, `Only the placeholder "${body}" under "${s.headingText}"`), range: s.headingRange });
      } else if (s.key === 'problems' && saysNothing(body)) {
        ctx.emit({
          message: ctx.t(
            `“${s.headingText}”下只有“${body}”：应写明存在的主要问题及改进情况`,
            `Only "${body}" under "${s.headingText}": the part must state the main problems and how they are being addressed`,
          ),
          range: s.headingRange,
        });
      }
    }
  },
});

/** One short sentence denying any problem, with no word of what is being done. */
function saysNothing(body: string): boolean {
  const sentences = body.split(/[。；;!！]/).filter(Boolean);
  return sentences.length === 1 && [...body].length <= MAX_DENIAL && DENIAL.test(body) && !IMPROVEMENT.test(body);
}
