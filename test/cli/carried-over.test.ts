// carried-over from the CLI: last year's report of the same agency among the files given.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../support/fixtures';
import { cli, ensureBuilt } from './run-cli';

describe('carried-over across the files given', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'xxgk-years-'));
    // The real 2023 and 2024 reports of 洪泽区人民政府 (titled "洪泽区人民政府" in 2023 and
    // "淮安市洪泽区人民政府" in 2024 — one agency). In the 2024 copy, 上年结转 is made 3 in
    // the 自然人 and 总计 columns, while the 2023 report carried out 0.
    writeFileSync(join(dir, '2023.txt'), readFileSync(join(CORPUS, 'huaian-hongze-district-gov-2023.txt')));
    const y2024 = readFileSync(join(CORPUS, 'huaian-hongze-district-gov-2024.txt'), 'utf8').replace(
      /(二、上年结转政府信息公开申请数量\s+)0(\s+0\s+0\s+0\s+0\s+0\s+)0/,
      '$13$23',
    );
    writeFileSync(join(dir, '2024.txt'), y2024);
  });

  it("pairs the two years and flags this year's 上年结转 against last year's 结转下年度", async () => {
    const r = await cli(['--format', 'json', '--rule', 'row-total=off', '--rule', 'balance=off', dir]);
    const { files } = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { rule: string; message: string; related: { uri?: string }[] }[] }[] };
    const carried = files.find((f) => f.path.endsWith('2024.txt'))!.diagnostics.filter((d) => d.rule === 'carried-over');
    expect(carried.map((d) => d.message)).toEqual([
      '自然人：上年结转为 3，而 2023 年报告的结转下年度继续办理为 0',
      '总计：上年结转为 3，而 2023 年报告的结转下年度继续办理为 0',
    ]);
    expect(carried[0].related[0].uri).toMatch(/2023\.txt$/);
    expect(files.find((f) => f.path.endsWith('2023.txt'))!.diagnostics.filter((d) => d.rule === 'carried-over')).toEqual([]);
  });
});
