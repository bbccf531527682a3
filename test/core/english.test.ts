// The English wording, message by message: every diagnostic message, fix
// title and related message over the seeds, the corpus, the examples and
// seeds with a broken total, and every hover of seed 000's tables, read in
// English: no word said twice in a row ("balance balance"), no full-width
// sentence punctuation after English text ("= 27；24"), no double spaces.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import type { Position } from '../../server/src/core/types';
import { hoverAt } from '../../server/src/lsp/hover';
import { CORPUS, readSeed, seedFiles, SEEDS } from '../support/fixtures';
import { setCell } from '../support/edit';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** What is wrong with a piece of English text, or []. */
function glitches(text: string): string[] {
  const out: string[] = [];
  const twice = /\b([A-Za-z]{3,})\W+\1\b/i.exec(text);
  if (twice) out.push(`"${twice[1]}" twice: ${text}`);
  const echoed = /\b([A-Za-z]+) ([A-Za-z]+)\W+\1-\2\b/i.exec(text);
  if (echoed) out.push(`"${echoed[1]} ${echoed[2]}" said again as its id: ${text}`);
  if (/[A-Za-z0-9)\]"'*`][；。，：]/.test(text)) out.push(`full-width punctuation after English: ${text}`);
  if (/[^\n ] {2,}\S/.test(text)) out.push(`double space: ${text}`);
  return out;
}

describe('English wording', () => {
  it('the check catches the glitches once seen in the editor', () => {
    expect(glitches('balance balance · 总计')).toHaveLength(1);
    expect(glitches('row total row-total')).toHaveLength(1);
    expect(glitches('27 + 0 = 27；24 + 0 = 24')).toHaveLength(1);
    expect(glitches('the total should be 24 (21+0+0+3+0+0), found 27')).toEqual([]);
  });

  it('diagnostics, fixes and related messages read cleanly', () => {
    const texts = [
      ...seedFiles().map((f) => readFileSync(join(SEEDS, f), 'utf8')),
      ...readdirSync(CORPUS).map((f) => readFileSync(join(CORPUS, f), 'utf8')),
      ...readdirSync(EXAMPLES).filter((f) => f !== 'README.md').map((f) => readFileSync(join(EXAMPLES, f), 'utf8')),
      setCell(readSeed('001'), 'requests', 'resultTotal', 'person', '30'),
      setCell(readSeed('001'), 'requests', 'received', 'total', ''),
      setCell(readSeed('001'), 'review', 'cases', 'review.total', '9'),
    ];
    const found = new Set<string>();
    let seen = 0;
    for (const text of texts) {
      for (const d of lint(text, { lang: 'en' }).diagnostics) {
        for (const t of [d.message, ...d.fixes.map((f) => f.title), ...d.related.map((r) => r.message)]) {
          seen++;
          for (const g of glitches(t)) found.add(`${d.rule}: ${g}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(200);
    expect([...found]).toEqual([]);
  });

  it('every hover over the tables of seed 000 reads cleanly', () => {
    const text = setCell(readSeed('000'), 'requests', 'received', 'total', '27');
    const analysis = lint(text);
    const { report } = analysis;
    const found = new Set<string>();
    let hovers = 0;
    for (const table of Object.values(report.tables)) {
      for (const row of table.rows) {
        for (const cell of Object.values(row.cells)) {
          const at: Position = cell.range.start;
          const h = hoverAt(analysis, at, 'en');
          if (!h) continue;
          hovers++;
          // As the editor shows it: code spans are plain words.
          for (const g of glitches(h.markdown.replace(/`/g, ''))) found.add(g);
        }
      }
    }
    expect(hovers).toBeGreaterThan(150);
    expect([...found]).toEqual([]);
  });
});
