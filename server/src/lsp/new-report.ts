// The text of a new, empty annual report in the current format, as Markdown
// (ServerCommand.newReport): the title, the six section headings and the
// three empty tables.
import { renderHeading, renderTable } from '../core/render';
import { noticeNumber, type Template } from '../core/template';
import { builtInTemplates } from '../core/templates';

export function newReportMarkdown(year: number, eol = '\n', t: Template = builtInTemplates.newest): string {
  const out: string[] = [
    `# ××市××局${year}年政府信息公开工作年度报告`,
    '',
    `本报告依据《中华人民共和国政府信息公开条例》和${t.notice.title}（${noticeNumber(t)}）编制。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
  ];
  for (const section of t.sections) {
    out.push('', renderHeading(section, { markdown: '##', numbering: 'dun' }), '');
    // Zeros, not blanks: the sums hold from the start, and a squiggle appears
    // as soon as a figure typed in breaks one (blank totals would all be errors).
    if (section.table) out.push(renderTable(t, section.table, 'markdown', eol, () => '0'));
    else out.push('（在此填写）');
  }
  return out.join(eol) + eol;
}
