// The GitHub Action (action.yml + its problem matcher) and the pre-commit hook
// definition: they parse, point at what exists, and the matcher reads the
// CLI's real text output.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  it('runs scripts/pre-commit.sh on report files only', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ['xxgk-lint', 'scripts/pre-commit.sh', 'script'],
      ['xxgk-lint-fix', 'scripts/pre-commit.sh --fix', 'script'],
    ]);
    const files = new RegExp(hooks[0].files);
    expect(['reports/2023年度报告.txt', 'xxgk/2024.md', '某局2023年报.docx'].every((f) => files.test(f))).toBe(true);
    expect(['README.md', 'docs/cli.md', 'src/index.ts'].some((f) => files.test(f))).toBe(false);
  });

  it('the script checks the files it is given, from the user\'s repository as the current folder', () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'reports'), { recursive: true });
    copyFileSync(join(ROOT, 'examples', '04-row-total.md'), join(repo, 'reports', 'xxgk-2023.md'));
    const r = spawnSync(join(ROOT, 'scripts', 'pre-commit.sh'), ['reports/xxgk-2023.md'], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^reports\/xxgk-2023\.md:43:52 error row-total /m);
  });

  // The whole chain as a user meets it, when pre-commit is installed (apt-get install pre-commit):
  // pre-commit clones this repository, the first run installs it, the hook checks the staged reports.
  it.skipIf(!onPath('pre-commit') || !onPath('git'))('real pre-commit: install on first use, then check the staged reports', () => {
    const user = join(dir, 'user');
    mkdirSync(join(user, 'reports'), { recursive: true });
    const run = (cmd: string, args: string[], cwd = user) => spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: join(dir, 'pre-commit-home') } });
    const self = join(dir, 'self');
    // A clone of the working tree as it is (committed or not), as the hook repository.
    expect(run('git', ['clone', '-q', '--no-hardlinks', ROOT, self], dir).status).toBe(0);
    copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(self, '.pre-commit-hooks.yaml'));
    copyFileSync(join(ROOT, 'scripts', 'pre-commit.sh'), join(self, 'scripts', 'pre-commit.sh'));
    for (const args of [['add', '-A'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'hooks', '--allow-empty']]) run('git', args, self);
    const rev = run('git', ['rev-parse', 'HEAD'], self).stdout.trim();
    run('git', ['init', '-q']);
    copyFileSync(join(ROOT, 'examples', '04-row-total.md'), join(user, 'reports', 'xxgk-2023.md'));
    copyFileSync(join(ROOT, 'README.md'), join(user, 'README.md'));
    writeFileSync(join(user, '.pre-commit-config.yaml'), `repos:\n  - repo: ${self}\n    rev: ${rev}\n    hooks:\n      - id: xxgk-lint\n`);
    run('git', ['add', '-A']);
    const r = run('pre-commit', ['run', '--all-files']);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^reports\/xxgk-2023\.md:43:52 error row-total /m);
    expect(r.stdout).not.toContain('README.md');
  }, 300_000);
});

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, cmd)));
}
