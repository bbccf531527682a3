// --baseline / --update-baseline on real reports: record, re-run (nothing
// shown), change a recorded cell (its finding returns), edit elsewhere (still
// hidden). And the pure key function the CLI and the server share.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline, findingKey, formatBaseline, parseBaseline } from '../../server/src/baseline/baseline';
import { lint } from '../../server/src/engine/lint';
import { CORPUS, SEEDS, seedFiles } from '../support/fixtures';
import { cli, ensureBuilt } from './run-cli';

const HONGZE = 'huaian-hongze-district-gov-2023.txt';
const S003 = seedFiles().find((f) => f.startsWith('003'))!;
// The 行政复议 总计 cell of 洪泽区 2023 (0-based line 148): written 0, its parts add up to 11.
const REVIEW_TOTAL = { line: 148, character: 22 };

const dir = mkdtempSync(join(tmpdir(), 'xxgk-baseline-'));
beforeAll(() => {
  ensureBuilt();
  copyFileSync(join(CORPUS, HONGZE), join(dir, HONGZE));
  copyFileSync(join(SEEDS, S003), join(dir, S003));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const edit = (file: string, f: (lines: string[]) => void) => {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  f(lines);
  writeFileSync(join(dir, file), lines.join('\n'));
};

describe('baseline round trip through the CLI', () => {
  const original = () => readFileSync(join(CORPUS, HONGZE), 'utf8');

  it('records every finding, by cell or fingerprint and value, never by line; a re-run shows nothing and exits 0', async () => {
    const before = await cli(['--format', 'json', '.'], dir);
    expect(before.code).toBe(1);
    const found = JSON.parse(before.stdout).files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics).length;

    const rec = await cli(['--update-baseline', '--baseline', 'base.json', '.'], dir);
    expect(rec.code).toBe(0);
    expect(rec.stdout).toBe('');
    expect(rec.stderr).toContain(`base.json: recorded ${found} findings`);
    const text = readFileSync(join(dir, 'base.json'), 'utf8');
    const data = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(data.entries).toHaveLength(found);
    expect(text).not.toMatch(/"line"|"range"/);
    expect(data.entries).toContainEqual({ file: HONGZE, rule: 'row-total', cell: 'review/cases/review.total', value: '0' });
    // Stable order: by file, rule, cell or fingerprint, value.
    const keys = data.entries.map((e: Record<string, string>) => `${e.file}\0${e.rule}\0${e.cell ?? e.fingerprint}\0${e.value}`);
    expect(keys).toEqual([...keys].sort());

    const again = await cli(['--baseline', 'base.json', '--format', 'json', '.'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).files.every((f: { diagnostics: unknown[] }) => f.diagnostics.length === 0)).toBe(true);
    const text2 = await cli(['--baseline', 'base.json', '.'], dir);
    expect([text2.code, text2.stdout]).toEqual([0, '']);
  });

  it('a recorded cell whose value changed comes back, alone', async () => {
    edit(HONGZE, (l) => (l[REVIEW_TOTAL.line] = l[REVIEW_TOTAL.line].slice(0, REVIEW_TOTAL.character) + '1' + l[REVIEW_TOTAL.line].slice(REVIEW_TOTAL.character + 1)));
    const r = await cli(['--baseline', 'base.json', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${HONGZE}:149:23 error row-total .*实为 1$`))]);
  });

  it('edits elsewhere keep every entry valid: lines inserted above, prose changed', async () => {
    writeFileSync(join(dir, HONGZE), `\n\n${original()}`);
    edit(S003, (l) => l.splice(20, 0, '本年度还开展了政务公开培训。'));
    const r = await cli(['--baseline', 'base.json', '.'], dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  it('--update-baseline keeps the entries of files not checked in this run', async () => {
    writeFileSync(join(dir, HONGZE), original());
    const before = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).entries.length;
    const r = await cli(['--update-baseline', '--baseline', 'base.json', S003], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).entries).toHaveLength(before);
  });

  it('a missing or malformed baseline is an input error (exit 2, one line)', async () => {
    const missing = await cli(['--baseline', 'nope.json', '.'], dir);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'xxgk-lint: nope.json: baseline file not found (write one with --update-baseline)']);
    writeFileSync(join(dir, 'bad.json'), '{"version": 1, "entries": [{"file": "a.txt"}]}');
    const bad = await cli(['--baseline', 'bad.json', '.'], dir);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'xxgk-lint: bad.json: not a baseline file: entry 1 needs file, rule, value and a cell or fingerprint']);
  });
});

describe('baseline keys (server/src/baseline/baseline.ts)', () => {
  const text = readFileSync(join(CORPUS, HONGZE), 'utf8');

  it('a cell finding is keyed by its template cell id and written value; others by a fingerprint that ignores line numbers and digits', () => {
    const { report, diagnostics } = lint(text);
    const rowTotal = diagnostics.find((d) => d.rule === 'row-total')!;
    expect(findingKey(report.lines, rowTotal)).toEqual({ rule: 'row-total', cell: 'review/cases/review.total', value: '0' });
    const shape = diagnostics.find((d) => d.rule === 'table-shape')!;
    const key = findingKey(report.lines, shape);
    expect(key).toEqual({ rule: 'table-shape', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), value: '2.其他法律行政止公开' });
    const moved = lint(`前言\n\n${text}`);
    const shape2 = moved.diagnostics.find((d) => d.rule === 'table-shape')!;
    expect(shape2.range.start.line).toBe(shape.range.start.line + 2);
    expect(findingKey(moved.report.lines, shape2)).toEqual(key);
  });

  it('each entry hides one finding: two identical findings need two entries', () => {
    const seed = readFileSync(join(SEEDS, S003), 'utf8');
    const { report, diagnostics } = lint(seed);
    const balance = diagnostics.filter((d) => d.rule === 'balance');
    expect(balance).toHaveLength(2);
    const one = [findingKey(report.lines, balance[0])];
    const r = applyBaseline(one, report.lines, diagnostics);
    expect(r.hidden).toHaveLength(1);
    expect(r.shown.filter((d) => d.rule === 'balance')).toHaveLength(1);
  });

  it('formats in a stable order and reads back what it wrote', () => {
    const entries = [
      { file: 'b.txt', rule: 'row-total', cell: 'requests/received/total', value: '27' },
      { file: 'a.txt', rule: 'title', fingerprint: '0123456789abcdef', value: '2023' },
    ];
    const text2 = formatBaseline(entries);
    expect(formatBaseline([...entries].reverse())).toBe(text2);
    expect(parseBaseline(text2)).toEqual([entries[1], entries[0]]);
    expect(() => parseBaseline('[]')).toThrow(/expected \{"version": 1/);
  });
});
