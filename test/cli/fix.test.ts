// --fix on temp copies of seed 000 with a broken 总计 cell: the file comes back
// byte for byte, whatever its line ends, BOM and encoding; only given files
// are written, and no temp file is left behind.
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { cli, ensureBuilt } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-fix-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const original = readSeed('000');
/** 0-based line 97 of seed 000 is the 总计 cell of the row （一）本年新收: 21+0+0+3+0+0 = 24. */
const TOTAL_LINE = 97;

function broken(text: string): string {
  const lines = text.split('\n');
  expect(lines[TOTAL_LINE]).toBe('\t24');
  lines[TOTAL_LINE] = '\t25';
  return lines.join('\n');
}

const variants: { name: string; encode: (text: string) => Buffer }[] = [
  { name: 'UTF-8, LF', encode: (t) => Buffer.from(t, 'utf8') },
  { name: 'UTF-8, CRLF', encode: (t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8') },
  { name: 'UTF-8 with BOM, CRLF', encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8')]) },
  { name: 'GB18030', encode: (t) => iconv.encode(t, 'gb18030') },
  { name: 'GBK, CRLF', encode: (t) => iconv.encode(t.replace(/\n/g, '\r\n'), 'gbk') },
  { name: 'UTF-16LE with BOM', encode: (t) => iconv.encode(t, 'utf16le', { addBOM: true }) },
  { name: 'UTF-16BE with BOM, CRLF', encode: (t) => iconv.encode(t.replace(/\n/g, '\r\n'), 'utf16-be', { addBOM: true }) },
];

describe('--fix', () => {
  it.each(variants)('$name: the broken total is fixed and the bytes come back exactly', async ({ name, encode }) => {
    const file = join(dir, `${name.replace(/\W+/g, '_')}.txt`);
    const good = encode(original);
    const bad = encode(broken(original));
    expect(bad.equals(good)).toBe(false);
    writeFileSync(file, bad);

    const before = await cli(['--format', 'json', file]);
    expect(before.code).toBe(1);
    const diags = JSON.parse(before.stdout).files[0].diagnostics as { rule: string; severity: string; range: { start: { line: number } } }[];
    expect(diags.some((d) => d.severity === 'error' && d.range.start.line === TOTAL_LINE)).toBe(true);

    const fixed = await cli(['--fix', '--format', 'json', file]);
    expect(fixed.stderr).toMatch(/已修复 1 个文件/);
    expect(readFileSync(file).equals(good)).toBe(true);
    // What remains is reported: the seed's own warning, and no error, so exit 0.
    expect(fixed.code).toBe(0);
    const remaining = JSON.parse(fixed.stdout).files[0].diagnostics as { rule: string }[];
    expect(remaining.map((d) => d.rule)).toContain('section-empty');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes only the files it was given, and leaves clean files untouched', async () => {
    const sub = mkdtempSync(join(dir, 'only-'));
    const given = join(sub, 'given.txt');
    const other = join(sub, 'other.txt');
    const clean = join(sub, 'clean.txt');
    writeFileSync(given, broken(original));
    writeFileSync(other, broken(original));
    writeFileSync(clean, original);
    const r = await cli(['--fix', given, clean]);
    expect(r.code).toBe(0);
    expect(readFileSync(given, 'utf8')).toBe(original);
    expect(readFileSync(other, 'utf8')).toBe(broken(original));
    expect(readFileSync(clean, 'utf8')).toBe(original);
    expect(r.stderr).toMatch(/已修复 1 个文件/);
    expect(readdirSync(sub).sort()).toEqual(['clean.txt', 'given.txt', 'other.txt']);
  });

  it('fixes a big batch in worker threads', async () => {
    const sub = mkdtempSync(join(dir, 'many-'));
    const bad = broken(original);
    for (let i = 0; i < 55; i++) writeFileSync(join(sub, `r${i}.txt`), i % 2 ? bad.replace(/\n/g, '\r\n') : bad);
    const r = await cli(['--fix', '--jobs', '2', sub]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/已修复 55 个文件/);
    for (let i = 0; i < 55; i++) expect(readFileSync(join(sub, `r${i}.txt`), 'utf8')).toBe(i % 2 ? original.replace(/\n/g, '\r\n') : original);
    expect(readdirSync(sub)).toHaveLength(55);
  });

  it('does not follow symlinks met in a folder or by a glob, so --fix never writes outside; a symlink named is followed', async () => {
    const sub = mkdtempSync(join(dir, 'links-'));
    const outside = mkdtempSync(join(dir, 'outside-'));
    const bad = broken(original);
    writeFileSync(join(outside, 'target.txt'), bad);
    writeFileSync(join(sub, 'report.txt'), bad);
    symlinkSync(join(outside, 'target.txt'), join(sub, 'link.txt'));
    const r = await cli(['--fix', '--format', 'json', '.', '*.txt'], sub);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['report.txt']);
    expect(readFileSync(join(sub, 'report.txt'), 'utf8')).toBe(original);
    expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe(bad);
    const named = await cli(['--fix', 'link.txt'], sub);
    expect(named.code).toBe(0);
    expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe(original);
    expect(lstatSync(join(sub, 'link.txt')).isSymbolicLink()).toBe(true);
  });

  it('never applies a balance suggestion: 003 keeps its errors and its bytes', async () => {
    const file = join(dir, '003.txt');
    const text = readSeed('003');
    writeFileSync(file, text);
    const r = await cli(['--fix', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/ error balance /g)).toHaveLength(2);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
