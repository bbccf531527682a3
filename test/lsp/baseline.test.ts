// The language server honours xxgklint-baseline.json, the file the CLI's
// --update-baseline writes: recorded findings stay hidden in the editor, a
// changed value brings its finding back, editing the baseline re-checks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt } from '../cli/run-cli';
import { CORPUS } from '../support/fixtures';
import { startServer } from './client';

const NAME = 'huaian-hongze-district-gov-2023.txt';
const dir = mkdtempSync(join(tmpdir(), 'xxgk-lsp-baseline-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xxgklint-baseline.json in the workspace', () => {
  it('hides what the CLI recorded; a changed cell value comes back', async () => {
    const text = readFileSync(join(CORPUS, NAME), 'utf8');
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', NAME), text);
    // Recorded from the workspace root, as a reviewer would: paths relative to the baseline's folder.
    const rec = await cli(['--update-baseline', 'reports'], dir);
    expect(rec.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'xxgklint-baseline.json'), 'utf8')).entries[0].file).toBe(`reports/${NAME}`);

    const uri = pathToFileURL(join(dir, 'reports', NAME)).toString();
    const s = await startServer({});
    try {
      s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await s.waitDiagnostics(uri, (d, p) => p.version === 1 && d.length === 0);
      const lines = text.split('\n');
      lines[148] = `${lines[148].slice(0, 22)}1${lines[148].slice(23)}`;
      s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
      const ds = await s.waitDiagnostics(uri, (_d, p) => p.version === 2);
      expect(ds.map((d) => [d.code, d.range.start])).toEqual([['row-total', { line: 148, character: 22 }]]);
      // The baseline is emptied: the next check shows everything.
      writeFileSync(join(dir, 'xxgklint-baseline.json'), '{"version": 1, "entries": []}\n');
      s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'xxgklint-baseline.json')).toString(), type: 2 }] });
      await s.waitDiagnostics(uri, (d) => d.length > 1);
    } finally {
      await s.close();
    }
  });
});
