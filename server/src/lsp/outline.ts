// Document symbols (the six sections, each table nested in its section) and
// folding ranges for sections and tables. In a Markdown file the editor's own
// outline already lists the `#` headings: only what it lacks is given (the
// tables, and sections written without `#`), so there is one outline.
import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver';
import type { TableKey, Template } from '../core/template';
import { builtInTemplates as templates } from '../core/templates';
import type { Lang, Position, Range, Report, Section, Table } from '../core/types';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const minPos = (a: Position, b: Position) => (before(a, b) ? a : b);
const maxPos = (a: Position, b: Position) => (before(a, b) ? b : a);
const inside = (inner: Range, outer: Range) => !before(inner.start, outer.start) && !before(outer.end, inner.end);

function sectionRange(s: Section): Range {
  return { start: s.headingRange.start, end: maxPos(s.headingRange.end, s.bodyRange.end) };
}

/** The tables that sit inside a section's range (usually the one the template puts there). */
function tablesIn(report: Report, range: Range): [string, Table][] {
  return Object.entries(report.tables).filter(([, t]) => inside(t.range, range));
}

export function documentSymbols(report: Report, lang: Lang, markdown = false): DocumentSymbol[] {
  const spec = templates.get(report.profile);
  const used = new Set<string>();
  const sections = [...report.sections].sort((a, b) => a.headingRange.start.line - b.headingRange.start.line);
  const out = sections
    .filter((s) => !(markdown && s.style.markdown))
    .map((s) => {
      const range = sectionRange(s);
      const tpl = spec.sections.find((x) => x.key === s.key);
      const children = tablesIn(report, range).map(([key, table]) => {
        used.add(key);
        return tableSymbol(spec, key, table, lang);
      });
      const name = s.headingText.replace(/^#+\s*/, '').trim() || s.key;
      // The template's wording, when the report words the heading otherwise.
      const template = tpl ? `${tpl.number}、${tpl.heading}` : undefined;
      return DocumentSymbol.create(name, template && template !== name ? template : undefined, SymbolKind.Namespace, range, s.headingRange, children);
    });
  // A table outside every section still shows up, at the top level.
  for (const [key, table] of Object.entries(report.tables)) if (!used.has(key)) out.push(tableSymbol(spec, key, table, lang));
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

function tableSymbol(template: Template, key: string, table: Table, lang: Lang): DocumentSymbol {
  const name = template.tables[key as TableKey]?.name;
  const [zh, en] = name ? [`表：${name.zh}`, `Table: ${name.en}`] : [key, key];
  const first = { start: table.range.start, end: minPos(table.range.end, { line: table.range.start.line + 1, character: 0 }) };
  const selection = inside(first, table.range) ? first : table.range;
  return DocumentSymbol.create(lang === 'en' ? en : zh, lang === 'en' ? `${table.rows.length} rows` : `${table.rows.length} 行`, SymbolKind.Struct, table.range, selection);
}

export function foldingRanges(report: Report): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string) => {
    if (end > start) out.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  for (const s of [...report.sections, ...report.duplicateSections]) {
    const end = s.bodyRange.end;
    // A body ending at the start of the next heading's line stops on the line before.
    add(s.headingRange.start.line, end.character === 0 ? end.line - 1 : end.line, FoldingRangeKind.Region);
  }
  for (const table of Object.values(report.tables)) {
    const end = table.range.end;
    add(table.range.start.line, end.character === 0 ? end.line - 1 : end.line);
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
