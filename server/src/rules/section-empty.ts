// section-empty: a section heading with nothing under it, or only a placeholder.
import type { Rule } from '../core/rule';
import { squash } from '../core/text';
import type { Range, Report } from '../core/types';

/** Lines that are not content: page numbers and footers left by the export. */
const NOISE_LINE = /^(?:[-—–]?\d{1,3}[-—–]?|第\d+页(?:共\d+页)?|\[bookmark:[^\]]*\])$/;
const PLACEHOLDER = /^[(（]?(?:无|暂无|略|文字描述|此处填写.*|在此填写.*|待补充)[)）]?[。.]?$/;

export const sectionEmpty: Rule = {
  id: 'section-empty',
  severity: 'warning',
  needsTemplate: true,
  description: { zh: '某部分标题下没有内容', en: 'A section heading has no content under it' },
  check(ctx) {
    for (const s of ctx.report.sections) {
      const body = bodyText(ctx.report, s.bodyRange);
      if (body === '') {
        ctx.emit({ message: ctx.t(`“${s.headingText}”下没有内容`, `Nothing under "${s.headingText}"`), range: s.headingRange });
      } else if (PLACEHOLDER.test(body)) {
        ctx.emit({ message: ctx.t(`“${s.headingText}”下只有占位文字“${body}”`, `Only the placeholder "${body}" under "${s.headingText}"`), range: s.headingRange });
      }
    }
  },
};

/** The closing signature: a date alone on its line. */
const DATE_LINE = /^(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?$/;

export function bodyText(report: Report, r: Range): string {
  const out: string[] = [];
  const agency = report.title?.agency ? squash(report.title.agency) : undefined;
  for (let i = r.start.line; i <= r.end.line && i < report.lines.length; i++) {
    let line = report.lines[i];
    if (i === r.end.line) line = line.slice(0, r.end.character);
    if (i === r.start.line) line = line.slice(r.start.character);
    const s = squash(line);
    if (s && !NOISE_LINE.test(s)) out.push(s);
  }
  // The agency's name and the date that close the report are its signature,
  // not the content of the last section.
  while (out.length && (DATE_LINE.test(out[out.length - 1]) || out[out.length - 1] === agency)) out.pop();
  return out.join('');
}
