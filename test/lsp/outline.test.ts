// One outline: in Markdown the editor lists the `#` headings itself, so the
// server adds only the tables (and sections written without `#`); details
// never repeat the name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { documentSymbols } from '../../server/src/lsp/outline';
import { readSeed } from '../support/fixtures';

const example = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8');

describe('documentSymbols', () => {
  it('Markdown with # headings: only the three tables, which Markdown\'s outline lacks', () => {
    const symbols = documentSymbols(lint(example('02-clean.md')).report, 'zh', true);
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([
      ['表：主动公开政府信息情况', '6 行'],
      ['表：收到和处理政府信息公开申请情况', '25 行'],
      ['表：行政复议、行政诉讼情况', '1 行'],
    ]);
  });

  it('plain text: the six sections with their tables; a detail only where the template words it otherwise', () => {
    const symbols = documentSymbols(lint(readSeed('000')).report, 'zh');
    expect(symbols).toHaveLength(6);
    expect(symbols.filter((s) => s.detail === s.name)).toEqual([]);
    expect(symbols.map((s) => (s.children ?? []).length)).toEqual([0, 1, 1, 1, 0, 0]);
  });
});
