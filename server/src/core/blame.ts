// Finds the wrong cell. Every broken sum could be mended by rewriting its
// total, but one wrong cell often breaks several sums (a wrong 总计 in a result
// row also breaks the 总计 column). We look for the fewest cells whose new
// values make every row and column sum hold, preferring a cell that explains
// several broken sums at once; the balance is evidence only, never a target.
import { blankTotals, currentValues, solveFor, status, type Constraint, type SumSystem, type Values } from './sums';

export interface Change {
  id: string;
  value: number;
  /** The sums this change mends. */
  mends: string[];
}

const MAX_ROUNDS = 200;

export function findChanges(system: SumSystem): Change[] {
  const blank = blankTotals(system);
  const hard = system.constraints.filter((c) => c.kind !== 'balance');
  // Most reports add up: nothing to look for.
  if (!hard.some((c) => status(c, currentValues(system), blank) === 'broken')) return [];
  const v = new Map(currentValues(system));
  const soft = system.constraints.filter((c) => c.kind === 'balance');
  const byCell = new Map<string, Constraint[]>();
  for (const c of system.constraints) {
    for (const r of [...(c.total ? [c.total] : []), ...c.parts, ...(c.outParts ?? [])]) {
      const list = byCell.get(r.id) ?? [];
      list.push(c);
      byCell.set(r.id, list);
    }
  }
  const changes: Change[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const broken = hard.filter((c) => status(c, v, blank) === 'broken');
    if (broken.length === 0) break;
    const best = bestSingleChange(broken, byCell, v, blank);
    const change = best ?? recomputeTotal(broken[0], v);
    if (!change) break;
    v.set(change.id, change.value);
    blank.delete(change.id);
    const existing = changes.find((c) => c.id === change.id);
    if (existing) {
      existing.value = change.value;
      existing.mends.push(...change.mends);
    } else changes.push(change);
  }
  return changes;

  function recomputeTotal(c: Constraint, values: Values): Change | undefined {
    if (!c.total) return undefined;
    const value = solveFor(c, c.total.id, values);
    return value === undefined ? undefined : { id: c.total.id, value, mends: [c.id] };
  }

  function bestSingleChange(broken: Constraint[], cells: Map<string, Constraint[]>, values: Map<string, number>, blanks: Set<string>): Change | undefined {
    let best: { change: Change; score: number } | undefined;
    const candidates = new Set<string>();
    for (const c of broken) for (const r of [...(c.total ? [c.total] : []), ...c.parts]) candidates.add(r.id);
    for (const id of candidates) {
      const touched = (cells.get(id) ?? []).filter((c) => c.kind !== 'balance');
      const brokenHere = touched.filter((c) => broken.includes(c));
      const value = solveFor(brokenHere[0], id, values);
      if (value === undefined || value < 0 || !Number.isInteger(value)) continue;
      const softHere = soft.filter((c) => (cells.get(id) ?? []).includes(c));
      const before = softHere.map((c) => status(c, values) === 'holds');
      // The value is tried in place and put back: a copy of every value per candidate cost more than the search.
      const old = values.get(id);
      const wasBlank = blanks.delete(id);
      values.set(id, value);
      const holds = touched.every((c) => status(c, values, blanks) === 'holds');
      const after = holds ? softHere.map((c) => status(c, values) === 'holds') : [];
      if (old === undefined) values.delete(id);
      else values.set(id, old);
      if (wasBlank) blanks.add(id);
      if (!holds) continue;
      const softDelta = after.reduce((s, a, k) => s + (a && !before[k] ? 1 : !a && before[k] ? -1 : 0), 0);
      const isTotal = brokenHere.some((c) => c.total?.id === id);
      const score = brokenHere.length * 10 + softDelta * 3 + (isTotal ? 1 : 0);
      if (brokenHere.length === 1 && !isTotal && softDelta <= 0) continue;
      if (!best || score > best.score) best = { change: { id, value, mends: brokenHere.map((c) => c.id) }, score };
    }
    return best?.change;
  }
}
