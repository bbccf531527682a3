// One report in every shape, mixed in one folder: the CLI gives the same findings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { renderSeed } from '../support/render-seed';
import { markdownToDocx } from '../shapes/docx-build';
import { renderHtmlPage, renderMarkdownWithHtml } from '../shapes/render';
import { cli, ensureBuilt } from './run-cli';

interface JsonOut {
  files: { path: string; diagnostics: { rule: string; severity: string; message: string; place?: string }[] }[];
}

describe('a folder mixing .txt, .md, .html and .docx', () => {
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'xxgk-shapes-'));
    const seed = readSeed('003');
    writeFileSync(join(dir, 'a-word.txt'), seed);
    writeFileSync(join(dir, 'b-tab-rows.txt'), renderSeed(seed, 'tsv'));
    writeFileSync(join(dir, 'c.md'), renderSeed(seed, 'markdown'));
    writeFileSync(join(dir, 'd.html'), renderHtmlPage(seed));
    writeFileSync(join(dir, 'e.docx'), await markdownToDocx(renderMarkdownWithHtml(seed)));
  });

  it('gives the same findings for seed 003 in every shape, and tells .docx places as Word places', async () => {
    const r = await cli(['--format', 'json', dir]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files.map((f) => f.path.split('/').pop())).toEqual(['a-word.txt', 'b-tab-rows.txt', 'c.md', 'd.html', 'e.docx']);
    const findings = (f: JsonOut['files'][number]) => f.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.message}`);
    for (const f of out.files) expect(findings(f), f.path).toEqual(findings(out.files[0]));
    expect(findings(out.files[0]).filter((x) => x.startsWith('error'))).toHaveLength(2);
    const docx = out.files[4].diagnostics.find((d) => d.rule === 'balance')!;
    expect(docx.place).toBe('表2 第28行 第2列（“1”，“四、结转下年度继续办理”一行）');
  });
});
