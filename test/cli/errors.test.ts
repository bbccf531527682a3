// Exit status 2 with one line on stderr: usage mistakes, missing files,
// undecodable bytes, bad config. And configs that are found and obeyed.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, SEEDS } from '../support/fixtures';
import { cli, ensureBuilt } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-err-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S003 = '../shared/seeds/003_2c28807f361dfc67.txt';

function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('usage errors', () => {
  it.each([
    [['--format', 'xml', S003], /--format must be one of text, json, sarif/],
    [['--rule', 'no-such-rule=error', S003], /unknown rule id "no-such-rule"/],
    [['--rule', 'balance=fatal', S003], /balance: severity must be one of off, info, warning, error/],
    [['--rule', 'balance', S003], /--rule expects <id>=<severity>/],
    [['--profile', '2020', S003], /--profile must be one of auto, 2019, 2021/],
    [['--lang', 'fr', S003], /--lang must be one of zh, en/],
    [['--jobs', '0', S003], /--jobs must be a whole number/],
    [['--bogus', S003], /^xxgk-lint: unknown option --bogus \(see --help\)$/],
    [['--format'], /^xxgk-lint: missing value for --format/],
    [[], /no input/],
  ])('%j → exit 2', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
  });
});

describe('input errors', () => {
  it('a missing file → exit 2 naming it', async () => {
    const r = await cli(['no/such/report.txt']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe('xxgk-lint: no/such/report.txt: no such file or folder');
  });

  it('a glob that matches nothing → exit 2', async () => {
    const r = await cli(['../shared/seeds/*.docx']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/no report files match/);
  });

  it('undecodable bytes → exit 2 naming the file and the byte; the other files are still checked; JSON lists it with its error', async () => {
    const bad = join(dir, 'bad.txt');
    // GBK text, then 0xFF, which is neither UTF-8 nor GB18030.
    writeFileSync(bad, Buffer.concat([iconv.encode('2023年度政府信息公开工作年度报告\n', 'gbk'), Buffer.from([0xff, 0x41])]));
    const r = await cli(['--format', 'json', bad, S003]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/bad\.txt: cannot decode: not valid UTF-8 \(byte 0xC4 at offset 4\) and not valid GB18030\/GBK \(byte 0xFF at offset 33\)/);
    const files = JSON.parse(r.stdout).files as { path: string; error?: string; diagnostics: unknown[] }[];
    // In path order: the temp folder's /tmp/… sorts before ../shared.
    const failed = files.find((f) => f.error);
    expect(failed).toEqual({ path: bad, error: expect.stringMatching(/bad\.txt: cannot decode: not valid UTF-8/), diagnostics: [] });
    expect(files.filter((f) => !f.error).map((f) => f.path)).toEqual([S003]);
  });

  it('UTF-8 with one damaged byte is refused, not read as GB18030', async () => {
    const f = join(dir, 'damaged.txt');
    const bytes = Buffer.from(readSeed('000'), 'utf8');
    bytes[3000] = 0xff;
    writeFileSync(f, bytes);
    const r = await cli(['--format', 'json', f]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/damaged\.txt: cannot decode: looks like UTF-8 but byte 0x[0-9A-F]{2} at offset (299[7-9]|3000) is not valid UTF-8/);
  });

  it('UTF-16 without a BOM is refused, not guessed', async () => {
    const f = join(dir, 'nobom16.txt');
    writeFileSync(f, Buffer.from(readSeed('000'), 'utf16le'));
    const r = await cli([f]);
    expect(r.code).toBe(2);
    // The text format adds its summary line after the error.
    expect(r.stderr.split('\n')[1]).toMatch(/1 个文件无法检查/);
    expect(r.stderr.split('\n')[0]).toMatch(/nobom16\.txt: cannot decode: NUL byte/);
  });
});

describe('config files', () => {
  function project(config: string | null): string {
    const root = mkdtempSync(join(dir, 'proj-'));
    mkdirSync(join(root, 'reports', '2023'), { recursive: true });
    cpSync(join(SEEDS, '003_2c28807f361dfc67.txt'), join(root, 'reports', '2023', 'a.txt'));
    if (config !== null) writeFileSync(join(root, '.xxgklintrc.json'), config);
    return root;
  }

  it('the nearest .xxgklintrc.json upward is used; flags override it', async () => {
    const root = project(JSON.stringify({ $schema: '../schemas/xxgklintrc.schema.json', lang: 'en', rules: { balance: 'warning' } }));
    const r = await cli(['--format', 'json', 'reports'], root);
    expect(r.code).toBe(0);
    const diags = JSON.parse(r.stdout).files[0].diagnostics as { rule: string; severity: string; message: string }[];
    const balance = diags.filter((d) => d.rule === 'balance');
    expect(balance.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(balance[0].message).toMatch(/[a-z]{4,}/);
    const o = await cli(['--format', 'json', '--rule', 'balance=error', '--lang', 'zh', 'reports'], root);
    expect(o.code).toBe(1);
    expect(JSON.parse(o.stdout).files[0].diagnostics.find((d: { rule: string }) => d.rule === 'balance').message).toMatch(/列/);
  });

  it('--config names the file to use instead', async () => {
    const root = project(null);
    writeFileSync(join(root, 'strict.json'), JSON.stringify({ rules: { balance: 'off' } }));
    const r = await cli(['--config', 'strict.json', 'reports/2023/a.txt'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/balance/);
  });

  it.each([
    ['{"rules": {"balance": "fatal"}}', /\.xxgklintrc\.json: rules\.balance must be one of "off", "info", "warning", "error"/],
    ['{"rules": {"no-such-rule": "off"}}', /\.xxgklintrc\.json: unknown rule id "no-such-rule"/],
    ['{"profile": 2021}', /\.xxgklintrc\.json: profile must be one of "auto", "2019", "2021"/],
    ['{"lang": "en", "extends": "x"}', /\.xxgklintrc\.json: unknown key "extends"/],
    ['["rules"]', /\.xxgklintrc\.json: the top level must be an object/],
    ['{"rules": {"balance": "off",}}', /\.xxgklintrc\.json: not valid JSON: .*line 1, column \d+/],
    ['module.exports = {}', /\.xxgklintrc\.json: not valid JSON/],
  ])('a bad config %s → exit 2 with one line naming the file and the problem', async (config, message) => {
    const root = project(config);
    const r = await cli(['reports'], root);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a missing --config file → exit 2', async () => {
    const r = await cli(['--config', 'nope.json', S003]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/nope\.json: config file not found/);
  });
});
