// Hostile inputs, generated at a given size: used by hostile.test.ts (and by
// the benchmark for the big-report cases).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS } from '../support/fixtures';

export const seedTexts = (): string[] =>
  readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));

const MB = 1024 * 1024;

/** `unit` repeated to about `bytes` UTF-16 code units (a CJK character counts as one). */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

/** The seeds one after another until `size` characters: many reports in one file. */
export function concatenated(size: number): string {
  const seeds = seedTexts();
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const s = seeds[i % seeds.length];
    parts.push(s);
    n += s.length;
  }
  return parts.join('\n');
}

/** One report whose 总体情况 is padded with prose to `size` characters. */
export function longProse(size: number): string {
  const seed = seedTexts()[1];
  const at = seed.indexOf('\n', seed.indexOf('一、总体情况')) + 1;
  const para = '2023年，本机关共收到政府信息公开申请12件，办结10件，结转下年度继续办理2件；主动公开政府信息1,234条。\n';
  return seed.slice(0, at) + fill(para, size - seed.length) + seed.slice(at);
}

/** Table 三 of a Word-text seed with one result row repeated to `rows` rows. */
export function manyRowsWord(rows: number): string {
  const seed = seedTexts()[1];
  const start = seed.indexOf('\t（一）予以公开');
  const end = seed.indexOf('\t（二）部分公开');
  const block = seed.slice(start, end);
  return seed.slice(0, start) + block.repeat(rows) + seed.slice(start);
}

/** A Markdown pipe table of `rows` rows inside a report-like document. */
export function manyRowsMarkdown(rows: number): string {
  const head = '# 某局2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n| 项目 | 自然人 | 总计 |\n| --- | --- | --- |\n';
  return head + '| （一）予以公开 | 1 | 1 |\n'.repeat(rows) + '\n## 四、政府信息公开行政复议、行政诉讼情况\n';
}

/** TAB-separated rows (one row a line). */
export function manyRowsTsv(rows: number): string {
  return '某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n' + '（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n'.repeat(rows);
}

export const singleLine = {
  letters: (size: number) => fill('a', size),
  prose: (size: number) => fill('本机关共收到政府信息公开申请十二件办结十件结转下年度二件', size),
  numerals: (size: number) => fill('一', size),
  digits: (size: number) => fill('1', size),
  spaces: (size: number) => fill(' ', size - 1) + 'x',
  ideographicSpaces: (size: number) => fill('\u3000', size - 1) + 'x',
  pipes: (size: number) => '|' + fill(' 1 |', size),
  tabs: (size: number) => fill('1\t', size),
  dashes: (size: number) => fill('-', size - 1) + 'x',
  stars: (size: number) => fill('*', size - 1) + 'x',
  hashes: (size: number) => fill('#', size),
  heading: (size: number) => '三、收到和处理政府信息公开申请情况' + fill('情况', size),
  directive: (size: number) => '// xxgk-disable ' + fill('a ', size) + '!',
};

/** `depth` nested block quotes, with a pipe table line so the Markdown reader runs. */
export function nestedQuotes(depth: number): string {
  return '| a | b |\n| - | - |\n| 1 | 2 |\n\n' + '> '.repeat(depth) + '三、收到和处理政府信息公开申请情况\n' + '> '.repeat(depth) + '| 总计 | 1 |\n';
}

/** Each line of a seed prefixed with one more `>` than the last (deep quotes line by line). */
export function nestedQuoteLines(depth: number): string {
  let out = '| a | b |\n| - | - |\n';
  for (let i = 1; i <= depth; i++) out += '>'.repeat(i) + ' 行\n';
  return out;
}

/** Nested lists, another deep structure for the Markdown parser. */
export function nestedLists(depth: number): string {
  let out = '| a | b |\n| - | - |\n\n';
  for (let i = 0; i < depth; i++) out += '  '.repeat(i) + '- 项\n';
  return out;
}

export function withNul(text: string): string {
  return text.replace(/(.)(.)/g, '$1\u0000$2');
}

export function allNul(size: number): string {
  return fill('\u0000', size);
}

export function withLoneSurrogates(text: string): string {
  return text.replace(/([。，\t])/g, '$1\ud800').replace(/\n/g, '\udfff\n');
}

export function mixedEol(text: string): string {
  let i = 0;
  return text.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
}

/** A BOM at the start and one at the start of a line mid-file, as concatenating two files leaves. */
export function bomMidFile(text: string): string {
  const mid = text.indexOf('\n', text.length >> 1) + 1;
  return '\ufeff' + text.slice(0, mid) + '\ufeff' + text.slice(mid);
}

/** A BOM in front of every TAB line (every table cell of Word text). */
export function bomEverywhere(text: string): string {
  return text.replace(/\n\t/g, '\n\ufeff\t');
}

export { MB };
