// carried-over in the editor: last year's report found among the workspace's files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../support/fixtures';
import { startServer, type Session } from './client';

describe('carried-over in the language server', () => {
  let s: Session;
  let dir: string;
  // The real 2023 report of 洪泽区人民政府 on disk; this year's (2024) open in the
  // editor, its 上年结转 made 3 in the 自然人 and 总计 columns (2023 carried out 0).
  const y2024 = readFileSync(join(CORPUS, 'huaian-hongze-district-gov-2024.txt'), 'utf8').replace(
    /(二、上年结转政府信息公开申请数量\s+)0(\s+0\s+0\s+0\s+0\s+0\s+)0/,
    '$13$23',
  );
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-ws-'));
    writeFileSync(join(dir, '2023年报.txt'), readFileSync(join(CORPUS, 'huaian-hongze-district-gov-2023.txt')));
    s = await startServer({}, pathToFileURL(dir).toString());
  });
  afterAll(async () => s?.close());

  it("flags this year's 上年结转 against the workspace's 2023 report, with related information opening that file", async () => {
    const uri = pathToFileURL(join(dir, '2024年报.txt')).toString();
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: y2024 } });
    const ds = await s.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'carried-over'));
    const carried = ds.filter((d) => d.code === 'carried-over');
    expect(carried.map((d) => d.message)).toEqual([
      '自然人：上年结转为 3，而 2023 年报告的结转下年度继续办理为 0',
      '总计：上年结转为 3，而 2023 年报告的结转下年度继续办理为 0',
    ]);
    expect(carried[0].relatedInformation?.[0].location.uri).toBe(pathToFileURL(join(dir, '2023年报.txt')).toString());
  });

  it('last year’s report saved as GB18030 is read as the CLI reads it', async () => {
    const gbDir = mkdtempSync(join(tmpdir(), 'xxgk-ws-gb-'));
    writeFileSync(join(gbDir, '2023年报.txt'), iconv.encode(readFileSync(join(CORPUS, 'huaian-hongze-district-gov-2023.txt'), 'utf8'), 'gb18030'));
    const gb = await startServer({}, pathToFileURL(gbDir).toString());
    try {
      const uri = pathToFileURL(join(gbDir, '2024年报.txt')).toString();
      gb.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: y2024 } });
      const ds = await gb.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'carried-over'));
      expect(ds.filter((d) => d.code === 'carried-over').map((d) => d.message)).toHaveLength(2);
    } finally {
      await gb.close();
    }
  });
});
