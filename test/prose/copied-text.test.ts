// copied-text: a part whose prose is half or more the same as that part of
// last year's report of the same agency (10-character shingles).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { normalise, overlap } from '../../server/src/rules/text-overlap';
import type { LintOptions } from '../../server/src/core/types';
import { lineOf } from '../support/edit';
import { CORPUS } from '../support/fixtures';

const corpus = (name: string) => readFileSync(join(CORPUS, name), 'utf8');
const copied = (text: string, previous?: { uri: string; text: string }, options: LintOptions = {}) =>
  lint(text, { ...options, previous }).diagnostics.filter((d) => d.rule === 'copied-text');

const HONGZE_2023 = corpus('huaian-hongze-district-gov-2023.txt');
const HONGZE_2024 = corpus('huaian-hongze-district-gov-2024.txt');
const LAST_YEAR = { uri: 'file:///reports/hongze-2023.txt', text: HONGZE_2023 };
const FIVE = '五、存在的主要问题及改进情况';
const SIX = '六、其他需要报告的事项';

/** The lines of part 五's body (heading excluded, up to the heading of 六). */
function fiveBody(text: string): string[] {
  const lines = text.split('\n');
  return lines.slice(lineOf(text, FIVE) + 1, lineOf(text, SIX));
}

/** The 2024 report with part 五's body replaced by `body`. */
function with2024Five(body: string[]): string {
  const lines = HONGZE_2024.split('\n');
  const from = lineOf(HONGZE_2024, FIVE) + 1;
  return [...lines.slice(0, from), ...body, ...lines.slice(lineOf(HONGZE_2024, SIX))].join('\n');
}

describe('copied-text', () => {
  it('real pairs are quiet: 洪泽区 2024 against 2023 (一 44 %, 五 38 % the same), and every 平潭 year against the one before', () => {
    expect(copied(HONGZE_2024, LAST_YEAR)).toEqual([]);
    for (let year = 2020; year <= 2025; year++) {
      const previous = { uri: `file:///pingtan-${year - 1}.txt`, text: corpus(`pingtan-zone-${year - 1}.txt`) };
      expect(copied(corpus(`pingtan-zone-${year}.txt`), previous), String(year)).toEqual([]);
    }
  });

  it("2024's 五 replaced by 2023's → warning on the heading of 五 with the share, the copied stretches and last year's part", () => {
    const text = with2024Five(fiveBody(HONGZE_2023));
    const ds = copied(text, LAST_YEAR);
    expect(ds).toHaveLength(1);
    const [d] = ds;
    expect(d.range.start.line).toBe(lineOf(text, FIVE));
    expect(d.message).toBe('“五、存在的主要问题及改进情况”的文字有 100% 与 2023 年报告的同一部分相同');
    expect(d.severity).toBe('warning');
    expect(d.data).toMatchObject({ share: 1, lastYear: 2023, shingle: 10 });
    const stretches = d.related.filter((r) => !r.uri);
    expect(stretches.length).toBeGreaterThan(0);
    expect(stretches[0].message).toMatch(/^与 2023 年报告相同（\d+ 字）：2023年洪泽区政府信息公开工作取得一/);
    expect(stretches[0].range.start.line).toBe(lineOf(text, FIVE) + 1);
    expect(d.related.at(-1)).toMatchObject({ uri: LAST_YEAR.uri, message: `2023 年报告：${FIVE}`, range: { start: { line: lineOf(HONGZE_2023, FIVE) } } });
  });

  it('half copied: 2024 keeps its own first paragraph, the rest is 2023 → the share in the message (English)', () => {
    const own = fiveBody(HONGZE_2024);
    const old = fiveBody(HONGZE_2023);
    const text = with2024Five([...own.slice(0, own.findIndex((l) => l.includes('针对存在问题'))), ...old.slice(old.findIndex((l) => l.includes('是扎实推进')))]);
    const [d] = copied(text, LAST_YEAR, { lang: 'en' });
    expect(d.message).toMatch(/^\d+% of the text of "五、存在的主要问题及改进情况" is the same as that part of the 2023 report$/);
    const share = d.data!.share as number;
    expect(share).toBeGreaterThanOrEqual(0.5);
    expect(share).toBeLessThan(0.9);
  });

  it('is silent without last year, with a report of another year, or on a part shorter than 100 characters (六)', () => {
    const text = with2024Five(fiveBody(HONGZE_2023));
    expect(copied(text)).toEqual([]);
    expect(copied(text, { uri: 'file:///same-year.txt', text: HONGZE_2024 })).toEqual([]);
    // 六 is 45 characters, 91 % the same every year: a statement, not a copied part
    expect(copied(HONGZE_2024, LAST_YEAR).some((d) => d.message.includes(SIX))).toBe(false);
  });

  it('the measure on the 平潭 years (parts cut out of the flattened pages by their headings): rewritten every year, 0 – 18 %', () => {
    const part = (year: number, from: RegExp, to: RegExp) => {
      const t = corpus(`pingtan-zone-${year}.txt`);
      const rest = t.slice(t.search(from) + 8);
      return normalise(rest.slice(0, rest.search(to))).text;
    };
    const shares = [];
    for (let year = 2020; year <= 2025; year++) {
      for (const [from, to] of [[/五、\s*存在的主要问题/, /六、\s*其他需要报告/], [/一、\s*总体情况/, /二、\s*主动公开政府信息情况/]]) {
        shares.push(Math.round(overlap(part(year, from, to), part(year - 1, from, to)).share * 100));
      }
    }
    expect(shares).toEqual([5, 10, 5, 8, 0, 2, 10, 18, 0, 7, 5, 12]);
    expect(overlap(part(2025, /五、\s*存在的主要问题/, /六、/), part(2025, /五、\s*存在的主要问题/, /六、/)).share).toBe(1);
  });
});
