// --fix on Word files: the recomputed total goes into the .docx itself. Only
// the wrong cell's text changes; every other part of the package is byte for
// byte what it was (unzipped and compared part by part). Two files: one built
// from seed 001, and the official 2021 template as WPS saves it, filled in
// with seed 001's figures.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { docxToMarkdown } from '../../server/src/docx/convert';
import { readDocx } from '../../server/src/docx/source';
import { cli, ensureBuilt } from '../cli/run-cli';
import { readSeed } from '../support/fixtures';
import { markdownToDocx } from './docx-build';
import { figuresOf, fillTemplate } from './docx-fill';
import { renderMarkdownWithHtml } from './render';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-docx-fix-'));
const WPS = join(__dirname, '..', '..', '..', 'shared', 'word', 'template-2021-wps.docx');
const seed = readSeed('001');
/** Seed 001's 一、本年新收 总计 is 22 (21+1+0+0+0+0); the broken files say 23. */
const breakTotal = (text: string) => text.replace(/^(\t?)22$/m, '$123');

async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}

/** The one text run that differs between two XML strings: the text nodes around the first and last difference. */
function changedText(a: string, b: string): { before: string; after: string; tagBefore: string } {
  let p = 0;
  while (p < a.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const from = a.lastIndexOf('>', p - 1) + 1;
  const tagStart = a.lastIndexOf('<', from - 1);
  const endA = a.indexOf('<', a.length - s - 1 < from ? from : a.length - s - 1);
  const endB = b.indexOf('<', b.length - s - 1 < from ? from : b.length - s - 1);
  expect(a.slice(endA)).toBe(b.slice(endB));
  return { before: a.slice(from, endA), after: b.slice(from, endB), tagBefore: a.slice(tagStart, from) };
}

const files: Record<string, { path: string; bytes: Buffer }> = {};
beforeAll(async () => {
  ensureBuilt();
  const plain = await markdownToDocx(renderMarkdownWithHtml(breakTotal(seed)));
  const figures = figuresOf(seed);
  figures.requests.received.total = '23';
  const wps = await fillTemplate(readFileSync(WPS), figures);
  for (const [name, bytes] of Object.entries({ plain, wps })) {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, bytes);
    files[name] = { path, bytes };
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xxgk-lint --fix report.docx', () => {
  for (const name of ['plain', 'wps']) {
    it(`${name}: writes 22 into the wrong 总计 cell and changes nothing else`, async () => {
      const { path, bytes } = files[name];
      const before = lint((await readDocx(bytes)).text).diagnostics.filter((d) => d.severity === 'error');
      expect(before.map((d) => `${d.rule} ${d.message}`)).toEqual([
        'row-total 一、本年新收政府信息公开申请数量 · 总计：总计应为 22（21+1+0+0+0+0），实为 23',
        'balance 总计列：第一项加第二项之和（23+1=24）不等于第三项加第四项之和（23+0=23）',
      ]);

      const r = await cli(['--fix', '--format', 'json', path]);
      expect(r.stderr).toMatch(/已修复 1 个文件/);
      expect(r.code).toBe(0);
      const after = readFileSync(path);
      const [a, b] = [await parts(bytes), await parts(after)];
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [part, content] of a) if (part !== 'word/document.xml') expect(b.get(part)!.equals(content), part).toBe(true);
      const change = changedText(a.get('word/document.xml')!.toString('utf8'), b.get('word/document.xml')!.toString('utf8'));
      expect(change).toMatchObject({ before: '23', after: '22' });
      expect(change.tagBefore).toMatch(/^<w:t[ >]/);

      const fixed = await docxToMarkdown(after);
      expect(lint(fixed.markdown).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(fixed.markdown).toBe((await docxToMarkdown(bytes)).markdown.replace(/<td>23<\/td>/, '<td>22</td>'));
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('wps: the filled template keeps its merged cells (26 gridSpan, 58 vMerge) and fonts', async () => {
    const xml = (await parts(readFileSync(files.wps.path))).get('word/document.xml')!.toString('utf8');
    expect(xml.match(/<w:gridSpan /g)).toHaveLength(26);
    expect(xml.match(/<w:vMerge[ />]/g)).toHaveLength(58);
    // A figure typed into an empty cell carries the cell's paragraph-mark font (宋体, 12 pt).
    expect(xml).toContain('<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t>21</w:t></w:r>');
  });

  it('a fix outside the tables is told, not written; the file is left alone when nothing can be written', async () => {
    const path = join(dir, 'prose.docx');
    // The overview says 99 applications were handled while the table says 23: narrative-mismatch fixes the prose.
    const prose = seed.replace('办理政府信息公开申请23件', '办理政府信息公开申请99件');
    expect(prose).not.toBe(seed);
    writeFileSync(path, await markdownToDocx(renderMarkdownWithHtml(prose)));
    const bytes = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    const r = await cli(['--fix', path]);
    expect(r.stderr).toMatch(/only table figures are written into a Word file; not fixed: 第\d+段/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
});
