// "Open Word report as Markdown": the client asks the server to convert a .docx.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';
import { markdownToDocx } from '../shapes/docx-build';
import { renderMarkdownWithHtml } from '../shapes/render';
import { startServer, type Session } from './client';

describe('xxgk-lint.server.docxToMarkdown', () => {
  let s: Session;
  let file: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-docx-'));
    file = join(dir, '003.docx');
    writeFileSync(file, await markdownToDocx(renderMarkdownWithHtml(readSeed('003'))));
    s = await startServer({});
  });
  afterAll(async () => s?.close());

  it('converts a .docx into Markdown that gives the same table findings as the original', async () => {
    const r = (await s.conn.sendRequest('workspace/executeCommand', {
      command: 'xxgk-lint.server.docxToMarkdown',
      arguments: [pathToFileURL(file).toString()],
    })) as { markdown: string; warnings: string[] };
    expect(r.warnings).toEqual([]);
    const rules = (text: string) => lint(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.message}`);
    expect(rules(r.markdown)).toEqual(rules(readSeed('003')));
    expect(rules(r.markdown)).toHaveLength(2);
  });

  it('answers a missing file with an error, and keeps serving', async () => {
    const r = (await s.conn.sendRequest('workspace/executeCommand', {
      command: 'xxgk-lint.server.docxToMarkdown',
      arguments: ['file:///nonexistent/report.docx'],
    })) as { error?: string };
    expect(r.error).toMatch(/ENOENT/);
  });
});
