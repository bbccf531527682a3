// The CI conventions: -o, --quiet, --max-warnings, --fix-dry-run,
// --print-config, --cache / --cache-location, --stdin / --stdin-filename, and
// a file that cannot be checked listed in JSON and SARIF.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli, ensureBuilt } from './run-cli';
import { contractValidator, sarifValidator } from './sarif-schema';

const S000 = '../shared/seeds/000_2014b47c1e706ce8.txt'; // two warnings, no error
const S003 = '../shared/seeds/003_2c28807f361dfc67.txt'; // two balance errors, two warnings
const ROW_TOTAL = 'examples/04-row-total.md';
const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-flags-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (stdout: string) => JSON.parse(stdout).files as { path: string; diagnostics: { rule: string; severity: string }[]; output?: string; error?: string }[];

describe('-o, --output-file', () => {
  it('writes the report to the file and nothing to stdout, for every format', async () => {
    for (const format of ['text', 'json', 'sarif', 'html']) {
      const out = join(dir, `out.${format}`);
      const r = await cli(['--format', format, '-o', out, S003]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const written = readFileSync(out, 'utf8');
      if (format === 'text') expect(written).toContain(`${S003}:340:2 error balance`);
      if (format === 'json') expect(files(written)[0].diagnostics.filter((d) => d.rule === 'balance')).toHaveLength(2);
      if (format === 'sarif') expect(JSON.parse(written).runs[0].results.length).toBeGreaterThan(0);
      if (format === 'html') expect(written).toMatch(/^<!doctype html>/);
    }
  });

  it('a folder that does not exist is an input error', async () => {
    const r = await cli(['-o', join(dir, 'no', 'such', 'x.json'), S003]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.json: cannot write output: ENOENT/);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet shows and counts errors only', async () => {
    const r = await cli(['--quiet', '--format', 'json', S003, S000]);
    expect(r.code).toBe(1);
    const [f0, f3] = files(r.stdout);
    expect(f0.diagnostics).toEqual([]);
    expect(f3.diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual(['error balance', 'error balance']);
  });

  it('--max-warnings: exit 1 past the limit, 0 within it', async () => {
    const over = await cli(['--max-warnings', '1', S000]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings: 2 (--max-warnings 1)');
    expect((await cli(['--max-warnings', '2', S000])).code).toBe(0);
    const bad = await cli(['--max-warnings', 'many', S000]);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'xxgk-lint: --max-warnings must be a whole number of 0 or more, not "many"']);
  });
});

describe('--fix-dry-run', () => {
  it('JSON carries the fixed text as output; the file is not touched; what remains is reported', async () => {
    const copy = join(dir, 'row-total.md');
    copyFileSync(join(ROOT, ROW_TOTAL), copy);
    const before = readFileSync(copy, 'utf8');
    const mtime = statSync(copy).mtimeMs;
    const r = await cli(['--fix-dry-run', '--format', 'json', copy]);
    const [f] = files(r.stdout);
    expect(readFileSync(copy, 'utf8')).toBe(before);
    expect(statSync(copy).mtimeMs).toBe(mtime);
    expect(f.diagnostics).toEqual([]);
    expect(r.code).toBe(0);
    // The same fix --fix would write, and only the wrong total changed.
    const fixed = await cli(['--fix', copy]);
    expect(fixed.code).toBe(0);
    expect(f.output).toBe(readFileSync(copy, 'utf8'));
    expect(f.output).not.toBe(before);
    // A clean file has no output field.
    const clean = await cli(['--fix-dry-run', '--format', 'json', 'examples/02-clean.md']);
    expect(files(clean.stdout)[0].output).toBeUndefined();
    const validate = contractValidator();
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('cannot be combined with --fix', async () => {
    const r = await cli(['--fix', '--fix-dry-run', S003]);
    expect([r.code, r.stderr.trim()]).toEqual([2, 'xxgk-lint: --fix and --fix-dry-run cannot be used together']);
  });
});

describe('--print-config', () => {
  it('prints the nearest config with the command line on top and every rule filled in', async () => {
    writeFileSync(join(dir, '.xxgklintrc.json'), JSON.stringify({ lang: 'en', rules: { 'row-total': 'warning' } }));
    const r = await cli(['--print-config', join(dir, 'any.txt'), '--rule', 'balance=off']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.configFile).toMatch(/\.xxgklintrc\.json$/);
    expect(c.lang).toBe('en');
    expect(c.profile).toBe('auto');
    expect(c.rules['row-total']).toBe('warning');
    expect(c.rules.balance).toBe('off');
    expect(c.rules['column-total']).toBe('error');
    rmSync(join(dir, '.xxgklintrc.json'));
  });
});

describe('--cache', () => {
  it('gives the same output as without, reuses results of unchanged files, and checks a changed file again', async () => {
    const cacheFile = join(dir, 'cache.json');
    const copy = join(dir, 'cached.md');
    copyFileSync(join(ROOT, ROW_TOTAL), copy);
    const args = ['--format', 'json', S003, copy];
    const plain = await cli(args);
    const first = await cli(['--cache', '--cache-location', cacheFile, ...args]);
    expect(existsSync(cacheFile)).toBe(true);
    const second = await cli(['--cache', '--cache-location', cacheFile, ...args]);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    // A stored result is what a second run returns: plant a marker to see it is used...
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const key = Object.keys(stored.entries).find((k) => k.endsWith('cached.md'))!;
    stored.entries[key].result.diagnostics[0].message = 'FROM THE CACHE';
    writeFileSync(cacheFile, JSON.stringify(stored));
    expect((await cli(['--cache', '--cache-location', cacheFile, ...args])).stdout).toContain('FROM THE CACHE');
    // ...and not once the file changes, nor under other options.
    expect((await cli(['--cache', '--cache-location', cacheFile, '--lang', 'en', ...args])).stdout).not.toContain('FROM THE CACHE');
    writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n`);
    expect((await cli(['--cache', '--cache-location', cacheFile, ...args])).stdout).not.toContain('FROM THE CACHE');
  });

  it('--cache-location may name a folder', async () => {
    await cli(['--cache', '--cache-location', `${dir}/`, S003]);
    expect(existsSync(join(dir, '.xxgklintcache'))).toBe(true);
  });
});

describe('--stdin', () => {
  const pipe = (args: string[], input: Buffer): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'xxgk-lint.js'), ...args], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(input);
    });

  it('checks the text on standard input under --stdin-filename, with that file\'s reader and config', async () => {
    const bytes = readFileSync(join(ROOT, ROW_TOTAL));
    const r = await pipe(['--stdin', '--stdin-filename', 'reports/2023.md'], bytes);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^reports\/2023\.md:43:52 error row-total /);
    const anon = await pipe(['--stdin', '--format', 'json', '--fix-dry-run'], bytes);
    const [f] = files(anon.stdout);
    expect(f.path).toBe('<stdin>');
    expect(f.output).toBe(readFileSync(join(dir, 'row-total.md'), 'utf8'));
  });

  it('refuses files and --fix alongside', async () => {
    expect((await cli(['--stdin', S003])).stderr).toMatch(/give no files with it/);
    expect((await cli(['--stdin', '--fix'])).stderr).toMatch(/--fix cannot write to standard input/);
    expect((await cli(['--stdin-filename', 'a.txt', S003])).stderr).toMatch(/--stdin-filename needs --stdin/);
  });
});

describe('a file that cannot be checked', () => {
  it('is listed in JSON as {path, error} and in SARIF as a tool execution notification', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x41, 0x00, 0x42]));
    const json = await cli(['--format', 'json', bad, S003]);
    expect(json.code).toBe(2);
    const listed = files(json.stdout).find((f) => f.path === bad);
    expect(listed).toEqual({ path: bad, error: expect.stringMatching(/bad\.txt: cannot decode: NUL byte at offset 1/), diagnostics: [] });

    const sarif = await cli(['--format', 'sarif', bad, S003]);
    const log = JSON.parse(sarif.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const inv = log.runs[0].invocations[0];
    // The review page lists it as an unreadable file.
    const html = await cli(['--format', 'html', bad, S003]);
    const data = JSON.parse(/<script type="application\/json" id="xxgk-files">([^]*?)<\/script>/.exec(html.stdout)![1]);
    expect(data.find((f: { path: string }) => f.path === bad)).toMatchObject({ error: expect.stringMatching(/cannot decode/), findings: [] });
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: expect.stringMatching(/cannot decode: NUL byte/) }, locations: [{ physicalLocation: { artifactLocation: { uri: expect.stringMatching(/^file:\/\/.*bad\.txt$/) } } }] },
    ]);
  });
});

describe('every option is documented', () => {
  // The options parseArgs accepts, read from its table in args.ts.
  const options = [...readFileSync(join(ROOT, 'server', 'src', 'cli', 'args.ts'), 'utf8').matchAll(/^\s+'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'/gm)].map((m) => `--${m[1]}`);
  const contract = readFileSync(join(ROOT, '..', 'shared', 'spec', 'contract.md'), 'utf8');
  const commandLine = contract.slice(contract.indexOf('## Command line'), contract.indexOf('\n## ', contract.indexOf('## Command line') + 1));

  it.each([
    ['--help', async () => (await cli(['--help'])).stdout],
    ['docs/cli.md', async () => readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8')],
    ['README.md', async () => readFileSync(join(ROOT, 'README.md'), 'utf8')],
  ])('in %s', async (_where, text) => {
    expect(options.length).toBe(21);
    const t = await text();
    const help = ['--help', '--version'];
    expect(options.filter((o) => !help.includes(o) && !new RegExp(`${o}(?![a-z-])`).test(t))).toEqual([]);
  });

  it("accepts every option of contract.md's Command line", () => {
    const promised = [...commandLine.matchAll(/^\s+(--[a-z][a-z-]*)/gm)].map((m) => m[1]);
    expect(promised).toEqual(['--format', '--fix', '--profile', '--lang', '--rule', '--config']);
    expect(promised.filter((o) => !options.includes(o))).toEqual([]);
  });
});
