// Labels of `pdftotext -layout` rows (core/read/layout.ts), template in hand:
// a label wrapped over the lines around its numbers is joined from the pieces
// the reader kept, and a label the PDF garbled is read by its position.
import type { GridCell, GridRow } from '../read/types';
import type { Range, ShapeProblem } from '../types';

const NUMBER = /^(?:[+-]?\d+(?:\.\d+)?|[０-９]+(?:[.．][０-９]+)?)$/;

export interface LabelTests {
  /** Whether a text names a row of the table. */
  labelOk: (label: string) => boolean;
  /** The template row a label names, and the rows in template order (table 三 only). */
  rowOf?: (label: string) => string | undefined;
  rows?: { key: string; label: string }[];
}

/**
 * The rows of a layout table with their labels joined: data rows
 * `[…words, label, n1, n2, …]`, and the lines of words that are not pieces of
 * a label (headers, group labels) for the table readers to pass over.
 */
export function joinLayoutLabels(grid: GridRow[], tests: LabelTests, problems: ShapeProblem[]): GridRow[] {
  const used = new Set<number>();
  const out = new Map<GridRow, GridRow>();
  for (const row of grid) {
    if (row.wordsOnly || !row.wrapped) continue;
    let n = row.cells.length;
    while (n > 0 && (NUMBER.test(row.cells[n - 1].text) || row.cells[n - 1].text === '')) n--;
    let label: GridCell | undefined = n > 0 ? row.cells[n - 1] : undefined;
    const lead = row.cells.slice(0, Math.max(n - 1, 0));
    if (!(label && tests.labelOk(label.text))) {
      const found = joinLabel([...row.wrapped.above].reverse(), label, row.wrapped.below, tests.labelOk);
      if (found) {
        label = found.cell;
        for (const line of found.lines) used.add(line);
      }
    }
    out.set(row, { cells: [...lead, ...(label ? [label] : []), ...row.cells.slice(n)], range: row.range });
  }
  const data = grid.filter((r) => out.has(r)).map((r) => out.get(r)!);
  if (tests.rowOf && tests.rows) inferByPosition(data, tests.rowOf, tests.rows, problems);
  // Lines of words only: kept so the readers see the table's headers; pieces
  // of labels (used above, or naming a row with no numbers, like the column
  // header `其他`) are left out.
  return grid.flatMap((r) => {
    if (out.has(r)) return [out.get(r)!];
    if (used.has(r.range.start.line) || tests.labelOk(r.cells.map((c) => c.text).join(''))) return [];
    return [{ cells: r.cells, range: r.range }];
  });
}

function join(parts: (GridCell | undefined)[]): { cell: GridCell; lines: number[] } | undefined {
  const ps = parts.filter((p): p is GridCell => !!p);
  if (!ps.length) return undefined;
  return {
    cell: { text: ps.map((p) => p.text).join(''), range: { start: ps[0].range.start, end: ps[ps.length - 1].range.end } as Range },
    lines: ps.map((p) => p.range.start.line),
  };
}

/** The label from the wrapped pieces around a data line: nearest pieces first, up to three lines each side. */
function joinLabel(
  above: (GridCell | undefined)[],
  own: GridCell | undefined,
  below: (GridCell | undefined)[],
  ok: (s: string) => boolean,
): { cell: GridCell; lines: number[] } | undefined {
  const up = above.slice(-3);
  const down = below.slice(0, 3);
  const tries: (GridCell | undefined)[][] = [];
  for (let a = 1; a <= up.length; a++) tries.push([...up.slice(up.length - a), own]);
  for (let b = 1; b <= down.length; b++) tries.push([own, ...down.slice(0, b)]);
  for (let a = 1; a <= up.length; a++) for (let b = 1; b <= down.length; b++) tries.push([...up.slice(up.length - a), own, ...down.slice(0, b)]);
  for (const t of tries) {
    const c = join(t);
    if (c && ok(c.cell.text)) return c;
  }
  return undefined;
}

const ORDINAL = /^\s*(?:(\d{1,2})[.．、]|[（(]([一二三四五六七八九十])[)）])/;

/**
 * A row whose label names nothing (characters lost in the PDF, e.g.
 * `2.其他法律行政止公开`) is read as the one template row that fits between
 * its neighbours, when its number (`2.`) is that row's number too. Said as a
 * warning, never silently.
 */
function inferByPosition(
  data: GridRow[],
  rowOf: (label: string) => string | undefined,
  rows: { key: string; label: string }[],
  problems: ShapeProblem[] | undefined,
): void {
  const labelAt = (r: GridRow) => {
    let i = r.cells.length - 1;
    while (i >= 0 && (NUMBER.test(r.cells[i].text) || r.cells[i].text === '')) i--;
    return i;
  };
  const keys = data.map((r) => {
    const i = labelAt(r);
    return i >= 0 ? rowOf(r.cells[i].text) : undefined;
  });
  const order = rows.map((r) => r.key);
  const seen = new Set(keys.filter((k): k is string => !!k));
  data.forEach((r, k) => {
    const i = labelAt(r);
    if (keys[k] || i < 0) return;
    const m = ORDINAL.exec(r.cells[i].text);
    if (!m) return;
    const prev = k > 0 ? keys[k - 1] : undefined;
    const next = k < data.length - 1 ? keys[k + 1] : undefined;
    if (!prev || !next) return;
    const between = order.slice(order.indexOf(prev) + 1, order.indexOf(next)).filter((x) => !seen.has(x));
    if (between.length !== 1) return;
    const spec = rows.find((x) => x.key === between[0])!;
    const sm = ORDINAL.exec(spec.label);
    if (!sm || (sm[1] ?? sm[2]) !== (m[1] ?? m[2])) return;
    const old = r.cells[i].text;
    problems?.push({
      range: r.cells[i].range,
      severity: 'warning',
      zh: `行名“${old}”与模板不符，按所在位置读作“${spec.label}”`,
      en: `The row label "${old}" matches no template row; read by its position as "${spec.label}"`,
    });
    r.cells[i] = { ...r.cells[i], text: spec.label };
    seen.add(spec.key);
  });
}
