// The rule fixtures (test/rules/fixtures/, markers in test/support/rule-fixture.ts):
// each report gives exactly the findings its markers expect, at their lines,
// and fix-all turns it into the text its `fixed` markers give (unchanged when
// it has none). Every registered rule has a fixture, and every rule fixes as
// its `fixable` says.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../server/src/core/parse';
import type { Diagnostic, LintOptions, Report } from '../../server/src/core/types';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';
import { checkHierarchy } from '../../server/src/rules/hierarchy-sum';
import { readRuleFixture, type RuleFixture } from '../support/rule-fixture';

const DIR = join(__dirname, 'fixtures');
const fixtures = new Map(
  readdirSync(DIR)
    .filter((f) => /\.(?:md|txt)$/.test(f))
    .sort()
    .map((f) => [f, readRuleFixture(DIR, f)]),
);

function companion(file: string): RuleFixture {
  const f = fixtures.get(file);
  if (!f) throw new Error(`no fixture ${file}`);
  return f;
}

/** hierarchy-sum is not run by lint: its callers give it the units' reports, as here. */
function hierarchy(f: RuleFixture, report: Report): Diagnostic[] {
  if (!f.units.length) return [];
  const units = f.units.map((u) => ({ uri: u, name: u, report: parseReport(companion(u).text) }));
  return checkHierarchy({ uri: f.file, report }, units);
}

interface Outcome {
  found: Diagnostic[];
  fixed: string;
}

/** Each fixture linted (hierarchy-sum included) and fixed, once for every test below. */
function run(f: RuleFixture): Outcome {
  const options: LintOptions = f.previous ? { previous: { uri: f.previous, text: companion(f.previous).text } } : {};
  const { report, diagnostics } = lint(f.text, options);
  return { found: [...diagnostics, ...hierarchy(f, report)], fixed: fixAll(f.text, options).text };
}

/** How a finding can be fixed: `fix-all` when fix-all applies one of its fixes. */
function fixKind(d: Diagnostic): 'none' | 'suggestion' | 'fix-all' {
  return d.fixes.some((x) => x.isPreferred && !x.suggestionOnly) ? 'fix-all' : d.fixes.length ? 'suggestion' : 'none';
}

describe('rule fixtures', () => {
  const outcomes = new Map<string, Outcome>();
  beforeAll(() => {
    for (const [file, f] of fixtures) outcomes.set(file, run(f));
  });

  it.each([...fixtures.keys()])('%s', (file) => {
    const f = companion(file);
    const { found, fixed } = outcomes.get(file)!;
    const at = (d: Diagnostic) => `${f.fileLine[d.range.start.line] ?? `repeat+${d.range.start.line}`} ${d.rule}`;
    const byLine = (a: string, b: string) => parseInt(a) - parseInt(b) || a.localeCompare(b);
    expect(found.map(at).sort(byLine), file).toEqual([...f.expected].sort(byLine));
    expect(fixed, `${file} after fix-all`).toBe(f.fixed);
  });

  it('every registered rule has a fixture that expects it', () => {
    const covered = new Set([...fixtures.values()].flatMap((f) => f.expected.map((e) => e.split(' ')[1])));
    expect(allRules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every rule fixes as its `fixable` says', () => {
    const kinds = new Map<string, Set<string>>();
    for (const { found } of outcomes.values()) for (const d of found) kinds.set(d.rule, (kinds.get(d.rule) ?? new Set()).add(fixKind(d)));
    for (const r of allRules) {
      const seen = kinds.get(r.id) ?? new Set();
      if (!r.fixable) expect([...seen], `${r.id} offers fixes: declare fixable`).toEqual(['none']);
      else if (r.fixable.kind === 'suggestion') expect([...seen], `${r.id}: fix-all applies its fix, or no fixture shows one`).toContain('suggestion');
      else expect([...seen], `${r.id}: no fixture shows the fix fix-all applies`).toContain('fix-all');
      if (r.fixable?.kind === 'suggestion') expect(seen.has('fix-all'), `${r.id} is fixed by fix-all`).toBe(false);
    }
  });
});
