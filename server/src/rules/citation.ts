// citation: the documents a report cites, written as they are named and
// numbered — 《中华人民共和国政府信息公开条例》, 国办公开办函〔年〕N号 (六角括号,
// no 第) — and the statistics period running from the year's first to its last day.
// The format notices and the years they govern are the templates' (`notice`, `years`).
import type { RuleContext } from '../core/rule';
import { defineRule } from './define';
import { noticeNumber, type Template } from '../core/template';
import { plainText, type PlainText } from './plain-text';

const REGULATION = '中华人民共和国政府信息公开条例';
/** The name with line breaks and spaces allowed anywhere (PDF text wraps mid-word). */
const FULL_NAME = new RegExp([...REGULATION].join('\\s*'), 'g');
const SHORT_NAME = /《\s*政\s*府\s*信\s*息\s*公\s*开\s*条\s*例\s*》/g;
// The plain text has no spaces left; a line break may stand anywhere (PDF text), at most one.
const NOTICE = /国办公开办函\n?([[［【(（〔〈<{]?)\n?((?:19|20)\d{2})\n?([\]］】)）〕〉>}]?)\n?(第?)\n?(\d{1,3})\n?号/g;
/** The words before a citation of the format notice. */
const ABOUT_FORMAT = /年度报告(?:格式|有关事项)/;
const PERIOD = /统计\s*(?:期限|时限|时间|周期|区间|范围)/;
const DATE = /(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

export const citation = defineRule({
  id: 'citation',
  severity: 'warning',
  category: 'prose',
  summary: '条例 without 《》, a format notice\'s 文号 miswritten (国办公开办函〔…〕), a 统计期限 not from 1月1日 to 12月31日',
  fixable: { kind: 'fix-all', summary: 'the right wording' },
  needsTemplate: true,
  description: {
    zh: '引用的条例名称、格式通知文号或统计期限写法不规范',
    en: 'The regulation, the format notice or the statistics period is cited wrongly',
  },
  check(ctx) {
    const plain = plainText(ctx.report);
    checkRegulation(ctx, plain);
    checkNotice(ctx, plain);
    checkPeriod(ctx, plain);
  },
});

function checkRegulation(ctx: RuleContext, plain: PlainText): void {
  const { text } = plain;
  let full = false;
  FULL_NAME.lastIndex = 0;
  for (let m = FULL_NAME.exec(text); m; m = FULL_NAME.exec(text)) {
    full = true;
    const before = /[《〈<]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
    const after = /^\s*[》〉>]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (before && after) continue;
    const range = plain.rangeOf(m.index, m.index + m[0].length);
    ctx.emit({
      message: ctx.t(`法规名称应加书名号：《${REGULATION}》`, `The regulation's name takes title marks: 《${REGULATION}》`),
      range,
      fixes: [{
        title: ctx.t('加书名号', 'Add the title marks'),
        isPreferred: true,
        edits: [
          ...(before ? [] : [{ range: { start: range.start, end: range.start }, newText: '《' }]),
          ...(after ? [] : [{ range: { start: range.end, end: range.end }, newText: '》' }]),
        ],
      }],
    });
  }
  if (full) return;
  SHORT_NAME.lastIndex = 0;
  const short = SHORT_NAME.exec(text);
  if (short) {
    const range = plain.rangeOf(short.index, short.index + short[0].length);
    ctx.emit({
      message: ctx.t(`条例的全称为《${REGULATION}》，报告中未写全称`, `The regulation's full name, 《${REGULATION}》, appears nowhere in the report`),
      range,
      fixes: [{ title: ctx.t('改为全称', 'Use the full name'), isPreferred: false, edits: [{ range, newText: `《${REGULATION}》` }] }],
    });
  }
}

function checkNotice(ctx: RuleContext, plain: PlainText): void {
  const { text } = plain;
  const year = ctx.report.year;
  NOTICE.lastIndex = 0;
  for (let m = NOTICE.exec(text); m; m = NOTICE.exec(text)) {
    const [whole, open, noticeYear, close, di, number] = m;
    // From the bracket (or the year) after 国办公开办函 to 号.
    const bracketAt = m.index + '国办公开办函'.length + (whole['国办公开办函'.length] === '\n' ? 1 : 0);
    const numberEnd = m.index + whole.length;
    const right = `〔${noticeYear}〕${number}号`;
    if (open !== '〔' || close !== '〕' || di) {
      const range = plain.rangeOf(bracketAt, numberEnd);
      ctx.emit({
        message: ctx.t(
          `文号应写作“国办公开办函${right}”：年份用六角括号〔〕，序号前不加“第”`,
          `Write the number as 国办公开办函${right}: the year in 〔〕, no 第 before the number`,
        ),
        range,
        fixes: [{ title: ctx.t(`改为“${right}”`, `Change to "${right}"`), isPreferred: true, edits: [{ range, newText: right }] }],
      });
      continue;
    }
    if (!ABOUT_FORMAT.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    const cited = ctx.templates.list.find((t) => t.notice.year === Number(noticeYear));
    if (!cited) continue;
    const wrongNumber = cited.notice.number !== Number(number);
    // The right number, of a format a later notice replaced before the report's year.
    const due = !wrongNumber && year !== undefined && cited.years.to !== undefined && year > cited.years.to ? ctx.templates.forYear(year) : undefined;
    if (!wrongNumber && !due) continue;
    const short = `〔${cited.notice.year}〕${cited.notice.number}号`;
    ctx.emit({
      message: due
        ? ctx.t(
            `${year} 年度报告的格式依据是${noticeNumber(due)}，${short}是 ${yearsOf(cited).join('、')} 年度的${cited.notice.trial ? '试行' : ''}格式`,
            `A ${year} report follows ${noticeNumber(due)}; ${short} is the ${cited.notice.trial ? 'trial ' : ''}format of ${yearsOf(cited).join(' and ')}`,
          )
        : ctx.t(`年度报告格式通知的文号是${noticeNumber(cited)}，此处写 ${number} 号`, `The format notice is ${noticeNumber(cited)}; this says No. ${number}`),
      range: plain.rangeOf(m.index, numberEnd),
    });
  }
}

/** The report years a template that has ended governed. */
function yearsOf(t: Template): number[] {
  return Array.from({ length: t.years.to! - t.years.from + 1 }, (_, i) => t.years.from + i);
}

function checkPeriod(ctx: RuleContext, plain: PlainText): void {
  const { text } = plain;
  const m = PERIOD.exec(text);
  if (!m) {
    const y = ctx.report.year ?? '2023';
    const example = `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止`;
    ctx.emit({
      severity: 'info',
      message: ctx.t(`报告未写明数据的统计期限（如“${example}”）`, `The report does not state its statistics period (e.g. ${example})`),
      range: ctx.report.title?.range ?? firstLine(ctx),
    });
    return;
  }
  const from = m.index + m[0].length;
  const sentence = text.slice(from, from + 60).split(/[。；;]/)[0];
  const dates = [...sentence.matchAll(DATE)].map((d) => ({ year: d[1], month: Number(d[2]), day: Number(d[3]), start: from + d.index!, end: from + d.index! + d[0].length, raw: d[0].replace(/\s+/g, '') }));
  const periodRange = plain.rangeOf(m.index, dates.length ? dates[dates.length - 1].end : from);
  if (dates.length < 2) {
    ctx.emit({
      message: ctx.t('统计期限应写明起止日期：自当年1月1日起至12月31日止', 'The statistics period should give both ends: from 1 January to 31 December of the year'),
      range: periodRange,
    });
    return;
  }
  const [first, last] = dates;
  if (first.month !== 1 || first.day !== 1) {
    ctx.emit({ message: ctx.t(`统计期限应从 1月1日 起，此处为“${first.raw}”`, `The statistics period starts on 1 January; this says ${first.raw}`), range: plain.rangeOf(first.start, first.end) });
  }
  if (last.month !== 12 || last.day !== 31 || (last.year && first.year && last.year !== first.year)) {
    ctx.emit({
      message: ctx.t(`统计期限应至同年 12月31日 止，此处为“${last.raw}”`, `The statistics period ends on 31 December of the same year; this says ${last.raw}`),
      range: plain.rangeOf(last.start, last.end),
    });
  }
}

function firstLine(ctx: RuleContext) {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: ctx.report.lines[0]?.length ?? 0 } };
}
