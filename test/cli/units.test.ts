// The CLI's small parts on their own: glob matching, decoding, the config
// schema, and a rule that throws.
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkFile } from '../../server/src/cli/check-file';
import { decode, DecodeError, encode, type Encoding } from '../../server/src/sources/decode';
import { ChangedMeanwhile, writeAtomic } from '../../server/src/cli/fix-write';
import { matchSegment, splitGlob } from '../../server/src/cli/glob';
import { rules } from '../../server/src/rules';
import { CORPUS, readSeed, SEEDS, seedFiles } from '../support/fixtures';
import { ROOT } from './run-cli';

vi.mock('../../server/src/rules', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/src/rules')>();
  const boom = {
    id: 'test-boom',
    severity: 'error' as const,
    description: { zh: '测试', en: 'test' },
    check: () => {
      throw new Error('boom\nsecond line');
    },
  };
  return { ...real, rules: [...real.rules, boom] };
});

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('glob', () => {
  it('splits the static folder from the pattern', () => {
    expect(splitGlob('../shared/seeds/*.txt')).toEqual({ base: '../shared/seeds', segments: ['*.txt'] });
    expect(splitGlob('**/*.md')).toEqual({ base: '.', segments: ['**', '*.md'] });
    expect(splitGlob('/abs/x?/a.txt')).toEqual({ base: '/abs', segments: ['x?', 'a.txt'] });
  });

  // One segment against one name: *, ? and literal characters; dot-files only when the pattern starts with a dot; braces and classes (picomatch).
  it.each([
    ['*.txt', '000_a.txt', true],
    ['*.txt', '000_a.md', false],
    ['00?_*', '003_x.txt', true],
    ['00?_*', '0003_x.txt', false],
    ['a+b(1).txt', 'a+b(1).txt', true],
    ['*', '.hidden', false],
    ['.h*', '.hidden', true],
    ['报告*', '报告2023.txt', true],
    ['*.{md,txt}', '01-clean.md', true],
    ['*.{md,txt}', '02-x.txt', true],
    ['*.{md,txt}', 'a.docx', false],
    ['0[1-3]*', '02-tsv.tabs.txt', true],
    ['0[1-3]*', '04-row-total.md', false],
  ])('%s against %s: %s', (pattern, name, expected) => {
    expect(matchSegment(pattern, name)).toBe(expected);
  });
});

describe('decode and encode', () => {
  const encodings: [Encoding, boolean][] = [['utf-8', false], ['utf-8', true], ['utf-16le', true], ['utf-16be', true], ['gb18030', false]];

  it('every encoding round-trips any text, byte for byte', () => {
    // U+E5E5 is the one BMP code point GB18030 cannot hold (no decoder yields
    // it); the CLI's writer refuses it rather than write other bytes.
    const bmp = fc.integer({ min: 0x20, max: 0xfffd }).filter((c) => (c < 0xd800 || c > 0xdfff) && c !== 0xe5e5).map((c) => String.fromCharCode(c));
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('总', '计', '２', '\r\n', '\n', '\t', '\u00a0', '𠀀'), bmp) });
    for (const [enc, bom] of encodings) {
      fc.assert(
        fc.property(text, (t) => {
          // GB18030 text must not start like a BOM or hold NUL; real reports do neither.
          fc.pre(!t.includes('\0') && !t.startsWith('\ufeff'));
          const bytes = encode(t, enc, bom);
          const d = decode(bytes);
          if (enc === 'gb18030' && d.encoding === 'utf-8') return; // ASCII-only text is also UTF-8
          expect(d).toEqual({ text: t, encoding: enc, bom });
          expect(encode(d.text, d.encoding, d.bom).equals(bytes)).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('detects GB18030 and GBK only when the bytes are not UTF-8, on every real report', () => {
    const texts = [...seedFiles().map((f) => join(SEEDS, f)), ...readdirSync(CORPUS).map((f) => join(CORPUS, f))].map((f) => readFileSync(f, 'utf8'));
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      expect(decode(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030', bom: false });
      expect(decode(Buffer.from(text))).toEqual({ text, encoding: 'utf-8', bom: false });
      const gbk = iconv.encode(text, 'gbk');
      expect(decode(gbk).text).toBe(iconv.decode(gbk, 'gbk'));
    }
  });

  it('refuses what it cannot read, with the reason', () => {
    expect(() => decode(Buffer.from([0x41, 0xff, 0x41]))).toThrow(DecodeError);
    expect(() => decode(Buffer.from([0x41, 0xff, 0x41]))).toThrow(/byte 0xFF at offset 1/);
    expect(() => decode(Buffer.from([0xef, 0xbb, 0xbf, 0xc3]))).toThrow(/UTF-8 byte-order mark/);
    expect(() => decode(Buffer.from([0xff, 0xfe, 0x41]))).toThrow(/odd number of bytes/);
    expect(() => decode(Buffer.from([0xff, 0xfe, 0x00, 0xd8]))).toThrow(/unpaired surrogate/);
    expect(() => decode(Buffer.from([0x41, 0x00, 0x42, 0x00]))).toThrow(/NUL byte/);
    expect(() => decode(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(/UTF-32/);
  });
});

describe('the config schema', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'xxgklintrc.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);

  it('is draft-07 and accepts a full config', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(validate({ $schema: 'x', profile: '2021', lang: 'en', rules: { 'row-total': 'warning', balance: 'off' } })).toBe(true);
    expect(validate({})).toBe(true);
  });

  it('rejects unknown keys, rule ids and severities', () => {
    expect(validate({ rule: {} })).toBe(false);
    expect(validate({ rules: { 'row-totals': 'off' } })).toBe(false);
    expect(validate({ rules: { balance: 'fatal' } })).toBe(false);
    expect(validate({ lang: 'fr' })).toBe(false);
  });

  it('names every rule in the registry, so editors complete them', () => {
    const ids = Object.keys(schema.properties.rules.properties);
    const missing = rules.map((r) => r.id).filter((id) => id !== 'test-boom' && !ids.includes(id));
    expect(missing, 'add these rule ids to schemas/xxgklintrc.schema.json').toEqual([]);
  });
});

describe('writeAtomic', () => {
  it('replaces the file, keeps its mode, and leaves no temp file', () => {
    const sub = mkdtempSync(join(dir, 'w-'));
    const f = join(sub, 'a.txt');
    writeFileSync(f, 'old', { mode: 0o640 });
    writeAtomic(f, Buffer.from('new'));
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(sub)).toEqual(['a.txt']);
  });

  it('writes through a symlink to its target', () => {
    const sub = mkdtempSync(join(dir, 'w-'));
    writeFileSync(join(sub, 'target.txt'), 'old');
    symlinkSync('target.txt', join(sub, 'link.txt'));
    writeAtomic(join(sub, 'link.txt'), Buffer.from('new'));
    expect(lstatSync(join(sub, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(sub, 'target.txt'), 'utf8')).toBe('new');
  });

  it('refuses when the file changed since it was read, and cleans up', () => {
    const sub = mkdtempSync(join(dir, 'w-'));
    const f = join(sub, 'a.txt');
    writeFileSync(f, 'old');
    const st = statSync(f);
    writeFileSync(f, 'edited elsewhere');
    expect(() => writeAtomic(f, Buffer.from('new'), { mtimeMs: st.mtimeMs, size: st.size })).toThrow(ChangedMeanwhile);
    expect(readFileSync(f, 'utf8')).toBe('edited elsewhere');
    expect(readdirSync(sub)).toEqual(['a.txt']);
  });
});

describe('a rule that throws', () => {
  it('is reported once per file and the other rules still run', async () => {
    const file = join(dir, '003.txt');
    writeFileSync(file, readSeed('003'));
    const r = await checkFile({ path: file, options: {}, fix: false, explicit: true });
    if (!('diagnostics' in r)) throw new Error(JSON.stringify(r));
    expect(r.notices).toEqual([`${file}: rule test-boom failed: boom`]);
    expect(r.diagnostics.filter((d) => d.rule === 'balance')).toHaveLength(2);
  });

  it('does not stop --fix either', async () => {
    const file = join(dir, '000.txt');
    const seed = readSeed('000');
    const lines = seed.split('\n');
    lines[97] = '\t25';
    writeFileSync(file, lines.join('\n'));
    const r = await checkFile({ path: file, options: {}, fix: true, explicit: true });
    if (!('diagnostics' in r)) throw new Error(JSON.stringify(r));
    expect(r.fixed).toBe(true);
    expect(r.notices).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(seed);
  });
});
