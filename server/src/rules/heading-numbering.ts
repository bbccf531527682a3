// heading-numbering: the six parts numbered in two systems or out of place
// (一、一、二、三、五 for 一 … 六), and sub-headings out of sequence or repeated
// within a part (（一）（二）（二）, 一是/三是/三是). Assessors deduct for both.
import type { RuleContext } from '../core/rule';
import { defineRule } from './define';
import { lineRange } from '../core/text';
import type { Related, Section } from '../core/types';
import { proseView } from '../core/prose/view';
import { chineseNumeral, findMarkers, readHeadingNumber, LEVELS, writeMarker, type Marker, type Numbering, type NumberStyle } from './numbering';

export const headingNumbering = defineRule({
  id: 'heading-numbering',
  severity: 'warning',
  category: 'structure',
  summary: 'the six parts numbered in two systems or out of place; sub-headings (（一）, 1., 一是) repeated or skipped',
  fixable: { kind: 'suggestion', summary: 'renumber' },
  needsTemplate: true,
  description: { zh: '标题编号方式不一致、顺序不对或重复', en: 'Headings numbered in two systems, out of sequence or repeated' },
  check(ctx) {
    checkParts(ctx);
    for (const s of ctx.report.sections) checkSubHeadings(ctx, s);
  },
});

interface Numbered {
  section: Section;
  n: Numbering;
}

const STYLE_EXAMPLE: Record<NumberStyle, string> = { dun: '一、', paren: '（一）', arabic: '1.', 'arabic-paren': '（1）' };

function expectedToken(style: NumberStyle, index: number): string {
  return STYLE_EXAMPLE[style].replace(/一|1/, style.startsWith('arabic') ? String(index) : chineseNumeral(index));
}

/** The six parts: one numbering system, and each part's number its place in the format. */
function checkParts(ctx: RuleContext): void {
  const numbered: Numbered[] = ctx.report.sections.flatMap((section) => {
    const n = readHeadingNumber(section.headingText);
    return n ? [{ section, n }] : [];
  });
  if (numbered.length < 2) return;
  const counts = new Map<NumberStyle, number>();
  for (const x of numbered) counts.set(x.n.style, (counts.get(x.n.style) ?? 0) + 1);
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  for (const x of numbered) {
    if (x.n.style === main) continue;
    // A sub-heading （二）… read as the part because the part's own heading was lost: not a numbering of the part.
    if (x.n.style === 'paren' && main === 'dun' && x.n.value !== x.section.index) continue;
    ctx.emit({
      message: ctx.t(
        `部分标题“${x.section.headingText}”的编号“${x.n.token}”与其他部分标题（${STYLE_EXAMPLE[main]}）不是同一种编号`,
        `The part heading "${x.section.headingText}" is numbered "${x.n.token}", the other parts ${STYLE_EXAMPLE[main]}: two numbering systems`,
      ),
      range: tokenRange(x),
    });
  }
  if (main === 'arabic' || main === 'arabic-paren') {
    const first = numbered.find((x) => x.n.style === main)!;
    ctx.emit({
      message: ctx.t('六个部分按格式以“一、”至“六、”编号，此处用了阿拉伯数字', 'The format numbers the six parts 一、 to 六、; these use Arabic numerals'),
      range: tokenRange(first),
    });
  }
  const misplaced = numbered.filter((x) => x.n.style === main && x.n.value !== x.section.index);
  if (!misplaced.length) return;
  const written = numbered.filter((x) => x.n.style === main);
  const first = misplaced[0];
  ctx.emit({
    message: ctx.t(
      `部分标题的编号依次为 ${written.map((x) => x.n.token).join(' ')}，按其内容应为 ${written.map((x) => expectedToken(main, x.section.index)).join(' ')}：“${first.section.headingText}”是第${chineseNumeral(first.section.index)}部分`,
      `The part headings are numbered ${written.map((x) => x.n.token).join(' ')}; by their content they are ${written.map((x) => expectedToken(main, x.section.index)).join(' ')}: "${first.section.headingText}" is part ${first.section.index}`,
    ),
    range: tokenRange(first),
    related: [
      ...misplaced.slice(1).map((x) => ({
        message: ctx.t(`“${x.section.headingText}”应编为“${expectedToken(main, x.section.index)}”`, `"${x.section.headingText}" should be "${expectedToken(main, x.section.index)}"`),
        range: tokenRange(x),
      })),
      ...innerTopLevel(ctx, main),
    ],
    fixes: [
      {
        title: ctx.t('按格式重新编号六个部分', 'Renumber the six parts as the format does'),
        isPreferred: false,
        suggestionOnly: true,
        edits: misplaced.map((x) => ({ range: tokenRange(x), newText: x.n.token.replace(/[一二三四五六七八九十]|\d+/, main.startsWith('arabic') ? String(x.section.index) : chineseNumeral(x.section.index)) })),
      },
    ],
    data: { written: written.map((x) => x.n.value), expected: written.map((x) => x.section.index) },
  });
}

/** Headings inside a part numbered like the parts (`二、工作机制保障` under 总体情况): why the parts restart. */
function innerTopLevel(ctx: RuleContext, style: NumberStyle): Related[] {
  const { report } = ctx;
  const heads = new Set(report.sections.map((s) => s.headingRange.start.line));
  const out: Related[] = [];
  for (const s of report.sections) {
    for (let i = s.bodyRange.start.line; i <= s.bodyRange.end.line && i < report.lines.length; i++) {
      if (heads.has(i)) continue;
      const line = report.lines[i];
      const lead = line.length - line.replace(/^[\s\u3000#*]+/, '').length;
      const n = readHeadingNumber(line.slice(lead));
      if (!n || n.style !== style || line.length - lead > 40) continue;
      out.push({
        message: ctx.t(`“${s.headingText}”之下的“${line.slice(lead).trim()}”与部分标题用同一种编号`, `"${line.slice(lead).trim()}" inside "${s.headingText}" is numbered like a part`),
        range: lineRange(i, lead, lead + n.token.length),
      });
    }
  }
  return out;
}

function tokenRange(x: Numbered) {
  const { start } = x.section.headingRange;
  return lineRange(start.line, start.character, start.character + x.n.token.length);
}

/** Sub-headings of one level run in sequence; a heading of an outer level starts new runs below it. */
function checkSubHeadings(ctx: RuleContext, s: Section): void {
  const view = proseView(ctx.report, s.bodyRange.start, s.bodyRange.end, { keepLines: true });
  const markers = findMarkers(view.text);
  // The last marker of each level, with the number it stands for: a repeated （二） stands for （三）.
  const last = new Map<string, Marker>();
  markers.forEach((m, i) => {
    const prev = last.get(m.level);
    last.set(m.level, prev && m.value === prev.value ? { ...m, value: m.value + 1 } : m);
    for (const inner of LEVELS.slice(LEVELS.indexOf(m.level) + 1)) last.delete(inner);
    if (!prev || m.value === prev.value + 1 || (m.value === 1 && prev.value !== 1)) return;
    const range = view.rangeOf(m.start, m.end);
    const related = [{ message: ctx.t(`上一个：“${prev.token}”`, `The one before: "${prev.token}"`), range: view.rangeOf(prev.start, prev.end) }];
    if (m.value === prev.value) {
      const next = markers.slice(i + 1).find((x) => LEVELS.indexOf(x.level) <= LEVELS.indexOf(m.level));
      const fixable = !next || next.level !== m.level || next.value === m.value + 2 || next.value === 1;
      const want = writeMarker(m, m.value + 1);
      ctx.emit({
        message: ctx.t(`小标题“${m.token}”与上一个重复，应为“${want}”`, `The sub-heading "${m.token}" repeats the one before; it should be "${want}"`),
        range,
        related,
        fixes: fixable ? [{ title: ctx.t(`改为“${want}”`, `Change to "${want}"`), isPreferred: false, suggestionOnly: true, edits: [{ range, newText: want }] }] : [],
      });
    } else if (m.value > prev.value) {
      const gap = Array.from({ length: m.value - prev.value - 1 }, (_, k) => writeMarker(m, prev.value + 1 + k));
      ctx.emit({
        message: ctx.t(
          `小标题“${prev.token}”之后是“${m.token}”，缺少${gap.map((g) => `“${g}”`).join('')}`,
          `The sub-heading "${m.token}" follows "${prev.token}": ${gap.map((g) => `"${g}"`).join(', ')} missing`,
        ),
        range,
        related,
      });
    } else {
      ctx.emit({
        message: ctx.t(`小标题“${m.token}”排在“${prev.token}”之后，顺序不对`, `The sub-heading "${m.token}" comes after "${prev.token}": out of order`),
        range,
        related,
      });
    }
  });
}
