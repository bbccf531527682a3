// --hierarchy: a summary report and its units' reports, named by path or by agency.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../server/src/core/parse';
import { setCell, cellOf } from '../support/edit';
import { readSeed } from '../support/fixtures';
import { summaryOf } from '../support/summary';
import { cli, ensureBuilt } from './run-cli';

interface Json { files: { path: string; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number } }; related: { message: string; uri?: string }[] }[] }[] }

describe('--hierarchy', () => {
  let dir: string;
  let line: number;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'xxgk-hierarchy-'));
    mkdirSync(join(dir, 'units'));
    for (const n of ['000', '001', '003']) writeFileSync(join(dir, 'units', `${n}.txt`), readSeed(n));
    const summary = summaryOf(['000', '001', '003'].map((n) => parseReport(readSeed(n))));
    const right = cellOf(summary, 'requests', 'received', 'total').value!;
    const text = setCell(summary, 'requests', 'received', 'total', String(right + 1));
    line = cellOf(text, 'requests', 'received', 'total').range.start.line;
    writeFileSync(join(dir, 'summary.txt'), text);
    // one unit by path, one by its agency's name, one by path
    writeFileSync(join(dir, 'hierarchy.json'), JSON.stringify({ 'summary.txt': ['units/000.txt', '聊城市生态环境局', 'units/003.txt'] }));
    writeFileSync(join(dir, 'missing.json'), JSON.stringify({ 'summary.txt': ['units/000.txt', 'units/nowhere.txt'] }));
    writeFileSync(join(dir, 'bad.json'), '["summary.txt"]');
  });

  const hierarchyOf = (r: { stdout: string }, file = 'summary.txt') =>
    (JSON.parse(r.stdout) as Json).files.find((f) => f.path.endsWith(file))!.diagnostics.filter((d) => d.rule === 'hierarchy-sum');

  it('reports the one cell of the summary that is not the sum, with each unit’s figure and file', async () => {
    const r = await cli(['--format', 'json', '--hierarchy', join(dir, 'hierarchy.json'), join(dir, 'summary.txt'), join(dir, 'units')]);
    const ds = hierarchyOf(r);
    expect(ds.map((d) => [d.severity, d.range.start.line])).toEqual([['error', line]]);
    expect(ds[0].message).toMatch(/^一、本年新收政府信息公开申请数量 · 总计：应为各下级报告之和 \d+（\d+\+\d+\+\d+），实为 \d+$/);
    expect(ds[0].related.map((x) => [x.message.split('：')[0], x.uri!.split('/').slice(-2).join('/')])).toEqual([
      ['衡水市生态环境局', 'units/000.txt'],
      ['聊城市生态环境局', 'units/001.txt'],
      ['威县人民政府办公室', 'units/003.txt'],
    ]);
    expect(r.code).toBe(1);
    // the units themselves get nothing from it
    expect(hierarchyOf(r, '000.txt')).toEqual([]);
  });

  it('a unit not found → one info on the summary; off → nothing', async () => {
    const r = await cli(['--format', 'json', '--hierarchy', join(dir, 'missing.json'), join(dir, 'summary.txt')]);
    expect(hierarchyOf(r).map((d) => [d.severity, d.message])).toEqual([['info', '未核对下级报告之和：units/nowhere.txt（未找到）']]);
    const off = await cli(['--format', 'json', '--rule', 'hierarchy-sum=off', '--hierarchy', join(dir, 'hierarchy.json'), join(dir, 'summary.txt'), join(dir, 'units')]);
    expect(hierarchyOf(off)).toEqual([]);
  });

  it('a file that is not the mapping → exit 2 with one line', async () => {
    const r = await cli(['--hierarchy', join(dir, 'bad.json'), join(dir, 'summary.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`xxgk-lint: --hierarchy ${join(dir, 'bad.json')}: expected {"summary report": ["unit report", ...]} (paths or agency names)`);
  });
});
