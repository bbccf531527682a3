// Server resilience, against the built dist/server.js over stdio: malformed
// LSP messages, requests for documents never opened, edits out of range, and
// memory over 1,000 open/edit/close cycles. A rule that throws is tested at the
// core level (onRuleError): the other rules still report.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { rules } from '../../server/src/rules';
import { SERVER, startServer, type Session } from '../lsp/client';
import { badRanges, lspLines, rangeInside, seedSamples } from './support';

const built = existsSync(SERVER) && readFileSync(SERVER, 'utf8').includes('publishDiagnostics');
if (!built) console.warn(`server resilience tests skipped: ${SERVER} is missing or a placeholder; run npm run build`);

const seeds = seedSamples();
const seed = seeds[2].text;

describe('a rule that throws (core, onRuleError)', () => {
  it('is reported with its id and error, and every other rule still reports', () => {
    const clean = lint(seed).diagnostics;
    expect(clean.length).toBeGreaterThan(0);
    const victim = rules.find((r) => r.id === clean[0].rule)!;
    const spy = vi.spyOn(victim, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const errors: [string, unknown][] = [];
      const r = lint(seed, { onRuleError: (rule, e) => errors.push([rule, e]) });
      expect(errors.map(([rule, e]) => [rule, (e as Error).message])).toEqual([[victim.id, 'boom']]);
      expect(r.diagnostics).toEqual(clean.filter((d) => d.rule !== victim.id));
      // Without a handler the error propagates (the CLI and the server always pass one).
      expect(() => lint(seed)).toThrow('boom');
    } finally {
      spy.mockRestore();
    }
  });

  it('every rule, one at a time, throwing leaves the others as they were', () => {
    for (const s of seeds) {
      const { diagnostics: clean, report } = lint(s.text);
      const old = report.year !== undefined && report.year < 2019;
      for (const rule of rules) {
        const spy = vi.spyOn(rule, 'check').mockImplementation(() => {
          throw new TypeError(`${rule.id} broke`);
        });
        try {
          const seen: string[] = [];
          const r = lint(s.text, { onRuleError: (id) => seen.push(id) });
          expect(seen).toEqual(rule.needsTemplate && old ? [] : [rule.id]);
          expect(r.diagnostics).toEqual(clean.filter((d) => d.rule !== rule.id));
        } finally {
          spy.mockRestore();
        }
      }
    }
  });
});

describe.skipIf(!built)('the language server over stdio', () => {
  let s: Session;
  const uri = 'file:///tmp/xxgk-reliability/report.txt';
  const open = (u: string, text: string, version = 1) =>
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'xxgk-report', version, text } });
  const alive = async () => {
    const r = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    expect(Array.isArray(r)).toBe(true);
    expect(s.proc.exitCode).toBeNull();
  };

  beforeAll(async () => {
    s = await startServer({ debounce: 0 });
    open(uri, seed);
    await s.waitDiagnostics(uri, (d) => d.length > 0, 20_000);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('survives malformed messages: bad JSON, a wrong Content-Length header, a non-object body, junk bytes', async () => {
    const raw = (body: string, length = Buffer.byteLength(body)) => s.proc.stdin.write(`Content-Length: ${length}\r\n\r\n${body}`);
    raw('{"jsonrpc":"2.0","id":9001,"method":');
    raw('[1,2,3]');
    raw('"just a string"');
    raw('{"jsonrpc":"2.0","id":9002,"method":"textDocument/hover","params":null}');
    raw('{"jsonrpc":"2.0","id":9003,"method":"textDocument/hover","params":{"textDocument":{},"position":{"line":"x"}}}');
    raw('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":42},"contentChanges":"no"}}');
    await new Promise((r) => setTimeout(r, 300));
    await alive();
  }, 30_000);

  it('answers requests for a document it never saw', async () => {
    const ghost = 'file:///tmp/xxgk-reliability/never-opened.md';
    const pos = { line: 3, character: 2 };
    expect(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: ghost }, position: pos })).toBeNull();
    expect(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ghost } })).toEqual([]);
    expect(await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: ghost } })).toEqual([]);
    expect(
      await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: ghost }, range: { start: pos, end: pos }, context: { diagnostics: [] } }),
    ).toEqual([]);
    expect(await s.conn.sendRequest('workspace/executeCommand', { command: 'xxgk-lint.server.fixAll', arguments: [ghost] })).toBeNull();
    // Notifications for it: change and close of a document never opened.
    s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: 'x' }] });
    s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    // An unknown method is an error response, not a crash.
    await expect(s.conn.sendRequest('xxgk/no-such-method', {})).rejects.toThrow();
    await alive();
  });

  it('takes edits out of range (past the end, negative, reversed) and still publishes ranges inside the document', async () => {
    const u = 'file:///tmp/xxgk-reliability/edits.txt';
    open(u, seed);
    await s.waitDiagnostics(u, (d) => d.length > 0, 20_000);
    const edits = [
      { range: { start: { line: 100_000, character: 0 }, end: { line: 100_001, character: 5 } }, text: '\n结尾追加\n' },
      { range: { start: { line: 5, character: 100_000 }, end: { line: 5, character: 200_000 } }, text: '行尾' },
      { range: { start: { line: -1, character: -5 }, end: { line: 0, character: 0 } }, text: '开头' },
      { range: { start: { line: 9, character: 0 }, end: { line: 3, character: 0 } }, text: '反向' },
    ];
    let version = 1;
    for (const e of edits) s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: ++version }, contentChanges: [e] });
    const last = version;
    const d = await s.waitDiagnostics(u, (_, p) => p.version === last, 20_000);
    // The server's text is the client's text with the same edits clamped (vscode-languageserver-textdocument).
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    let doc = TextDocument.create(u, 'xxgk-report', 1, seed);
    version = 1;
    for (const e of edits) doc = TextDocument.update(doc, [e], ++version);
    const lines = lspLines(doc.getText());
    for (const x of d) expect(rangeInside(lines, x.range), JSON.stringify(x.range)).toBe(true);
    await alive();
  }, 30_000);

  it('a whole-document change to hostile text (NUL, lone surrogates, CR) is checked and stays alive', async () => {
    const u = 'file:///tmp/xxgk-reliability/hostile.txt';
    open(u, seed);
    const text = seed.replace(/\n/g, '\r').replace(/。/g, '。\u0000\ud800');
    s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ text }] });
    const d = await s.waitDiagnostics(u, (_, p) => p.version === 2, 20_000);
    expect(badRanges(text, d.map((x) => ({ rule: String(x.code), severity: 'error' as const, message: String(x.message), range: x.range, related: [], fixes: [] })))).toEqual([]);
    await alive();
  }, 30_000);

  it('memory does not grow over 1,000 open/edit/close cycles', async () => {
    const rss = () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    };
    const cycle = async (i: number) => {
      const u = `file:///tmp/xxgk-reliability/cycle-${i}.txt`;
      const text = seeds[i % seeds.length].text;
      open(u, text);
      s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: u, version: 2 },
        contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `第${i}次\n` }],
      });
      await s.waitDiagnostics(u, (_, p) => p.version === 2, 20_000);
      s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    };
    if (!existsSync(`/proc/${s.proc.pid}/status`)) return; // not Linux: nothing to read
    for (let i = 0; i < 150; i++) await cycle(i);
    const run = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await cycle(i);
        if (i % 100 === 0) s.published.length = 0; // the client's own record, not the server's
      }
      await new Promise((r) => setTimeout(r, 300));
      return rss();
    };
    const start = rss();
    const half = await run(150, 650);
    const end = await run(650, 1150);
    console.info(`server RSS over 1,000 open/edit/close cycles: ${start.toFixed(1)} → ${half.toFixed(1)} → ${end.toFixed(1)} MB`);
    // A leak of one document's result per cycle (hundreds of KB) would be hundreds of MB, growing
    // in both halves; a heap that settles grows in the first half at most.
    expect(end - start, `RSS ${start.toFixed(0)} → ${half.toFixed(0)} → ${end.toFixed(0)} MB`).toBeLessThan(80);
    expect(end - half, `second 500 cycles: RSS ${half.toFixed(0)} → ${end.toFixed(0)} MB`).toBeLessThan(40);
    await alive();
  }, 600_000);
});
