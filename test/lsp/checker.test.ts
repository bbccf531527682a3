// The checking thread's host: a thread that fails is logged and started again,
// a job of a failed thread is rejected with the reason, and after repeated
// failures (or with no thread file at all) documents are checked on the main
// thread — never a dead server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Checker } from '../../server/src/lsp/checker';
import { readSeed } from '../support/fixtures';

const text = readSeed('000').replace('\t24\n', '\t27\n');
const dir = mkdtempSync(join(tmpdir(), 'xxgk-checker-'));
const crashing = join(dir, 'crashing-worker.js');
writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom in the thread'); });\n");

describe('Checker', () => {
  let checker: Checker | undefined;
  afterEach(() => checker?.dispose());

  it('logs a failing thread, rejects its job, and after three failures checks on the main thread', async () => {
    const logs: string[] = [];
    checker = new Checker((m) => logs.push(m), crashing);
    for (let i = 0; i < 3; i++) await expect(checker.lint('file:///a.txt', i, text, {})).rejects.toThrow(/checking thread failed: .*boom in the thread/s);
    expect(logs.filter((l) => l.includes('starting it again'))).toHaveLength(2);
    expect(logs.at(-1)).toMatch(/failed 3 times in a row .*checking on the main thread from now on/s);
    const r = await checker.lint('file:///a.txt', 4, text, {});
    expect(r?.analysis.diagnostics.map((d) => d.rule)).toContain('row-total');
  });

  it('checks on the main thread when the thread file is missing, and says so once', async () => {
    const logs: string[] = [];
    checker = new Checker((m) => logs.push(m), join(dir, 'no-such-worker.js'));
    const r = await checker.lint('file:///a.txt', 1, text, {});
    expect(r?.analysis.changes.map((c) => [c.id, c.value])).toEqual([['requests/received/total', 24]]);
    expect((await checker.fixAll('file:///a.txt', 1, text, {})).edits).toHaveLength(1);
    expect(logs).toEqual([expect.stringMatching(/no-such-worker\.js is missing; checking on the main thread/)]);
  });

  it('checks only the newest queued version of a document', async () => {
    // The built thread (npm test builds first), so that jobs queue behind a running one.
    checker = new Checker(() => undefined, join(__dirname, '..', '..', 'dist', 'check-worker.js'));
    const [a, b, c] = await Promise.all([1, 2, 3].map((v) => checker!.lint('file:///a.txt', v, text, {})));
    // The first was running already; the second was replaced in the queue by the third.
    expect(a?.analysis).toBeDefined();
    expect(b).toBeUndefined();
    expect(c?.analysis).toBeDefined();
  });
});
