// hierarchy-sum: a summary report (a government's, over its departments and
// lower governments) whose table cells are not the sums of its units'
// reports of the same year. It reads several reports at once, so it is not
// run by `lint`: the CLI (`--hierarchy`) and the editor call checkHierarchy
// with the reports they have read.
import { columnLabel, proactiveRows, rowLabel, type ValueKind } from '../core/template';
import { builtInTemplates } from '../core/templates';
import type { Diagnostic, Lang, Range, Report, Severity } from '../core/types';
import { defineRule } from './define';

export const hierarchySum = defineRule({
  id: 'hierarchy-sum',
  severity: 'error',
  category: 'figures',
  summary: "a summary report's cell ≠ the sum over its units' reports of the same year (`--hierarchy`, or `xxgk-hierarchy.json` in the workspace)",
  fixable: { kind: 'suggestion', summary: 'the sum' },
  description: { zh: '汇总报告的统计表不等于各下级报告之和', en: "A summary report's table is not the sum of its units' reports" },
});

/** The hierarchy file: each summary report (a path or an agency name) and its units'. */
export type Hierarchy = Record<string, string[]>;

/** Reads the hierarchy file's JSON; a string says what is wrong with it. */
export function parseHierarchy(json: string): Hierarchy | string {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return `not JSON: ${(e as Error).message.split('\n')[0]}`;
  }
  const ok = !!data && typeof data === 'object' && !Array.isArray(data) &&
    Object.values(data).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
  return ok ? (data as Hierarchy) : 'expected {"summary report": ["unit report", ...]} (paths or agency names)';
}

export interface Unit {
  /** Where the report is (a path or a URI), for related information. */
  uri: string;
  /** How the hierarchy file names it. */
  name: string;
  report?: Report;
  /** Why it could not be used: not found, unreadable. */
  problem?: string;
}

export interface HierarchyOptions {
  lang?: Lang;
  severity?: Severity;
}

const TABLES = ['proactive', 'requests', 'review'] as const;

export function checkHierarchy(parent: { uri: string; report: Report }, units: Unit[], options: HierarchyOptions = {}): Diagnostic[] {
  const t = (zh: string, en: string) => (options.lang === 'en' ? en : zh);
  const severity = options.severity ?? hierarchySum.severity;
  const problems = units.flatMap((u) => {
    const why = u.problem ?? (u.report ? mismatch(parent.report, u.report, t) : t('未读取', 'not read'));
    return why ? [`${u.name}（${why}）`] : [];
  });
  if (problems.length) {
    // An incomplete sum would accuse every cell: say once what is missing instead.
    return [
      diagnostic('info', t(`未核对下级报告之和：${problems.join('、')}`, `The units' sums were not checked: ${problems.join('; ')}`), titleRange(parent.report)),
    ];
  }
  if (!units.length) return [];
  const out: Diagnostic[] = [];
  for (const key of TABLES) {
    const table = parent.report.tables[key];
    if (!table) continue;
    for (const row of table.rows) {
      if (!row.key) continue;
      for (const [column, cell] of Object.entries(row.cells)) {
        if (cell.value === null || kindOf(parent.report, key, row.key, column) !== 'count') continue;
        const parts = units.map((u) => u.report!.tables[key]?.rows.find((r) => r.key === row.key)?.cells[column]);
        if (parts.some((c) => !c || c.value === null)) continue;
        const sum = parts.reduce((s, c) => s + c!.value!, 0);
        if (sum === cell.value) continue;
        const name = cellName(parent.report, key, row.key, column);
        const figures = parts.map((c) => c!.value!).join('+');
        out.push({
          ...diagnostic(
            severity,
            t(`${name}：应为各下级报告之和 ${sum}（${figures}），实为 ${cell.value}`, `${name}: the units' reports add up to ${sum} (${figures}), this report says ${cell.value}`),
            cell.range,
          ),
          related: units.map((u, i) => ({ message: `${u.report!.title?.agency ?? u.name}：${parts[i]!.value}`, range: parts[i]!.range, uri: u.uri })),
          fixes: [{ title: t(`改为 ${sum}`, `Change to ${sum}`), isPreferred: false, suggestionOnly: true, edits: [{ range: cell.range, newText: String(sum) }] }],
          data: { sum, units: parts.map((c) => c!.value), value: cell.value },
        });
      }
    }
  }
  return out;
}

function diagnostic(severity: Severity, message: string, range: Range): Diagnostic {
  return { rule: hierarchySum.id, severity, message, range, related: [], fixes: [] };
}

/** Why a unit's report cannot be added to the parent's: another year or another template. */
function mismatch(parent: Report, unit: Report, t: (zh: string, en: string) => string): string | undefined {
  if (parent.year !== undefined && unit.year !== undefined && unit.year !== parent.year) return t(`${unit.year} 年度，汇总报告为 ${parent.year} 年度`, `a ${unit.year} report, the summary is for ${parent.year}`);
  if (unit.profile !== parent.profile) return t(`${unit.profile} 年格式，汇总报告为 ${parent.profile} 年格式`, `the ${unit.profile} template, the summary uses ${parent.profile}`);
  return undefined;
}

function kindOf(report: Report, table: (typeof TABLES)[number], row: string, column: string): ValueKind {
  if (table !== 'proactive') return 'count';
  const found = proactiveRows(builtInTemplates.get(report.profile)).find((x) => x.row.key === row);
  return found?.block.columns.find((c) => c.key === column)?.value ?? 'count';
}

function cellName(report: Report, table: (typeof TABLES)[number], row: string, column: string): string {
  const template = builtInTemplates.get(report.profile);
  if (table === 'proactive') {
    const found = proactiveRows(template).find((x) => x.row.key === row);
    const col = found?.block.columns.find((c) => c.key === column);
    return `${found?.row.label ?? row} · ${col?.label ?? column}`;
  }
  const spec = template.tables[table];
  return table === 'review' ? columnLabel(spec, column) : `${rowLabel(spec, row)} · ${columnLabel(spec, column)}`;
}

function titleRange(report: Report): Range {
  return report.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: report.lines[0]?.length ?? 0 } };
}
