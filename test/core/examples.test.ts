// The sample reports in examples/: the checker says exactly what
// examples/README.md says it prints for `npx xxgk-lint examples`, and fix-all
// does what the README's table says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';

const DIR = join(__dirname, '..', '..', 'examples');
const README = readFileSync(join(DIR, 'README.md'), 'utf8');
const files = readdirSync(DIR).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

/** `examples/<file>:<line>:<col> <severity> <rule> <message>` lines of the README's output block. */
const promised = README.split('\n').filter((l) => /^examples\/\S+:\d+:\d+ (error|warning|info) \S+ /.test(l));

/** What the CLI prints for a file in text format (1-based line and column). */
const printed = (f: string) =>
  lint(read(f)).diagnostics.map((d) => `examples/${f}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${d.message}`);

describe('examples/', () => {
  it('every sample is in the README’s table, and every file the README names exists', () => {
    for (const f of files) expect(README).toContain(`| \`${f}\` |`);
    const named = [...README.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(named.sort()).toEqual(files);
  });

  it('the checker prints exactly the README’s output block', () => {
    expect(files.flatMap(printed)).toEqual(promised);
  });

  it('the README itself is left alone (xxgk-disable-file)', () => {
    expect(lint(README).diagnostics).toEqual([]);
  });

  it('01–03 are clean in their three shapes', () => {
    const clean = files.filter((f) => /clean/.test(f));
    expect(clean).toEqual(['01-clean.word.txt', '02-clean.md', '03-clean.tabs.txt']);
    expect(clean.map((f) => lint(read(f)).report.shape)).toEqual(['word', 'markdown', 'tsv']);
    for (const f of clean) expect(fixAll(read(f)).changed).toBe(false);
  });

  const oneCell: [string, string, string][] = [
    ['04-row-total.md', '13', '12'],
    ['05-column-total.word.txt', '92', '28'],
    ['07-wrong-part.word.txt', '4', '3'],
    ['11-review-total.md', '2', '3'],
  ];
  it.each(oneCell)('%s: fix-all changes one cell (%s → %s) and every sum then holds', (f, from, to) => {
    const text = read(f);
    const fixed = fixAll(text);
    expect(fixed.edits).toHaveLength(1);
    expect(fixed.edits[0].newText).toBe(to);
    const l = text.split('\n')[fixed.edits[0].range.start.line];
    expect(l.slice(fixed.edits[0].range.start.character, fixed.edits[0].range.end.character)).toBe(from);
    expect(lint(fixed.text).diagnostics).toEqual([]);
  });

  it('06, 08, 09, 10: fix-all leaves them as they are (the fixes there are suggestions or none)', () => {
    for (const f of ['06-balance.tabs.txt', '08-missing-section.md', '09-empty-section.word.txt', '10-early-date.tabs.txt']) {
      expect(fixAll(read(f)).changed, f).toBe(false);
    }
  });

  it('06: the balance fix offered is 结转下年度 = 1, in both columns', () => {
    const ds = lint(read('06-balance.tabs.txt')).diagnostics;
    expect(ds.map((d) => d.fixes[0]?.edits[0].newText)).toEqual(['1', '1']);
    expect(ds.every((d) => d.fixes[0].suggestionOnly)).toBe(true);
  });
});
