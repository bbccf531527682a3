// The rule fixtures (test/rules/fixtures/, markers in test/support/rule-fixture.ts):
// each report gives exactly the findings its markers expect, at their lines,
// and fix-all turns it into the text its `fixed` markers give (unchanged when
// it has none). Every registered rule has a fixture, and every rule fixes as
// its `fixable` says.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** How each rule's findings could be fixed, over all fixtures: 'fix-all' when fix-all applies one. */
const seen = new Map<string, Set<'none' | 'suggestion' | 'fix-all'>>();
function note(d: Diagnostic): void {
  const kind = d.fixes.some((x) => x.isPreferred && !x.suggestionOnly) ? 'fix-all' : d.fixes.length ? 'suggestion' : 'none';
  seen.set(d.rule, (seen.get(d.rule) ?? new Set()).add(kind));
}

describe('rule fixtures', () => {
  it.each([...fixtures.keys()])('%s', (file) => {
    const f = companion(file);
    const options: LintOptions = f.previous ? { previous: { uri: f.previous, text: companion(f.previous).text } } : {};
    const { report, diagnostics } = lint(f.text, options);
    const found = [...diagnostics, ...hierarchy(f, report)];
    found.forEach(note);
    const at = (d: Diagnostic) => `${f.fileLine[d.range.start.line] ?? `repeat+${d.range.start.line}`} ${d.rule}`;
    const byLine = (a: string, b: string) => parseInt(a) - parseInt(b) || a.localeCompare(b);
    expect(found.map(at).sort(byLine), file).toEqual([...f.expected].sort(byLine));
    expect(fixAll(f.text, options).text, `${file} after fix-all`).toBe(f.fixed);
  });

  it('every registered rule has a fixture that expects it', () => {
    const covered = new Set([...fixtures.values()].flatMap((f) => f.expected.map((e) => e.split(' ')[1])));
    expect(allRules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every rule fixes as its `fixable` says', () => {
    for (const r of allRules) {
      const kinds = seen.get(r.id) ?? new Set();
      if (!r.fixable) expect([...kinds], `${r.id} offers fixes: declare fixable`).toEqual(['none']);
      else if (r.fixable.kind === 'suggestion') expect(kinds.has('fix-all'), `${r.id} is fixed by fix-all`).toBe(false);
      else expect(kinds.has('fix-all'), `${r.id}: no fixture shows the fix fix-all applies`).toBe(true);
      if (r.fixable) expect(kinds.has('fix-all') || kinds.has('suggestion'), `${r.id}: no fixture shows its fix`).toBe(true);
    }
  });
});
