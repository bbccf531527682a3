// split-cell: a number split over two neighbouring cells (拆格), joined only
// when exactly one join makes every sum of the row and its columns hold.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits';
import { fixAll } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import { readSeed } from '../support/fixtures';
import { renderSeed } from '../support/render-seed';

const seed = readSeed('001');

/** The seed in `shape` with the first cell of 一、本年新收 (a two-digit figure) split in two. */
function split(shape: 'markdown' | 'tsv'): { text: string; line: number; figure: string } {
  const doc = renderSeed(seed, shape);
  const lines = doc.split('\n');
  const line = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  const sep = shape === 'tsv' ? '\t' : ' | ';
  const cells = lines[line].split(shape === 'tsv' ? '\t' : '|');
  const at = cells.findIndex((c) => /^\s*\d\d\s*$/.test(c));
  const figure = cells[at].trim();
  cells[at] = shape === 'tsv' ? `${figure[0]}${sep}${figure[1]}` : ` ${figure[0]}${sep}${figure[1]} `;
  lines[line] = cells.join(shape === 'tsv' ? '\t' : '|');
  return { text: lines.join('\n'), line, figure };
}

describe('split-cell', () => {
  for (const shape of ['markdown', 'tsv'] as const) {
    it(`${shape}: 2 | 1 for 21 → one split-cell on the two cells; the row read joined; the fix joins them`, () => {
      const { text, line, figure } = split(shape);
      const r = lint(text);
      expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['split-cell']);
      const d = r.diagnostics.find((x) => x.rule === 'split-cell')!;
      expect(d.range.start.line).toBe(line);
      const sep = shape === 'tsv' ? '\t' : ' | ';
      expect(text.split('\n')[line].slice(d.range.start.character, d.range.end.character)).toBe(`${figure[0]}${sep}${figure[1]}`);
      expect(d.message).toContain(`应为同一格（自然人）${figure}`);
      expect(r.report.tables.requests.rows.find((x) => x.key === 'received')!.cells.person.value).toBe(Number(figure));
      const fixed = applyEdits(text, d.fixes[0].edits);
      expect(fixed).toBe(renderSeed(seed, shape));
      expect(fixAll(text).text).toBe(renderSeed(seed, shape));
    });
  }

  it('never guessed: when two joins fit, the row is table-shape and no sum uses it', () => {
    // 1 | 1 | 1 …: joining the first two or the next two gives the same row sum only if they are equal;
    // here a row of zeros with 11 split as 1 | 1 and a 0 beside it: 1,10 / 11,0 both hold the row sum 11.
    const doc = renderSeed(seed, 'markdown');
    const lines = doc.split('\n');
    const line = lines.findIndex((l) => l.includes('3.补正后申请内容仍不明确'));
    lines[line] = '| | | 3.补正后申请内容仍不明确 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 11 |';
    const r = lint(lines.join('\n'));
    expect(r.diagnostics.filter((d) => d.rule === 'split-cell')).toEqual([]);
    expect(r.diagnostics.filter((d) => d.rule === 'table-shape').map((d) => d.message)).toEqual(['“3.补正后申请内容仍不明确”一行应有 7 个数，实有 8 个']);
  });

  it('real reports: none of the corpus files or seeds has a split cell', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { CORPUS, SEEDS } = await import('../support/fixtures');
    for (const dir of [CORPUS, SEEDS]) {
      for (const f of readdirSync(dir)) expect(lint(readFileSync(join(dir, f), 'utf8')).diagnostics.filter((d) => d.rule === 'split-cell'), f).toEqual([]);
    }
  });
});
