// One analysis per document version, checked on the server's checking thread:
// requests answered from the last analysis while a large document is checked,
// fix-all in the quick-fix menu resolved only when chosen, and a server whose
// thread cannot start still checking (on its main thread), saying why.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { readSeed } from '../support/fixtures';
import { SERVER, startServer } from './client';

const TOTAL_LINE = 97;
const original = readSeed('000');
const lines = original.split('\n');
const mutated = [...lines.slice(0, TOTAL_LINE), lines[TOTAL_LINE].replace('24', '27'), ...lines.slice(TOTAL_LINE + 1)].join('\n');
const applyAll = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x:', 'plaintext', 0, text), edits);
const open = (uri: string, text: string) => ({ textDocument: { uri, languageId: 'plaintext', version: 1, text } });

describe('one analysis per version', () => {
  it('offers fix-all in the quick-fix menu without edits, and fills them in on codeAction/resolve', async () => {
    const s = await startServer({}, null, undefined, { resolveEdits: true });
    const uri = 'file:///tmp/xxgk-analysis/lazy.txt';
    try {
      expect(s.initialized?.capabilities.codeActionProvider).toMatchObject({ resolveProvider: true });
      s.conn.sendNotification('textDocument/didOpen', open(uri, mutated));
      const ds = await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total'));
      const d = ds.find((x) => x.code === 'row-total')!;
      const menu = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      const lazy = menu.find((a) => a.kind === 'source.fixAll.xxgk')!;
      expect(lazy.edit).toBeUndefined();
      expect(lazy.data).toEqual({ fixAll: uri });
      const resolved = (await s.conn.sendRequest('codeAction/resolve', lazy)) as CodeAction;
      expect(applyAll(mutated, resolved.edit!.changes![uri])).toBe(original);
      // Asked for by kind (on save): the edits at once.
      const onSave = (await s.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      expect(applyAll(mutated, onSave[0].edit!.changes![uri])).toBe(original);
    } finally {
      await s.close();
    }
  });

  it('answers a hover from the last analysis while a large new version is being checked', async () => {
    const s = await startServer({ debounce: 0 });
    const uri = 'file:///tmp/xxgk-analysis/big.txt';
    try {
      let big = mutated;
      while (big.length < 500_000) big += '\n' + mutated;
      s.conn.sendNotification('textDocument/didOpen', open(uri, big));
      await s.waitDiagnostics(uri, (_d, p) => p.version === 1, 30000);
      // A new version: its check starts on the thread; the hover is answered from version 1's analysis.
      s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }] });
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: TOTAL_LINE, character: 2 } })) as Hover;
      const ms = performance.now() - t0;
      expect((h.contents as { value: string }).value).toContain('= **24**');
      await s.waitDiagnostics(uri, (_d, p) => p.version === 2, 30000);
      console.log(`hover during the check of a ${big.length.toLocaleString('en-US')}-character document: ${ms.toFixed(1)} ms`);
      expect(ms).toBeLessThan(200);
    } finally {
      await s.close();
    }
  });

  it('checks on the main thread, and says so, when the checking thread cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-no-worker-'));
    const server = join(dir, 'server.js');
    copyFileSync(SERVER, server);
    const s = await startServer({}, null, undefined, { server });
    const uri = 'file:///tmp/xxgk-analysis/fallback.txt';
    try {
      s.conn.sendNotification('textDocument/didOpen', open(uri, mutated));
      const ds = await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total'));
      expect(ds.find((d) => d.code === 'row-total')!.range.start.line).toBe(TOTAL_LINE);
      expect(s.logs.join('\n')).toMatch(/check-worker\.js is missing; checking on the main thread/);
      expect(s.proc.exitCode).toBeNull();
    } finally {
      await s.close();
    }
  });
});
