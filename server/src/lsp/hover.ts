// Hover: on a total cell, the sum it must equal, with the parts and their
// values; on a part cell, the sums it goes into; on the four cells of the
// balance (勾稽关系), the balance; on a section heading, which template
// section it is. The formula comes first (editors show the diagnostic above
// the hover, so the first lines are what is seen without scrolling); the
// cell's name and the rule follow.
import { currentValues, solveFor, status, blankTotals, type CellRef, type Constraint, type SumSystem, type Values } from '../core/sums';
import { builtInTemplates as templates } from '../core/templates';
import { noticeNumber } from '../core/template';
import type { Lang, Position, Range, Report } from '../core/types';
import type { Analysis } from '../engine/lint';
import { SUM_RULE } from '../rules';
import { contains } from './convert';

export interface HoverResult {
  markdown: string;
  range: Range;
}

const t = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** The hover at `pos`, from the document's analysis (its sums are not built again). */
export function hoverAt(analysis: Analysis, pos: Position, lang: Lang): HoverResult | undefined {
  return cellHover(analysis.sums, pos, lang) ?? headingHover(analysis.report, pos, lang);
}

function cellHover(system: SumSystem, pos: Position, lang: Lang): HoverResult | undefined {
  const v = currentValues(system);
  const blanks = blankTotals(system);
  const at = (ref: CellRef | undefined) => !!ref && contains(ref.cell.range, pos.line, pos.character);
  const asTotal = system.constraints.filter((c) => c.total && at(c.total));
  // A part cell: the sums it goes into (a total cell shows only its own sums).
  const asPart = asTotal.length ? [] : system.constraints.filter((c) => c.total && c.parts.some(at));
  const inBalance = system.constraints.filter((c) => c.kind === 'balance' && [...c.parts, ...(c.outParts ?? [])].some(at));
  if (!asTotal.length && !asPart.length && !inBalance.length) return undefined;
  const target =
    asTotal[0]?.total ?? asPart[0]?.parts.find(at) ?? [...inBalance[0].parts, ...(inBalance[0].outParts ?? [])].find(at)!;
  const blocks: string[] = [];
  for (const c of asTotal) blocks.push(sumBlock(c, v, blanks, lang));
  for (const c of asPart) blocks.push(sumBlock(c, v, blanks, lang));
  for (const c of inBalance) blocks.push(balanceBlock(c, v, lang));
  blocks.push(`**${target.name}**`);
  return { markdown: blocks.join('\n\n---\n\n'), range: target.cell.range };
}

const shortName = (c: Constraint, r: CellRef) => {
  const parts = r.name.split(' · ');
  if (parts.length < 2) return r.name;
  return c.kind === 'row' ? parts[parts.length - 1] : parts[0];
};
const val = (r: CellRef, v: Values) => (v.has(r.id) ? String(v.get(r.id)) : '?');

function sumBlock(c: Constraint, v: Values, blanks: Set<string>, lang: Lang): string {
  const total = c.total!;
  const totalName = shortName(c, total);
  const names = c.parts.map((p) => shortName(c, p));
  const expected = solveFor(c, total.id, v);
  const kind = c.kind === 'row' ? t(lang, '行合计', "the row's sum") : t(lang, '列合计', "the column's sum");
  const lines: string[] = [];
  if (c.parts.length <= 8) {
    lines.push(`${totalName} = ${names.join(' + ')}`, '');
    lines.push(`= ${c.parts.map((p) => val(p, v)).join(' + ')} = **${expected ?? '?'}**`);
  } else {
    lines.push(`${totalName} = ${t(lang, `以下 ${c.parts.length} 项之和`, `the sum of these ${c.parts.length} items`)} = **${expected ?? '?'}**`, '');
    const nonZero = c.parts.filter((p) => v.get(p.id) !== 0);
    for (const p of nonZero) lines.push(`- ${shortName(c, p)}: ${val(p, v)}`);
    const zero = c.parts.length - nonZero.length;
    if (zero) lines.push(`- ${t(lang, `其余 ${zero} 项为 0`, `the other ${zero} items are 0`)}`);
  }
  lines.push('');
  const s = status(c, v, blanks);
  const actual = total.cell.kind === 'blank' ? t(lang, '（空）', '(blank)') : total.cell.text.trim();
  if (s === 'holds') lines.push(t(lang, `✓ 成立：表中为 ${actual}`, `✓ holds: the table says ${actual}`));
  else if (s === 'broken') lines.push(t(lang, `✗ 不成立：表中为 ${actual}，应为 ${expected}`, `✗ broken: the table says ${actual}, it should be ${expected}`));
  else lines.push(t(lang, '? 无法计算：有单元格不是数字', '? cannot tell: a cell is not a number'));
  lines.push('', `*${kind} · \`${SUM_RULE[c.kind]}\`*`);
  return lines.join('\n');
}

function balanceBlock(c: Constraint, v: Values, lang: Lang): string {
  const outs = c.outParts ?? [];
  const col = (c.parts[0]?.name.split(' · ').pop()) ?? '';
  const short = (r: CellRef) => r.name.split(' · ')[0];
  const sum = (rs: CellRef[]) => rs.reduce((s, r) => s + (v.get(r.id) ?? NaN), 0);
  const left = sum(c.parts);
  const right = sum(outs);
  const lines = [
    `${c.parts.map(short).join(' + ')} = ${outs.map(short).join(' + ')}`,
    '',
    `${c.parts.map((p) => val(p, v)).join(' + ')} = ${Number.isNaN(left) ? '?' : left}${t(lang, '；', '; ')}${outs.map((p) => val(p, v)).join(' + ')} = ${Number.isNaN(right) ? '?' : right}`,
    '',
  ];
  const s = status(c, v);
  lines.push(
    s === 'holds'
      ? t(lang, '✓ 成立', '✓ holds')
      : s === 'broken'
        ? t(lang, `✗ 不成立：相差 ${left - right}`, `✗ broken: off by ${left - right}`)
        : t(lang, '? 无法计算：有单元格不是数字', '? cannot tell: a cell is not a number'),
  );
  lines.push('', `*${t(lang, `勾稽关系 · ${col}列`, `勾稽 check of the ${col} column`)} · \`${SUM_RULE.balance}\`*`);
  return lines.join('\n');
}

function headingHover(report: Report, pos: Position, lang: Lang): HoverResult | undefined {
  const section = [...report.sections, ...report.duplicateSections].find((s) => contains(s.headingRange, pos.line, pos.character));
  if (!section) return undefined;
  const template = templates.get(report.profile);
  const spec = template.sections.find((s) => s.key === section.key);
  if (!spec) return undefined;
  const notice = `${noticeNumber(template)}${template.notice.title}`;
  const lines = [
    `**${t(lang, `第${spec.number}部分`, `Section ${section.index}`)} · ${spec.number}、${spec.heading}**`,
    '',
    t(lang, `模板：${template.name.zh} —— ${notice}`, `Template: the ${template.name.en} — ${notice}`),
  ];
  if (spec.table) {
    const { name } = template.tables[spec.table];
    const [zh, en] = [`${name.zh}表`, `the ${name.en} table`];
    const has = !!report.tables[spec.table];
    lines.push('', has ? t(lang, `本部分含统计表：${zh}`, `This section holds ${en}.`) : t(lang, `本部分应含统计表：${zh}（未找到）`, `This section must hold ${en} (not found).`));
  }
  if (report.duplicateSections.includes(section)) lines.push('', t(lang, '⚠ 该部分在前文已出现过', '⚠ this section already appeared above'));
  return { markdown: lines.join('\n'), range: section.headingRange };
}
