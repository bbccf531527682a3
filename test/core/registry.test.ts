// The rule registry is the one list of rule ids: each rule is one file named
// by its id, the contract's ids are the rules flagged `contract`, and the
// files that list the rules are what scripts/gen-rules.mjs makes of it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/rules';
import { SHARED } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');

describe('the rule registry', () => {
  it('one rule, one file named by its id; no id twice', () => {
    for (const r of allRules) expect(existsSync(join(ROOT, 'server', 'src', 'rules', `${r.id}.ts`)), r.id).toBe(true);
    expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length);
  });

  it('flags exactly the ids the contract lists, with their default severities', () => {
    const contract = readFileSync(join(SHARED, 'spec', 'contract.md'), 'utf8');
    const table = contract.slice(contract.indexOf('## Rule ids'), contract.indexOf('## Diagnostics'));
    const listed = [...table.matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed).toHaveLength(17);
    const flagged = allRules.filter((r) => r.contract).map((r) => `${r.id} ${r.severity}`);
    expect(flagged.sort()).toEqual(listed.sort());
  });

  it('README, docs/rules/README.md, docs/contract.md, the config schema and package.json are generated from it (npm run gen)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-rules.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
