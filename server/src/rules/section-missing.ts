// section-missing: a required section (一 … 六) is absent. The fix inserts the
// standard heading, and for 二/三/四 the empty standard table, in the
// document's own shape, where the section belongs.
import { canInsert, renderHeading, renderTable } from '../core/render';
import { defineRule } from './define';
import { comparePos } from '../core/text';
import type { Position } from '../core/types';

export const sectionMissing = defineRule({
  id: 'section-missing',
  severity: 'error',
  category: 'structure',
  contract: true,
  summary: 'a required section 一 … 六 is absent',
  fixable: { kind: 'suggestion', summary: 'insert heading and empty table' },
  needsTemplate: true,
  description: { zh: '缺少模板要求的部分（一至六）', en: 'A required section (一 to 六) is absent' },
  check(ctx) {
    const { report, template } = ctx;
    const style = report.sections[0]?.style ?? { markdown: report.shape === 'markdown' ? '##' : '', numbering: 'dun' as const };
    template.sections.forEach((spec, i) => {
      if (report.sections.some((s) => s.key === spec.key)) return;
      const later = report.sections.filter((s) => s.index > i + 1).sort((a, b) => comparePos(a.headingRange.start, b.headingRange.start))[0];
      const lastLine = report.lines.length - 1;
      const at: Position = later ? { line: later.headingRange.start.line, character: 0 } : { line: lastLine, character: report.lines[lastLine].length };
      const eol = report.eol;
      const gap = report.shape === 'markdown' ? eol + eol : eol;
      let block = renderHeading(spec, style, report.shape);
      if (spec.table) block += gap + renderTable(template, spec.table, report.shape, eol);
      const newText = later ? block + eol + eol : (report.lines[lastLine] === '' ? '' : eol) + eol + block + eol;
      ctx.emit({
        message: ctx.t(`缺少“${spec.number}、${spec.heading}”`, `Section ${spec.number} "${spec.heading}" is missing`),
        range: { start: at, end: at },
        fixes: canInsert(report)
          ? [{
              title: ctx.t(`插入“${spec.number}、${spec.heading}”${spec.table ? '及空白表格' : ''}`, `Insert section ${spec.number}${spec.table ? ' with its empty table' : ''}`),
              isPreferred: true,
              suggestionOnly: true,
              edits: [{ range: { start: at, end: at }, newText }],
            }]
          : [],
        data: { section: spec.key },
      });
    });
  },
});
