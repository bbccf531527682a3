// Which files are reports: a title-like line, the tables' labels or most of
// the section headings, never a phrase in prose. Every seed, corpus file and
// example, in every text shape, is found; notes that mention the report are not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../server/src/core/detect';
import { renderCrawled, renderFlat, renderHtmlPage, renderMarkdownWithHtml } from '../shapes/render';
import { CORPUS, readSeed, seedFiles, SEEDS } from '../support/fixtures';
import { NOTES } from '../support/notes';
import { renderSeed } from '../support/render-seed';

const EXAMPLES = join(__dirname, '..', '..', 'examples');


describe('looksLikeReport', () => {
  it('finds every seed, corpus file and example', () => {
    const files = [
      ...seedFiles().map((f) => join(SEEDS, f)),
      ...readdirSync(CORPUS).map((f) => join(CORPUS, f)),
      ...readdirSync(EXAMPLES).filter((f) => f !== 'README.md').map((f) => join(EXAMPLES, f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => !looksLikeReport(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('finds every seed in every text shape', () => {
    for (const f of seedFiles()) {
      const seed = readSeed(f.slice(0, 3));
      const shapes = {
        tsv: renderSeed(seed, 'tsv'),
        markdown: renderSeed(seed, 'markdown'),
        html: renderHtmlPage(seed),
        htmlMarkdown: renderMarkdownWithHtml(seed),
        flat: renderFlat(seed),
        oneLine: renderFlat(seed, { oneLine: true }),
        crawled: renderCrawled(seed),
      };
      for (const [shape, text] of Object.entries(shapes)) expect(looksLikeReport(text), `${f} as ${shape}`).toBe(true);
    }
  });

  it('finds a report by its title alone, also split over two lines or with the year or a site name after it', () => {
    expect(looksLikeReport('# 青川市人民政府办公室2023年政府信息公开工作年度报告\n\n（正文待写）\n')).toBe(true);
    expect(looksLikeReport('聊城市生态环境局2023年度政府信息公开\n\n工作年度报告\n')).toBe(true);
    expect(looksLikeReport('某县教育局政府信息公开工作年度报告（2023年度）\n')).toBe(true);
    expect(looksLikeReport('标题: 某局2022年政府信息公开工作年度报告_某市人民政府网\n')).toBe(true);
  });

  it('leaves notes that only mention the report alone', () => {
    for (const note of NOTES) expect(looksLikeReport(note), note).toBe(false);
  });
});
