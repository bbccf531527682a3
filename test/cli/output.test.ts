// The CLI on the real seed reports: JSON against the contract, SARIF against
// SARIF 2.1.0, text positions, --rule, --lang, folders, globs and --jobs.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS as SEED_DIR, seedFiles } from '../support/fixtures';
import { cli, ensureBuilt, ROOT } from './run-cli';
import { contractValidator, sarifValidator } from './sarif-schema';

const SEEDS = '../shared/seeds';
const SEED = (n: string) => `${SEEDS}/${{ '000': '000_2014b47c1e706ce8', '003': '003_2c28807f361dfc67' }[n]}.txt`;

interface JsonFile {
  path: string;
  profile: string;
  diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
}

beforeAll(() => ensureBuilt());

describe('--format json', () => {
  it('validates against the contract shape; 003 has exactly two balance errors; 000 has section-empty', async () => {
    const r = await cli(['--format', 'json', `${SEEDS}/*.txt`]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const validate = contractValidator();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const files = doc.files as JsonFile[];
    expect(files.map((f) => f.path)).toEqual([
      '../shared/seeds/000_2014b47c1e706ce8.txt',
      '../shared/seeds/001_74af22525ff5d9b0.txt',
      '../shared/seeds/002_6ef1e1ca7e89b0c7.txt',
      '../shared/seeds/003_2c28807f361dfc67.txt',
      '../shared/seeds/004_a31d191120c467ea.txt',
    ]);
    const s003 = files[3];
    const errors = s003.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.rule, d.range.start.line])).toEqual([['balance', 339], ['balance', 345]]);
    expect(files[0].diagnostics.some((d) => d.rule === 'section-empty' && d.severity === 'warning' && d.range.start.line === 405)).toBe(true);
    expect(files[4].profile).toBe('2019');
    // 000, 001, 002 and 004 have no error-level finding.
    for (const i of [0, 1, 2, 4]) expect(files[i].diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('balance fixes are marked as suggestions only', async () => {
    const r = await cli(['--format', 'json', SEED('003')]);
    const d = JSON.parse(r.stdout).files[0].diagnostics.find((x: JsonFile['diagnostics'][0]) => x.rule === 'balance');
    for (const f of d.fixes) expect(f.suggestionOnly).toBe(true);
  });
});

describe('--format sarif', () => {
  it('validates as SARIF 2.1.0 with rule metadata and 1-based regions', async () => {
    const r = await cli(['--format', 'sarif', SEEDS]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    const rules = run.tool.driver.rules as { id: string; helpUri: string }[];
    const balance = rules.find((x) => x.id === 'balance')!;
    expect(balance.helpUri).toMatch(/docs\/rules\/balance\.md$/);
    const results = (run.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[]).filter((x) => x.ruleId === 'balance');
    expect(results).toHaveLength(2);
    expect(results.map((x) => x.locations[0].physicalLocation.region.startLine)).toEqual([340, 346]);
    expect(results[0].locations[0].physicalLocation.region.startColumn).toBe(2);
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('../shared/seeds/003_2c28807f361dfc67.txt');
    expect(rules[results[0].ruleIndex].id).toBe('balance');
    expect(results[0].level).toBe('error');
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('percent-encodes Chinese names and spaces in artifact URIs, and stays valid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-sarif-'));
    try {
      mkdirSync(join(dir, '年报'));
      copyFileSync(join(SEED_DIR, seedFiles()[3]), join(dir, '年报', '某局 2023.txt'));
      const r = await cli(['--format', 'sarif', '年报'], dir);
      const log = JSON.parse(r.stdout);
      const validate = sarifValidator();
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
      expect(uri).toBe(`${encodeURIComponent('年报')}/${encodeURIComponent('某局 2023.txt')}`);
      const text = await cli(['年报/某*.txt'], dir);
      expect(text.stdout).toMatch(/^年报\/某局 2023\.txt:340:2 error balance /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the SARIF check does reject a broken log', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b' } } }] }] }] })).toBe(false);
  });
});

describe('--format text', () => {
  it('prints file:line:col severity rule message with 1-based positions and a summary on stderr', async () => {
    const r = await cli([SEED('003')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').filter((l) => l.includes(' error '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\.\.\/shared\/seeds\/003_2c28807f361dfc67\.txt:340:2 error balance \S/);
    expect(lines[1]).toMatch(/:346:2 error balance /);
    expect(r.stderr).toMatch(/检查 1 个文件/);
    expect(r.stderr).toMatch(/错误 2 个/);
  });
});

describe('options', () => {
  it('--rule balance=off removes the balance errors of 003 and the exit becomes 0', async () => {
    const r = await cli(['--format', 'json', '--rule', 'balance=off', SEED('003')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'balance')).toEqual([]);
  });

  it('--rule can raise a warning to an error', async () => {
    const r = await cli(['--format', 'json', '--rule', 'section-empty=error', SEED('000')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].diagnostics.find((d: { rule: string }) => d.rule === 'section-empty').severity).toBe('error');
  });

  it('--lang en gives English messages', async () => {
    const zh = await cli(['--format', 'json', SEED('003')]);
    const en = await cli(['--format', 'json', '--lang', 'en', SEED('003')]);
    const msg = (r: { stdout: string }) => JSON.parse(r.stdout).files[0].diagnostics.find((d: { rule: string }) => d.rule === 'balance').message as string;
    expect(msg(zh)).toMatch(/[列项]/);
    expect(msg(en)).toMatch(/^[\x20-\x7e\u4e00-\u9fff]*$/);
    expect(msg(en)).toMatch(/[a-z]{4,}/i);
    expect(msg(en)).not.toBe(msg(zh));
    expect(en.stderr).toBe('');
  });

  it('--profile 2019 forces the template', async () => {
    const r = await cli(['--format', 'json', '--profile', '2019', SEED('000')]);
    expect(JSON.parse(r.stdout).files[0].profile).toBe('2019');
  });

  it('a folder, a quoted glob and a ** glob give the same files', async () => {
    const paths = async (args: string[]) => (JSON.parse((await cli(['--format', 'json', ...args])).stdout).files as JsonFile[]).map((f) => f.path);
    const folder = await paths([SEEDS]);
    expect(folder).toHaveLength(5);
    expect(await paths([`${SEEDS}/*.txt`])).toEqual(folder);
    expect(await paths([`${SEEDS}/**/0?[0-9]_*.txt`.replace('[0-9]', '?')])).toEqual(folder);
    expect(await paths(['../shared/**/00[0-4]*.txt'.replace('[0-4]', '?')])).toEqual(folder);
    expect(await paths([`${SEEDS}/00[0-4]_*.{txt,md}`])).toEqual(folder);
    // The same file twice is checked once.
    expect(await paths([SEEDS, SEED('003')])).toEqual(folder);
  });

  it("the examples by brace and class globs: 'examples/*.{md,txt}' and 'examples/0[1-3]*'", async () => {
    const paths = async (args: string[]) => (JSON.parse((await cli(['--format', 'json', ...args])).stdout).files as JsonFile[]).map((f) => f.path.split('/').pop());
    const all = readdirSync(join(ROOT, 'examples')).filter((f) => /\.(?:md|txt)$/.test(f) && f !== 'README.md').sort();
    expect(all.length).toBeGreaterThan(5);
    expect(await paths(['examples/*.{md,txt}'])).toEqual(all);
    expect(await paths(['examples/0[1-3]*'])).toEqual(all.filter((f) => /^0[1-3]/.test(f)));
  });

  it('--jobs 2 prints exactly what --jobs 1 prints, in every format', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const one = await cli(['--format', format, '--jobs', '1', SEEDS, '../shared/corpus']);
      const two = await cli(['--format', format, '--jobs', '2', SEEDS, '../shared/corpus']);
      expect(two.code).toBe(one.code);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stdout.length).toBeGreaterThan(100);
    }
  });

  it('more than 50 files go to worker threads by default, with the same output and no progress bar off a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-many-'));
    try {
      const seeds = seedFiles();
      for (let i = 0; i < 60; i++) copyFileSync(join(SEED_DIR, seeds[i % seeds.length]), join(dir, `r${String(i).padStart(3, '0')}.txt`));
      const one = await cli(['--format', 'json', '--jobs', '1', dir]);
      const auto = await cli(['--format', 'json', dir]);
      expect(auto.stdout).toBe(one.stdout);
      expect(JSON.parse(auto.stdout).files).toHaveLength(60);
      expect(auto.stderr).toBe('');
      expect(auto.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carried-over: last year\'s report of the same agency among the files given is used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-prev-'));
    try {
      const text = readFileSync(join(SEED_DIR, seedFiles()[0]), 'utf8');
      const lines = text.split('\n');
      // Last year's copy: the title and the period say 2022, and it carried 2 requests over (自然人 and 总计).
      for (let i = 0; i < 10; i++) lines[i] = lines[i].replace(/2023/g, '2022');
      expect(lines[348]).toBe('\t0');
      lines[348] = '\t2';
      lines[354] = '\t2';
      writeFileSync(join(dir, '2022.txt'), lines.join('\n'));
      writeFileSync(join(dir, '2023.txt'), text);
      const r = await cli(['--format', 'json', '--rule', 'balance=off', '2023.txt', '2022.txt'], dir);
      const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string; range: { start: { line: number } }; related: { uri?: string }[] }[] }[];
      expect(files.map((f) => f.path)).toEqual(['2022.txt', '2023.txt']);
      const carried = files[1].diagnostics.filter((d) => d.rule === 'carried-over');
      expect(carried.map((d) => d.range.start.line)).toEqual([100, 106]);
      expect(carried[0].related[0].uri).toBe('2022.txt');
      expect(files[0].diagnostics.filter((d) => d.rule === 'carried-over')).toEqual([]);
      // Alone, or with the rule off, there is nothing to compare.
      expect((await cli(['--format', 'json', '2023.txt'], dir)).stdout).not.toMatch(/carried-over/);
      expect((await cli(['--format', 'json', '--rule', 'carried-over=off', '.'], dir)).stdout).not.toMatch(/carried-over/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder\'s files that do not look like a report are skipped with a note; a file named is always checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-skip-'));
    try {
      writeFileSync(join(dir, 'NOTES.md'), '# Notes\n\nThings to check next week.\n');
      // A meeting note that names the report is a note, not a report.
      writeFileSync(join(dir, 'meeting.md'), '周一例会纪要\n讨论了政府信息公开工作年度报告的编写分工，1月20日前交初稿。\n');
      copyFileSync(join(SEED_DIR, seedFiles()[1]), join(dir, 'report.txt'));
      const r = await cli(['--format', 'json', '.'], dir);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['report.txt']);
      expect(r.stderr).toBe(
        'xxgk-lint: NOTES.md: skipped, does not look like an annual report (name the file to check it anyway)\n' +
          'xxgk-lint: meeting.md: skipped, does not look like an annual report (name the file to check it anyway)\n',
      );
      const text = await cli(['.'], dir);
      expect(text.stderr).toMatch(/跳过 2 个非年度报告文件/);
      const named = await cli(['--format', 'json', 'NOTES.md'], dir);
      expect(named.code).toBe(1);
      expect(JSON.parse(named.stdout).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'section-missing')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help and --version', async () => {
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/--format text\|json\|sarif/);
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
