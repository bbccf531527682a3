// Small pieces several rules share: cell edits, the wording of sums, the prose of a section.
import type { Change } from '../core/blame';
import type { RuleContext } from '../core/rule';
import type { CellRef, Constraint, Values } from '../core/sums';
import { squash } from '../core/text';
import type { Cell, Fix, Range, Related, Report, ShapeProblem } from '../core/types';

export function setCellFix(ctx: RuleContext, cell: Cell, value: number, title?: string, preferred = true): Fix {
  return {
    title: title ?? ctx.t(`改为 ${value}`, `Change to ${value}`),
    isPreferred: preferred,
    edits: [{ range: cell.range, newText: String(value) }],
  };
}

/**
 * The cells worth opening from a finding: the parts that hold something (a
 * zero adds nothing to the sum, and 21 rows of zeros bury the one that
 * matters), and any cell the finding blames, whatever it holds.
 */
export function relatedCells(ctx: RuleContext, refs: CellRef[], v: Values, blamed: CellRef[] = []): Related[] {
  const shown = refs.filter((r) => blamed.includes(r) || (v.get(r.id) ?? 0) !== 0 || r.cell.kind === 'text');
  for (const b of blamed) if (!shown.includes(b)) shown.push(b);
  return shown.map((r) => ({ message: `${r.name}: ${v.get(r.id) ?? r.cell.text}`, range: r.cell.range }));
}

/** `21+0+0+3+0+0`; long sums keep their non-zero parts only. */
export function partsFormula(ctx: RuleContext, refs: CellRef[], v: Values): string {
  const values = refs.map((r) => v.get(r.id) ?? 0);
  if (refs.length <= 8) return values.join('+');
  const nonZero = values.filter((x) => x !== 0);
  const rest = refs.length - nonZero.length;
  return nonZero.length === 0
    ? ctx.t(`${refs.length} 项均为 0`, `all ${refs.length} items are 0`)
    : `${nonZero.join('+')}` + (rest ? ctx.t(`，其余 ${rest} 项为 0`, `, the other ${rest} items 0`) : '');
}

/** The change fix-all makes that mends `c`, when it rewrites a cell other than `c`'s total. */
export function blameElsewhere(ctx: RuleContext, c: Constraint): { change: Change; ref: CellRef } | undefined {
  const change = ctx.changes.find((x) => x.mends.includes(c.id));
  if (!change || change.id === c.total?.id) return undefined;
  const ref = ctx.sums.cells.get(change.id);
  return ref ? { change, ref } : undefined;
}

/** The problems of one kind the table readers met (`table-shape`'s have no kind). */
export function tableProblems(ctx: RuleContext, kind: ShapeProblem['kind']): ShapeProblem[] {
  return Object.values(ctx.report.tables).flatMap((t) => t.problems.filter((p) => p.kind === kind));
}

/** Lines that are not content: page numbers and footers left by the export. */
const NOISE_LINE = /^(?:[-—–]?\d{1,3}[-—–]?|第\d+页(?:共\d+页)?|\[bookmark:[^\]]*\])$/;

/** The closing signature: a date alone on its line. */
const DATE_LINE = /^(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?$/;

/** The bodies already squashed, per report's lines: several rules read the same section. */
const bodies = new WeakMap<string[], Map<string, string>>();

/** A section's prose squashed into one string: no blank, page-number or signature lines. */
export function bodyText(report: Report, r: Range): string {
  let known = bodies.get(report.lines);
  if (!known) bodies.set(report.lines, (known = new Map()));
  const key = `${r.start.line},${r.start.character},${r.end.line},${r.end.character},${report.title?.agency ?? ''}`;
  let body = known.get(key);
  if (body === undefined) known.set(key, (body = squashBody(report, r)));
  return body;
}

function squashBody(report: Report, r: Range): string {
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
