// The GitHub Action (action.yml + its problem matcher) and the pre-commit hook
// definition: they parse, point at what exists, and the matcher reads the
// CLI's real text output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli, ensureBuilt } from './run-cli';

interface Step { uses?: string; run?: string; env?: Record<string, string> }
const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { name: string; inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
const matcher = JSON.parse(readFileSync(join(ROOT, '.github', 'xxgk-lint-problem-matcher.json'), 'utf8')).problemMatcher[0];
const hooks = load(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
const dir = mkdtempSync(join(tmpdir(), 'xxgk-action-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GitHub Action', () => {
  it('is a composite action on Node 20 with files, args and sarif inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v4' });
    expect(Object.keys(action.inputs)).toEqual(['files', 'args', 'sarif']);
  });

  it('its problem matcher turns each error and warning line of the text output into an annotation', async () => {
    const r = await cli(['examples']);
    const re = new RegExp(matcher.pattern[0].regexp);
    const lines = r.stdout.trim().split('\n');
    const hits = lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => !!m);
    expect(hits.length).toBe(lines.filter((l) => / (error|warning) /.test(l)).length);
    const p = matcher.pattern[0];
    const first = hits.find((m) => m[p.code] === 'row-total')!;
    expect([first[p.file], first[p.line], first[p.column], first[p.severity]]).toEqual(['examples/04-row-total.md', '43', '52', 'error']);
    expect(first[p.message]).toMatch(/总计应为 12/);
  });

  it('its check step runs the CLI with the matcher on, passes the exit status on, and writes SARIF when asked', () => {
    const step = action.runs.steps.find((s) => s.run?.includes('add-matcher'))!;
    const sarif = join(dir, 'out.sarif');
    const r = spawnSync('bash', ['-c', step.run!], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTION_PATH: ROOT, FILES: 'examples', ARGS: '--lang en', SARIF: sarif } });
    expect(r.stdout).toContain(`::add-matcher::${ROOT}/.github/xxgk-lint-problem-matcher.json`);
    expect(r.stdout).toMatch(/^examples\/04-row-total\.md:43:52 error row-total /m);
    expect(r.stdout).toContain('::remove-matcher owner=xxgk-lint::');
    expect(r.status).toBe(1);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
  });
});

describe('pre-commit hook definition', () => {
  it('runs the package bin on report files', () => {
    const bin = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin as Record<string, string>;
    expect(hooks.map((h) => h.id)).toEqual(['xxgk-lint', 'xxgk-lint-fix']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(existsSync(join(ROOT, bin[h.entry.split(' ')[0]]))).toBe(true);
    }
    const files = new RegExp(hooks[0].files);
    expect(['reports/2023年度报告.txt', 'xxgk/2024.md', '某局2023年报.docx'].every((f) => files.test(f))).toBe(true);
    expect(['README.md', 'docs/cli.md', 'src/index.ts'].some((f) => files.test(f))).toBe(false);
  });
});
