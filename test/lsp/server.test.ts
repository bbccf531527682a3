// The language server as an editor sees it: dist/server.js spawned over stdio,
// spoken to with a real protocol client.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { readSeed } from '../support/fixtures';
import { cellAt, renderSeed } from '../support/render-seed';
import { parseReport } from '../../server/src/core/parse';
import { SERVER, startServer, type Session } from './client';

const URI = 'file:///tmp/xxgk-lsp-test/report-000.txt';
const TOTAL_LINE = 97; // 0-based: the 总计 of 一、本年新收 in seed 000
const original = readSeed('000');
const lines = original.split('\n');
const mutated = [...lines.slice(0, TOTAL_LINE), lines[TOTAL_LINE].replace('24', '27'), ...lines.slice(TOTAL_LINE + 1)].join('\n');
const cell = { start: { line: TOTAL_LINE, character: 1 }, end: { line: TOTAL_LINE, character: 3 } };

const applyAll = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x:', 'plaintext', 0, text), edits);
const editsOf = (a: CodeAction, uri = URI) => a.edit?.changes?.[uri] ?? [];

describe('language server over stdio', () => {
  let s: Session;
  let version = 1;
  let text = mutated;
  const change = (newText: string) => {
    text = newText;
    s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: ++version },
      contentChanges: [{ text: newText }],
    });
  };

  beforeAll(async () => {
    expect(existsSync(SERVER), 'npm run build first').toBe(true);
    s = await startServer({});
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version, text } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('puts a row-total error exactly on the mutated 总计 cell, per the contract', async () => {
    const ds = await s.waitDiagnostics(URI, (d) => d.some((x) => x.code === 'row-total'));
    const d = ds.find((x) => x.code === 'row-total')!;
    expect(d.range).toEqual(cell);
    expect(d.severity).toBe(1);
    expect(d.source).toBe('xxgk-lint');
    expect(d.codeDescription?.href).toMatch(/docs\/rules\/row-total\.md$/);
    expect(d.message).toContain('24');
    // The non-zero parts only: 自然人 21 and 社会公益组织 3.
    expect(d.relatedInformation?.map((r) => r.message)).toEqual(['一、本年新收政府信息公开申请数量 · 自然人: 21', '一、本年新收政府信息公开申请数量 · 社会公益组织: 3']);
    expect(d.relatedInformation!.every((r) => r.location.uri === URI)).toBe(true);
    expect(d.relatedInformation![0].location.range.start.line).toBe(91);
    expect(d.data).toMatchObject({ rule: 'row-total', expected: 24, actual: 27 });
    expect(s.diagnostics.get(URI)!.version).toBe(version);
    // The balance of the 总计 column breaks too; the status notification counts both.
    expect(ds.map((x) => x.code)).toContain('balance');
    const status = await s.waitStatus(URI, (x) => x.version === version);
    expect(status).toMatchObject({ uri: URI, checked: true, profile: '2021', reason: 'looks-like-report' });
    expect(status.errors).toBeGreaterThanOrEqual(2);
    expect(typeof status.ms).toBe('number');
  });

  it('offers the preferred quick fix that restores the text, and disable actions', async () => {
    const d = (await s.waitDiagnostics(URI, (x) => x.some((y) => y.code === 'row-total'))).find((x) => x.code === 'row-total')!;
    const actions = (await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: cell,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const preferred = actions.filter((a) => a.isPreferred);
    expect(preferred).toHaveLength(1);
    expect(preferred[0].kind).toBe('quickfix');
    expect(preferred[0].diagnostics?.[0].code).toBe('row-total');
    expect(applyAll(text, editsOf(preferred[0]))).toBe(original);
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('在此行停用 row-total');
    expect(titles).toContain('在此文件停用 row-total');
    const disable = actions.find((a) => a.title === '在此行停用 row-total')!;
    expect(editsOf(disable)[0].newText).toContain('// xxgk-disable-next-line row-total');
    expect(disable.isPreferred).toBeFalsy();
  });

  it('source.fixAll.xxgk fixes everything safe and nothing else', async () => {
    const actions = (await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.xxgk']);
    expect(applyAll(text, editsOf(actions[0]))).toBe(original);
  });

  it('hover on the 总计 cell shows the formula with parts and values', async () => {
    const h = (await s.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: TOTAL_LINE, character: 2 },
    })) as Hover;
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他');
    expect(md).toContain('\n\n= 21 + 0 + 0 + 3 + 0 + 0 = **24**');
    expect(md).toContain('表中为 27');
    expect(h.range).toEqual(cell);
  });

  it('hover on a part cell shows the sums it goes into', async () => {
    const h = (await s.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 91, character: 1 },
    })) as Hover;
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('**一、本年新收政府信息公开申请数量 · 自然人**');
    expect(md).toContain('总计 = 自然人 + 商业企业');
    expect(md).toContain('勾稽关系');
    expect(h.range).toEqual({ start: { line: 91, character: 1 }, end: { line: 91, character: 3 } });
    const none = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 9, character: 5 } });
    expect(none).toBeNull();
  });

  it('hover on a section heading names the template section', async () => {
    const h = (await s.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 66, character: 3 },
    })) as Hover;
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('第三部分');
    expect(md).toContain('收到和处理政府信息公开申请情况');
    expect(md).toContain('2021');
  });

  it('lists the six sections with the tables nested, and folds them', async () => {
    const symbols = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    expect(symbols.map((x) => x.name)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(symbols.map((x) => (x.children ?? []).length)).toEqual([0, 1, 1, 1, 0, 0]);
    expect(symbols[2].children![0].name).toContain('收到和处理');
    const folds = (await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as FoldingRange[];
    expect(folds.length).toBe(9);
    expect(folds).toContainEqual(expect.objectContaining({ startLine: 66, endLine: 356 }));
  });

  it('an edit that repairs the text clears the diagnostic', async () => {
    change(original);
    const ds = await s.waitDiagnostics(URI, (_d, p) => p.version === version);
    expect(ds.map((d) => d.code)).toContain('section-empty');
    expect(ds.filter((d) => d.severity === 1)).toEqual([]);
  });

  it('drops stale results while typing: only the last version is published', async () => {
    const before = version;
    const from = s.published.length;
    for (let i = 0; i < 5; i++) change(i % 2 ? original : mutated);
    const ds = await s.waitDiagnostics(URI, (_d, p) => p.version === version);
    await new Promise((r) => setTimeout(r, 300));
    const seen = s.published.slice(from).filter((p) => p.uri === URI).map((p) => p.version);
    expect(version).toBe(before + 5);
    expect(ds.some((d) => d.code === 'row-total')).toBe(true);
    expect(seen).toEqual([version]);
  });

  it('a configuration change re-lints with the new severities', async () => {
    s.settings.rules = { 'row-total': 'off', balance: 'warning' };
    s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ds = await s.waitDiagnostics(URI, (d) => !d.some((x) => x.code === 'row-total'));
    expect(ds.find((d) => d.code === 'balance')?.severity).toBe(2);
    s.settings.rules = {};
    s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await s.waitDiagnostics(URI, (d) => d.some((x) => x.code === 'row-total'));
  });

  it('leaves an ordinary note alone until asked to check it as a report', async () => {
    const uri = 'file:///tmp/xxgk-lsp-test/notes.md';
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# 会议记录\n\n总计 3 人参加。\n' } });
    await s.waitStatus(uri, (x) => x.checked === false && x.reason === 'not-a-report');
    expect(s.diagnostics.has(uri)).toBe(false);
    const symbols = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toEqual([]);
    await s.conn.sendRequest('workspace/executeCommand', { command: 'xxgk-lint.server.checkAsReport', arguments: [uri] });
    const ds = await s.waitDiagnostics(uri, (d) => d.length > 0);
    expect(ds.map((d) => d.code)).toContain('section-missing');
  });

  it('the fix-all command applies the safe edits through workspace/applyEdit', async () => {
    change(mutated);
    await s.waitDiagnostics(URI, (_d, p) => p.version === version);
    const r = await s.conn.sendRequest('workspace/executeCommand', { command: 'xxgk-lint.server.fixAll', arguments: [URI] });
    expect(r).toEqual({ applied: true, edits: 1 });
    const edit = (s.applied.at(-1) as { edit: { changes: Record<string, TextEdit[]> } }).edit;
    expect(applyAll(text, edit.changes[URI])).toBe(original);
  });

  it('answers requests about unknown documents without crashing', async () => {
    const uri = 'file:///nowhere/never-opened.md';
    const pos = { line: 3, character: 4 };
    expect(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos })).toBeNull();
    expect(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })).toEqual([]);
    expect(await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } })).toEqual([]);
    expect(await s.conn.sendRequest('workspace/executeCommand', { command: 'xxgk-lint.server.fixAll', arguments: [uri] })).toBeNull();
    // A position far outside the document.
    expect(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 99999, character: 5 } })).toBeNull();
    expect(s.proc.exitCode).toBeNull();
  });
});

describe('.xxgklintrc.json', () => {
  it('applies the nearest config file, under the editor settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-rc-'));
    mkdirSync(join(dir, 'reports', '2023'), { recursive: true });
    writeFileSync(join(dir, '.xxgklintrc.json'), JSON.stringify({ rules: { 'row-total': 'warning', balance: 'off' } }));
    const uri = pathToFileURL(join(dir, 'reports', '2023', 'report.txt')).toString();
    const s = await startServer({ rules: { balance: 'info' } });
    try {
      s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: mutated } });
      const ds = await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total'));
      expect(ds.find((d) => d.code === 'row-total')!.severity).toBe(2); // from the file
      expect(ds.find((d) => d.code === 'balance')!.severity).toBe(3); // the editor's setting wins
      writeFileSync(join(dir, '.xxgklintrc.json'), JSON.stringify({ rules: { 'row-total': 'off' } }));
      s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.xxgklintrc.json')).toString(), type: 2 }] });
      await s.waitDiagnostics(uri, (d) => !d.some((x) => x.code === 'row-total'));
      writeFileSync(join(dir, '.xxgklintrc.json'), '{ not json');
      s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.xxgklintrc.json')).toString(), type: 2 }] });
      await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total' && x.severity === 1));
      await new Promise((r) => setTimeout(r, 100));
      expect(s.logs.join('\n')).toContain('ignoring');
      // Checked as the command line checks it: the same one line, here a warning, and checking goes on.
      writeFileSync(join(dir, '.xxgklintrc.json'), JSON.stringify({ rules: { 'row-total': 'warning', 'no-such-rule': 'off' } }));
      s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.xxgklintrc.json')).toString(), type: 2 }] });
      await new Promise((r) => setTimeout(r, 500));
      expect(s.logs.join('\n')).toMatch(/ignoring .*\.xxgklintrc\.json: unknown rule id "no-such-rule" in rules/);
      expect(s.diagnostics.get(uri)!.diagnostics.find((d) => d.code === 'row-total')!.severity).toBe(1);
    } finally {
      await s.close();
    }
  });
});

describe('a report in Markdown', () => {
  it('gets the diagnostic on the table cell, and disable comments as HTML comments around the table', async () => {
    const md = renderSeed(original, 'markdown');
    const cell = cellAt(parseReport(md), 'requests', 'received', 'total')!;
    expect(cell.text.trim()).toBe('24');
    const mdLines = md.split('\n');
    const { line, character } = cell.range.start;
    mdLines[line] = mdLines[line].slice(0, character) + '27' + mdLines[line].slice(cell.range.end.character);
    const text = mdLines.join('\n');
    const uri = 'file:///tmp/xxgk-lsp-test/report-000.md';
    const s = await startServer({});
    try {
      s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const ds = await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total'));
      const d = ds.find((x) => x.code === 'row-total')!;
      expect(d.range).toEqual(cell.range);
      const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      // Inside a GFM table a comment line would cut the table: the rule goes off around the table.
      const disable = actions.find((a) => a.title === '在此表格停用 row-total')!;
      expect(disable).toBeDefined();
      const edits = editsOf(disable, uri);
      expect(edits.map((e) => e.newText.trim())).toEqual(['<!-- xxgk-disable row-total -->', '<!-- xxgk-enable row-total -->']);
      expect(actions.find((a) => a.title === '在此文件停用 row-total')).toBeDefined();
      s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: applyAll(text, edits) }] });
      await s.waitDiagnostics(uri, (x, p) => p.version === 2 && !x.some((y) => y.code === 'row-total'));
      const symbols = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      // Markdown's own outline lists the ## headings: the server adds only the three tables.
      expect(symbols.map((x) => x.name)).toEqual(['表：主动公开政府信息情况', '表：收到和处理政府信息公开申请情况', '表：行政复议、行政诉讼情况']);
    } finally {
      await s.close();
    }
  });
});

describe('settings and load', () => {
  it('enable: false clears the diagnostics; true brings them back', async () => {
    const s = await startServer({});
    const uri = 'file:///tmp/xxgk-lsp-test/enable.txt';
    try {
      s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: mutated } });
      await s.waitDiagnostics(uri, (d) => d.length > 0);
      s.settings.enable = false;
      s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await s.waitDiagnostics(uri, (d) => d.length === 0);
      expect(await s.waitStatus(uri, (x) => x.reason === 'disabled')).toMatchObject({ checked: false });
      s.settings.enable = true;
      s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total'));
    } finally {
      await s.close();
    }
  });

  it('a large document (20,000 lines) is checked without holding up other requests for long', async () => {
    const s = await startServer({});
    try {
      const big = 'file:///tmp/xxgk-lsp-test/big.txt';
      const small = 'file:///tmp/xxgk-lsp-test/small.txt';
      s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: mutated } });
      await s.waitDiagnostics(small, (d) => d.length > 0);
      const text = Array(50).fill(mutated).join('\n');
      const t0 = Date.now();
      s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text } });
      const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: TOTAL_LINE, character: 2 } });
      const answered = Date.now() - t0;
      expect(h).not.toBeNull();
      const ds = await s.waitDiagnostics(big, (d) => d.length > 0, 20000);
      expect(ds.some((d) => d.code === 'row-total')).toBe(true);
      console.log(`large document: other request answered after ${answered} ms, diagnostics after ${Date.now() - t0} ms`);
      expect(answered).toBeLessThan(3000);
    } finally {
      await s.close();
    }
  });
});

describe('language server robustness', () => {
  it('survives garbage bytes and bad JSON on stdin', async () => {
    const s = await startServer();
    try {
      const uri = 'file:///tmp/xxgk-lsp-test/garbage.txt';
      // Raw garbage, then a well-framed message whose body is not JSON, then one that is JSON but not JSON-RPC.
      s.proc.stdin.write(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0d, 0x0a, 0x0d, 0x0a]));
      s.proc.stdin.write('garbage without a header\r\n\r\n');
      const bad = '{"jsonrpc":"2.0","id":77,"method":';
      s.proc.stdin.write(`Content-Length: ${Buffer.byteLength(bad)}\r\n\r\n${bad}`);
      const odd = '{"jsonrpc":"2.0","method":"textDocument/hover","params":{"textDocument":null}}';
      s.proc.stdin.write(`Content-Length: ${Buffer.byteLength(odd)}\r\n\r\n${odd}`);
      // Sent straight after the garbage, likely in the same chunk: answered all the same.
      expect(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
      expect(s.proc.exitCode).toBeNull();
      expect(s.logs.join('\n')).toContain('without Content-Length');
      s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: mutated } });
      const ds = await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'row-total'));
      expect(ds.find((d) => d.code === 'row-total')!.range).toEqual(cell);
    } finally {
      await s.close();
    }
  });
});
