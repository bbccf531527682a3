import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits';
import { lint } from '../../server/src/engine/lint';
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

  describe('shares in brackets, two results at once, statements of completion', () => {
    const SEED = readSeed('000');
    const RESULTS = '属于予以公开9件，部分公开7件';

    it('a share in brackets after the figure, to the precision written: 9件（37.5%） agrees, 9件（35.5%） does not', () => {
      expect(only(SEED.replace('予以公开9件', '予以公开9件（37.5%）'))).toEqual([]);
      expect(only(SEED.replace('予以公开9件', '予以公开9件（37.50%）'))).toEqual([]);
      const text = SEED.replace('予以公开9件', '予以公开9件（35.5%）');
      const [d, ...rest] = only(text);
      expect(rest).toEqual([]);
      expect(d.message).toBe('正文写占 35.5%，按统计表应为 37.5%（9/24）');
      expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('35.5');
      // offered, never applied by fix-all
      expect(d.fixes[0]).toMatchObject({ isPreferred: false, edits: [{ newText: '37.5' }] });
    });

    it('予以公开及部分公开16件（66.67%） is the sum of the two results; 15件 is flagged with both cells', () => {
      expect(only(SEED.replace(RESULTS, '属于予以公开及部分公开16件（66.67%）'))).toEqual([]);
      const [d] = only(SEED.replace(RESULTS, '属于予以公开及部分公开15件'));
      expect(d.message).toBe('正文写“15”，统计表中予以公开与部分公开之和为 16');
      expect(d.related).toHaveLength(2);
    });

    it('shanghai-office-2025: every bracketed share of its 依申请公开 paragraph reconciles with 1191 handled, none with 1295 received', async () => {
      const { findFigures, sentences } = await import('../../server/src/core/prose/figures');
      const { bracketedPercent, percentAgrees } = await import('../../server/src/rules/narrative-claims');
      const lines = corpus('shanghai-office-2025.md').split('\n');
      const paragraph = lines.slice(lineIndex(lines, '市政府共受理政府信息公开申请'), lineIndex(lines, '行政诉讼败诉情形') + 1).join('');
      const shares = sentences(paragraph).flatMap((s) =>
        findFigures(s.text, s.start).flatMap((f) => {
          const p = bracketedPercent(paragraph.slice(f.end, f.end + 40), f.end);
          return p ? [{ count: f.value, p }] : [];
        }),
      );
      expect(shares.map((x) => `${x.count} ${x.p.value}`)).toEqual(['208 17.46', '20 1.68', '564 47.36', '80 6.72', '319 26.78']);
      expect(shares.every((x) => percentAgrees(x.count, x.p, [1191]))).toBe(true);
      expect(shares.some((x) => percentAgrees(x.count, x.p, [1295]))).toBe(false);
    });

    it('所有申请均已办结 while 结转下年度继续办理 is 1 (seed 003) → warning with the 结转 cells; with 0 carried over (seed 000) quiet', () => {
      const claim = '全年受理政府信息公开申请6件，所有申请均已办结。';
      const text = readSeed('003').replace('全年受理政府信息公开申请6件，', claim);
      const [d, ...rest] = only(text);
      expect(rest).toEqual([]);
      expect(d.message).toBe('正文称“均已办结”，但统计表中结转下年度继续办理为 1');
      expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('均已办结');
      expect(d.related.map((r) => r.range.start.line)).toEqual([345]);
      expect(only(readSeed('003').replace('全年受理政府信息公开申请6件，', '全年受理政府信息公开申请6件，办结率100%。'))).toHaveLength(1);
      expect(only(SEED.replace('全年共收到政府信息公开申请24件，', '全年共收到政府信息公开申请24件，均已办结，'))).toEqual([]);
    });

    it('a completion said of the requests handled (办结 N 件 … 均在法定期限内答复) or of other matters (诉求) is left alone', () => {
      const seed = readSeed('003');
      expect(only(seed.replace('全年受理政府信息公开申请6件，', '全年受理政府信息公开申请6件，办结6件，均已按时办结，'))).toEqual([]);
      expect(only(seed.replace('全年受理政府信息公开申请6件，', '收到群众诉求348件，办结率100%。全年受理政府信息公开申请6件，'))).toEqual([]);
    });
  });
});

function lineIndex(lines: string[], needle: string): number {
  return lines.findIndex((l) => l.includes(needle));
}
