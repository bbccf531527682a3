// section-order: required sections out of order. The headings that keep the
// longest run in order stay; each other one is out of place.
import { defineRule } from './define';

export const sectionOrder = defineRule({
  id: 'section-order',
  severity: 'error',
  category: 'structure',
  contract: true,
  summary: 'sections out of order',
  needsTemplate: true,
  description: { zh: '各部分顺序与模板不一致', en: 'Required sections are out of order' },
  check(ctx) {
    const sections = ctx.report.sections;
    const keep = longestIncreasing(sections.map((s) => s.index));
    sections.forEach((s, i) => {
      if (keep.has(i)) return;
      const before = sections.filter((x, j) => keep.has(j) && x.index < s.index).pop();
      ctx.emit({
        message: before
          ? ctx.t(`“${s.headingText}”应位于“${before.headingText}”之后`, `"${s.headingText}" belongs after "${before.headingText}"`)
          : ctx.t(`“${s.headingText}”应位于其他部分之前`, `"${s.headingText}" belongs before the other sections`),
        range: s.headingRange,
      });
    });
  },
});

function longestIncreasing(xs: number[]): Set<number> {
  const best: number[] = xs.map(() => 1);
  const prev: number[] = xs.map(() => -1);
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (xs[j] < xs[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = best.indexOf(Math.max(0, ...best));
  const keep = new Set<number>();
  while (end >= 0) {
    keep.add(end);
    end = prev[end];
  }
  return keep;
}
