// Word files through the server, as the VS Code commands use them: check a
// .docx (findings with Word places), fix its totals in place, and the round
// trip Word → Markdown (GFM tables) → edited figures → back into the .docx,
// which stays identical except for the edited cells' text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToMarkdown } from '../../server/src/docx/convert';
import { readSeed } from '../support/fixtures';
import { figuresOf, fillTemplate } from '../shapes/docx-fill';
import { startServer, type Session } from './client';

const WPS = join(__dirname, '..', '..', '..', 'shared', 'word', 'template-2021-wps.docx');
const dir = mkdtempSync(join(tmpdir(), 'xxgk-word-'));

async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}

/** Two packages alike in every part, and in document.xml except the text inside `w:t` elements. */
async function expectOnlyTextChanged(a: Buffer, b: Buffer): Promise<void> {
  const [pa, pb] = [await parts(a), await parts(b)];
  expect([...pb.keys()]).toEqual([...pa.keys()]);
  for (const [name, content] of pa) if (name !== 'word/document.xml') expect(pb.get(name)!.equals(content), name).toBe(true);
  const skeleton = (x: Buffer) => x.toString('utf8').replace(/(<w:t(?: [^>]*)?>)[^<]*(<\/w:t>)/g, '$1$2');
  expect(skeleton(pb.get('word/document.xml')!)).toBe(skeleton(pa.get('word/document.xml')!));
}

let s: Session;
const run = (command: string, ...args: unknown[]) => s.conn.sendRequest('workspace/executeCommand', { command, arguments: args });
let file: string;
let filled: Buffer;

beforeAll(async () => {
  const figures = figuresOf(readSeed('001'));
  figures.requests.received.total = '23';
  filled = await fillTemplate(readFileSync(WPS), figures);
  file = join(dir, 'report.docx');
  s = await startServer({});
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Word files in the editor', () => {
  it('checkDocx: the findings with their Word places', async () => {
    writeFileSync(file, filled);
    const r = (await run('xxgk-lint.server.checkDocx', pathToFileURL(file).toString())) as { findings: { rule: string; severity: string; place: string }[] };
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule} @ ${f.place}`)).toEqual([
      'row-total @ 表2 第4行 第8列（“23”，“一、本年新收政府信息公开申请数量”一行）',
      'balance @ 表2 第28行 第8列（“0”，“四、结转下年度继续办理”一行）',
    ]);
  });

  it('fixDocx: writes 22 into the 总计 cell, nothing else changes', async () => {
    writeFileSync(file, filled);
    const r = await run('xxgk-lint.server.fixDocx', pathToFileURL(file).toString());
    expect(r).toEqual({ cells: 1, left: [] });
    const after = readFileSync(file);
    await expectOnlyTextChanged(filled, after);
    expect((await docxToMarkdown(after)).markdown).toBe((await docxToMarkdown(filled)).markdown.replace('<td>23</td>', '<td>22</td>'));
  });

  it('round trip: figures edited in the Markdown go into their cells; the .docx is otherwise identical', async () => {
    writeFileSync(file, filled);
    const uri = pathToFileURL(file).toString();
    const { markdown } = (await run('xxgk-lint.server.docxToMarkdown', uri)) as { markdown: string };
    const received = '| 一、本年新收政府信息公开申请数量 |  |  | 21 | 1 | 0 | 0 | 0 | 0 | 23 |';
    const licensing = '| 行政许可 | 692 |  |  |';
    expect(markdown.split('\n')).toEqual(expect.arrayContaining([received, licensing]));
    const edited = markdown
      .replace(received, '| 一、本年新收政府信息公开申请数量 |  |  | 25 | 1 | 0 | 0 | 0 | 0 | 26 |')
      .replace(licensing, '| 行政许可 |  |  | 693 |');
    const r = await run('xxgk-lint.server.saveMarkdownToDocx', uri, markdown, edited);
    expect(r).toEqual({ cells: 3, left: [] });
    const after = readFileSync(file);
    await expectOnlyTextChanged(filled, after);
    // A figure typed into a covered slot of a merged cell lands in that cell, which the Markdown then shows in its first slot.
    expect((await docxToMarkdown(after, 'gfm')).markdown).toBe(edited.replace('| 行政许可 |  |  | 693 |', '| 行政许可 | 693 |  |  |'));
  });

  it('a change outside the tables is named, not written; a file changed since it was opened is not touched', async () => {
    writeFileSync(file, filled);
    const uri = pathToFileURL(file).toString();
    const { markdown } = (await run('xxgk-lint.server.docxToMarkdown', uri)) as { markdown: string };
    const prose = markdown.replace('（文字描述）', '全年主动公开信息 100 条。');
    const r = (await run('xxgk-lint.server.saveMarkdownToDocx', uri, markdown, prose)) as { cells: number; left: string[] };
    expect(r).toEqual({ cells: 0, left: ['第3段（“（文字描述）”）'] });
    expect(readFileSync(file).equals(filled)).toBe(true);

    const stale = (await run('xxgk-lint.server.saveMarkdownToDocx', uri, markdown.replace('| 规章 |', '| 规章 X |'), markdown)) as { error?: string };
    expect(stale.error).toMatch(/已被修改/);
    expect(readFileSync(file).equals(filled)).toBe(true);
  });
});
