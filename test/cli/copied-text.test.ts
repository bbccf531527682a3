// copied-text from the CLI: last year's report found among the files given,
// even with carried-over turned off.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineOf } from '../support/edit';
import { CORPUS } from '../support/fixtures';
import { cli, ensureBuilt } from './run-cli';

const FIVE = '五、存在的主要问题及改进情况';
const SIX = '六、其他需要报告的事项';

describe('copied-text across the files given', () => {
  let dir: string;
  let five: number;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'xxgk-copied-'));
    // The real 洪泽区 reports of 2023 and 2024; in the 2024 copy, 五 is the 2023 text.
    const y2023 = readFileSync(join(CORPUS, 'huaian-hongze-district-gov-2023.txt'), 'utf8');
    const y2024 = readFileSync(join(CORPUS, 'huaian-hongze-district-gov-2024.txt'), 'utf8');
    const old = y2023.split('\n').slice(lineOf(y2023, FIVE) + 1, lineOf(y2023, SIX));
    const lines = y2024.split('\n');
    five = lineOf(y2024, FIVE);
    writeFileSync(join(dir, '2023.txt'), y2023);
    writeFileSync(join(dir, '2024.txt'), [...lines.slice(0, five + 1), ...old, ...lines.slice(lineOf(y2024, SIX))].join('\n'));
  });

  it('flags 2024’s 五 against 2023’s, with carried-over off', async () => {
    const r = await cli(['--format', 'json', '--rule', 'carried-over=off', dir]);
    const { files } = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { rule: string; message: string; range: { start: { line: number } }; related: { uri?: string }[] }[] }[] };
    const copied = files.find((f) => f.path.endsWith('2024.txt'))!.diagnostics.filter((d) => d.rule === 'copied-text');
    expect(copied.map((d) => [d.range.start.line, d.message])).toEqual([[five, `“${FIVE}”的文字有 100% 与 2023 年报告的同一部分相同`]]);
    expect(copied[0].related.at(-1)!.uri).toMatch(/2023\.txt$/);
    expect(files.find((f) => f.path.endsWith('2023.txt'))!.diagnostics.filter((d) => d.rule === 'copied-text')).toEqual([]);
  });
});
