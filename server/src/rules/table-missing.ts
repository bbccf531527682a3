// table-missing: a section that must hold a statistical table has none.
import { canInsert, renderTable } from '../core/render';
import { defineRule } from './define';

export const tableMissing = defineRule({
  id: 'table-missing',
  severity: 'error',
  category: 'structure',
  contract: true,
  summary: 'section 二/三/四 without its table',
  fixable: { kind: 'suggestion', summary: 'insert the empty table' },
  needsTemplate: true,
  description: { zh: '应有统计表的部分没有表格', en: 'A section that must hold a statistical table has none' },
  check(ctx) {
    const { report, template } = ctx;
    for (const spec of template.sections) {
      if (!spec.table || report.tables[spec.table]) continue;
      const section = report.sections.find((s) => s.key === spec.key);
      if (!section) continue;
      const line = section.headingRange.end.line;
      const at = { line, character: report.lines[line].length };
      const eol = report.eol;
      const gap = report.shape === 'markdown' ? eol + eol : eol;
      ctx.emit({
        message: ctx.t(`“${section.headingText}”下缺少统计表`, `No statistical table under "${section.headingText}"`),
        range: section.headingRange,
        fixes: canInsert(report)
          ? [{
              title: ctx.t('插入空白标准表格', 'Insert the empty standard table'),
              isPreferred: true,
              suggestionOnly: true,
              edits: [{ range: { start: at, end: at }, newText: gap + renderTable(template, spec.table, report.shape, eol) + eol }],
            }]
          : [],
      });
    }
  },
});
