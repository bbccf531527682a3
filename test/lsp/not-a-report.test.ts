// Report detection in the editor: a note that mentions the report stays quiet;
// a file checked only because it looked like a report offers "not a report:
// stop checking this file", which the client remembers (initializationOptions
// `notReports`) and "check this file as a report" undoes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { NOTES } from '../support/notes';
import { startServer, type Session } from './client';

const REPORT = 'file:///tmp/xxgk-detect/report.md';
const REMEMBERED = 'file:///tmp/xxgk-detect/remembered.md';

describe('not a report', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startServer({}, null, { notReports: [REMEMBERED] });
  });
  afterAll(async () => s?.close());

  const open = (uri: string, text: string) => s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  it('a two-line meeting note that names the report gets no findings', async () => {
    NOTES.forEach((note, i) => open(`file:///tmp/xxgk-detect/note-${i}.md`, note));
    for (let i = 0; i < NOTES.length; i++) await s.waitStatus(`file:///tmp/xxgk-detect/note-${i}.md`, (x) => x.checked === false && x.reason === 'not-a-report');
    expect([...s.diagnostics.keys()].filter((u) => u.includes('note-'))).toEqual([]);
  });

  it('offers the quick fix on a guessed report, and stops checking the file when it is taken', async () => {
    open(REPORT, readSeed('003'));
    const ds = await s.waitDiagnostics(REPORT, (d) => d.length > 0);
    const at = ds.find((d) => d.code === 'balance')!;
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: REPORT }, range: at.range, context: { diagnostics: [at] } })) as { title: string; command?: { command: string; arguments: unknown[] } }[];
    const dismiss = actions.find((a) => a.title === '不是年度报告：不再检查此文件')!;
    expect(dismiss.command).toEqual({ title: dismiss.title, command: 'xxgk-lint.server.notAReport', arguments: [REPORT] });
    await s.conn.sendRequest('workspace/executeCommand', dismiss.command);
    await s.waitStatus(REPORT, (x) => x.reason === 'dismissed' && x.checked === false);
    await s.waitDiagnostics(REPORT, (d) => d.length === 0);
    // Asked to check it as a report after all: checked again.
    await s.conn.sendRequest('workspace/executeCommand', { command: 'xxgk-lint.server.checkAsReport', arguments: [REPORT] });
    await s.waitDiagnostics(REPORT, (d) => d.some((x) => x.code === 'balance'));
  });

  it('a file remembered as not a report stays unchecked in a new session', async () => {
    open(REMEMBERED, readSeed('003'));
    await s.waitStatus(REMEMBERED, (x) => x.reason === 'dismissed');
    expect(s.diagnostics.get(REMEMBERED)?.diagnostics ?? []).toEqual([]);
  });
});
