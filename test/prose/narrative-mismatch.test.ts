import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits';
import { lint } from '../../server/src/core/lint';
import { CORPUS, readSeed } from '../support/fixtures';

const only = (text: string, rule = 'narrative-mismatch') => lint(text).diagnostics.filter((d) => d.rule === rule);
const corpus = (name: string) => readFileSync(join(CORPUS, name), 'utf8');

describe('narrative-mismatch', () => {
  it('is silent where the prose agrees with the tables (checked by hand: seeds 000–004, corpus)', () => {
    // 000: 收到24 予以公开9 部分公开7 无法提供6 其他处理2 — all equal the table.
    // 001: 办理23 = （七）总计 23. 003: 受理6 答复6 结转1, 未发生行政复议或行政诉讼 with table 四 all 0.
    // 002: 未收到申请 with table 三 all 0. hongze-2024: 区政府办代表区政府受理17件 is another scope (table says 95).
    for (const seed of ['000', '001', '002', '003', '004']) expect(only(readSeed(seed))).toEqual([]);
    for (const name of ['huaian-city-gov-2024.txt', 'huaian-hongze-district-gov-2023.txt', 'huaian-hongze-district-gov-2024.txt']) {
      expect(only(corpus(name))).toEqual([]);
    }
  });

  it('flags 收到申请22件 against a table that says 24, on the number, and the fix writes 24', () => {
    const text = readSeed('000').replace('全年共收到政府信息公开申请24件', '全年共收到政府信息公开申请22件');
    const [d] = only(text);
    expect(d.range).toEqual({ start: { line: 13, character: 13 }, end: { line: 13, character: 15 } });
    expect(d.message).toBe('正文写“22”，统计表中本年新收申请总计为 24');
    expect(d.related[0].range.start.line).toBe(97);
    expect(applyEdits(text, d.fixes[0].edits)).toBe(readSeed('000'));
  });

  it('reads Chinese numerals (予以公开九件 agrees, 予以公开十二件 does not)', () => {
    expect(only(readSeed('000').replace('予以公开9件', '予以公开九件'))).toEqual([]);
    const [d] = only(readSeed('000').replace('予以公开9件', '予以公开十二件'));
    expect(d.message).toContain('予以公开总计为 9');
  });

  it('accepts 受理 as 新收 + 上年结转', () => {
    const text = readSeed('003').replace('全年受理政府信息公开申请6件', '全年受理政府信息公开申请6件');
    expect(only(text)).toEqual([]);
  });

  it('flags 未发生行政复议或行政诉讼 when table 四 is not zero', () => {
    const seed = readSeed('003');
    const lines = seed.split('\n');
    lines[389] = lines[389].replace('0', '2');
    lines[393] = '\t2';
    const [d] = only(lines.join('\n'));
    expect(d.message).toBe('正文称“未发生行政复议或行政诉讼”，但统计表中行政复议总计为 2');
    expect(d.range.start).toEqual({ line: 8, character: 128 });
  });

  it('reads PDF text wrapped mid-sentence: 行政诉讼 46 件，其中结果维持 25 件 (city 2024)', () => {
    const text = corpus('huaian-city-gov-2024.txt').replace('行政诉讼 46', '行政诉讼 47');
    const [d] = only(text);
    expect(d.message).toBe('正文写“47”，统计表中行政诉讼总计为 46');
    expect(d.range.start.line).toBe(34);
  });

  it('leaves a sentence about another body alone, but not the same figure said of the report itself', () => {
    const text = corpus('huaian-hongze-district-gov-2024.txt');
    expect(only(text)).toEqual([]);
    const own = text.replace('区政府办代表区政府受理政府', '全区共受理政府');
    const [d] = only(own);
    expect(d.message).toBe('正文写“17”，统计表中本年新收申请总计为 95');
  });

  it('checks a stated share (占 X%) against the table', () => {
    const text = readSeed('000').replace('予以公开9件', '予以公开9件，占37.50%').replace('部分公开7件', '部分公开7件，占30%');
    const ds = only(text);
    expect(ds.map((d) => d.message)).toEqual(['正文写占 30%，按统计表应为 29%（7/24）']);
  });
});
