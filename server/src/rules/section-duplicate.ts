// section-duplicate: the same required section appears twice.
import { defineRule } from './define';

export const sectionDuplicate = defineRule({
  id: 'section-duplicate',
  severity: 'warning',
  category: 'structure',
  contract: true,
  summary: 'a section appears twice',
  needsTemplate: true,
  description: { zh: '同一部分出现两次', en: 'The same required section appears twice' },
  check(ctx) {
    for (const d of ctx.report.duplicateSections) {
      const first = ctx.report.sections.find((s) => s.key === d.key)!;
      ctx.emit({
        message: ctx.t(`“${d.headingText}”重复出现（第 ${first.headingRange.start.line + 1} 行已有）`, `"${d.headingText}" appears again (first on line ${first.headingRange.start.line + 1})`),
        range: d.headingRange,
        related: [{ message: ctx.t('首次出现', 'First heading'), range: first.headingRange }],
      });
    }
  },
});
