// copied-text: a part whose prose is half or more the same as that part of
// last year's report of the same agency. The format in force forbids 年年雷同, and
// local assessments deduct above 50 % repeated text; 五 (problems and
// improvements) and 一 (the overview) are where it shows most.
import type { RuleContext } from '../core/rule';
import { defineRule } from './define';
import type { Related, Report, Section } from '../core/types';
import { proseView, type ProseView } from '../core/prose/view';
import { normalise, overlap, SHINGLE, type Normalised } from './text-overlap';

export const COPIED_SHARE = 0.5;
/** Shorter parts (六's one-line statement, the table parts' captions) say the same every year by nature. */
export const MIN_CHARACTERS = 100;
const MAX_STRETCHES = 3;
const MIN_STRETCH = 20;
const EXCERPT = 24;

export const copiedText = defineRule({
  id: 'copied-text',
  severity: 'warning',
  category: 'prose',
  summary: "a part 50 % or more the same as in last year's report (when last year's report is at hand)",
  needsTemplate: true,
  description: { zh: '某部分与上年报告同一部分的文字半数以上相同', en: "A part is half or more the same as that part of last year's report" },
  check(ctx) {
    const prev = ctx.previous;
    const { report } = ctx;
    if (!prev || report.year === undefined || prev.report.year !== report.year - 1) return;
    for (const s of report.sections) {
      const then = prev.report.sections.find((x) => x.key === s.key);
      if (!then) continue;
      const mine = prose(report, s);
      if (mine.norm.text.length < MIN_CHARACTERS) continue;
      const theirs = prose(prev.report, then);
      const o = overlap(mine.norm.text, theirs.norm.text);
      if (o.share < COPIED_SHARE) continue;
      const percent = Math.round(o.share * 100);
      ctx.emit({
        message: ctx.t(
          `“${s.headingText}”的文字有 ${percent}% 与 ${prev.report.year} 年报告的同一部分相同`,
          `${percent}% of the text of "${s.headingText}" is the same as that part of the ${prev.report.year} report`,
        ),
        range: s.headingRange,
        related: [
          ...stretches(ctx, mine, o.stretches, prev.report.year!),
          { message: ctx.t(`${prev.report.year} 年报告：${then.headingText}`, `${prev.report.year} report: ${then.headingText}`), range: then.headingRange, uri: prev.uri },
        ],
        data: { share: Number(o.share.toFixed(3)), lastYear: prev.report.year, characters: mine.norm.text.length, shingle: SHINGLE },
      });
    }
  },
});

interface Prose {
  view: ProseView;
  norm: Normalised;
}

/** The part's prose, tables and the tags of a crawled page left out, letters and digits only. */
function prose(report: Report, s: Section): Prose {
  const view = proseView(report, s.bodyRange.start, s.bodyRange.end, { keepLines: true });
  const untagged = view.text.replace(/<[^<>]*>|&nbsp;/g, (m) => ' '.repeat(m.length));
  return { view, norm: normalise(untagged) };
}

/** The longest copied stretches, in the order of the text. */
function stretches(ctx: RuleContext, mine: Prose, runs: [number, number][], year: number): Related[] {
  return runs
    .filter(([a, b]) => b - a >= MIN_STRETCH)
    .sort((x, y) => y[1] - y[0] - (x[1] - x[0]))
    .slice(0, MAX_STRETCHES)
    .sort((x, y) => x[0] - y[0])
    .map(([a, b]) => {
      const excerpt = mine.norm.text.slice(a, Math.min(b, a + EXCERPT)) + (b - a > EXCERPT ? '…' : '');
      return {
        message: ctx.t(`与 ${year} 年报告相同（${b - a} 字）：${excerpt}`, `Same as the ${year} report (${b - a} characters): ${excerpt}`),
        range: mine.view.rangeOf(mine.norm.sourceAt(a), mine.norm.sourceAt(b - 1) + 1),
      };
    });
}
