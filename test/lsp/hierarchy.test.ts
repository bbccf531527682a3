// hierarchy-sum in the editor: the workspace's xxgk-hierarchy.json names the
// summary open in the editor and its units on disk.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../server/src/core/parse';
import { cellOf, setCell } from '../support/edit';
import { readSeed } from '../support/fixtures';
import { summaryOf } from '../support/summary';
import { startServer, type Session } from './client';

describe('hierarchy-sum in the language server', () => {
  let s: Session;
  let dir: string;
  const summary = summaryOf(['000', '001', '003'].map((n) => parseReport(readSeed(n))));
  const right = cellOf(summary, 'review', 'cases', 'review.upheld').value!;
  const text = setCell(summary, 'review', 'cases', 'review.upheld', String(right + 1));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-ws-hierarchy-'));
    mkdirSync(join(dir, 'units'));
    for (const n of ['000', '001', '003']) writeFileSync(join(dir, 'units', `${n}.txt`), readSeed(n));
    writeFileSync(join(dir, 'xxgk-hierarchy.json'), JSON.stringify({ 'summary.txt': ['units/000.txt', '聊城市生态环境局', 'units/003.txt'] }));
    s = await startServer({}, pathToFileURL(dir).toString());
  });
  afterAll(async () => s?.close());

  it('flags the summary’s cell that is not the units’ sum, with related information opening each unit', async () => {
    const uri = pathToFileURL(join(dir, 'summary.txt')).toString();
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const ds = await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'hierarchy-sum'));
    const found = ds.filter((d) => d.code === 'hierarchy-sum');
    expect(found).toHaveLength(1);
    expect(found[0].range).toEqual(cellOf(text, 'review', 'cases', 'review.upheld').range);
    expect(found[0].message).toMatch(new RegExp(`^行政复议·结果维持：应为各下级报告之和 ${right}（\\d+\\+\\d+\\+\\d+），实为 ${right + 1}$`));
    expect(found[0].relatedInformation?.map((r) => r.location.uri)).toEqual(
      ['000', '001', '003'].map((n) => pathToFileURL(join(dir, 'units', `${n}.txt`)).toString()),
    );
  });
});
