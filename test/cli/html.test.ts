// --format html in a real browser (Debian's Chromium through playwright-core):
// the review page of the seeds, the corpus and the examples opens with no
// console error and no request, holds every file and every finding, filters
// and searches; a page of 10,000 reports renders lazily.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excerptOf } from '../../server/src/cli/excerpt';
import { htmlFormatter } from '../../server/src/cli/formats/html';
import { lint } from '../../server/src/engine/lint';
import { ARTIFACTS, CHROMIUM, REQUIRED } from '../editor/support';
import { CORPUS, SEEDS } from '../support/fixtures';
import { cli, ensureBuilt } from './run-cli';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !REQUIRED) console.warn(`SKIPPED review-page tests: no ${CHROMIUM} (apt-get install chromium)`);
const dir = mkdtempSync(join(tmpdir(), 'xxgk-html-'));
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  if (haveChromium || REQUIRED) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a page file and collects every console error or warning, page error and network request. */
async function open(file: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => 'xxgkReview' in window);
  return { page, problems };
}

interface JsonFile {
  path: string;
  error?: string;
  diagnostics: { rule: string; severity: string; message: string }[];
}

describe.skipIf(!haveChromium && !REQUIRED)('the review page (--format html)', () => {
  it('xxgk-lint --format html -o review.html ../shared/seeds ../shared/corpus examples: every file and finding, no console error, no request', async () => {
    const out = join(dir, 'review.html');
    const inputs = ['../shared/seeds', '../shared/corpus', 'examples'];
    const r = await cli(['--format', 'html', '-o', out, ...inputs]);
    expect(r.code).toBe(1);
    const json = JSON.parse((await cli(['--format', 'json', ...inputs])).stdout).files as JsonFile[];
    const { page, problems } = await open(out);
    await page.click('button:has-text("全部载入")');
    const shown = await page.$$eval('section.file', (els) =>
      els.map((e) => ({ path: e.getAttribute('data-path'), findings: Array.from(e.querySelectorAll('.finding')).map((f) => `${f.getAttribute('data-rule')} ${f.querySelector('.msg')?.textContent}`) })),
    );
    expect(shown).toEqual(json.map((f) => ({ path: f.path, findings: f.diagnostics.map((d) => `${d.rule} ${d.message}`) })));
    expect(json.length).toBeGreaterThan(25);

    // A sum error shows its table row, the wrong value marked, and the expected value.
    const hongze = page.locator('section.file[data-path$="huaian-hongze-district-gov-2023.txt"] .finding[data-rule="row-total"]').first();
    expect(await hongze.locator('pre.src .hit mark').textContent()).toBe('0');
    expect(await hongze.locator('pre.src .hit').textContent()).toContain('149');
    expect(await hongze.locator('.facts .expected').textContent()).toMatch(/11$/);
    expect(await hongze.locator('a.rule').getAttribute('href')).toMatch(/docs\/rules\/row-total\.md$/);
    // Links to the report files are relative to the page.
    expect(await page.locator('section.file a.path').first().getAttribute('href')).toMatch(/^(\.\.\/)+.*shared\/corpus\/hangzhou-style-test-2025\.html$/);

    // The summary: totals as in the JSON, charts drawn as inline SVG.
    const errors = json.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error').length;
    expect(await page.locator('.card[data-card="error"] b').textContent()).toBe(String(errors));
    expect(await page.locator('.chart svg').count()).toBe(4);
    expect(await page.locator('.chart svg .bar').count()).toBeGreaterThan(10);

    await page.screenshot({ path: join(ARTIFACTS, 'review-page.png') });
    // Search, then a chart bar as a filter, then clear.
    await page.fill('input[type=search]', 'pingtan');
    await page.waitForFunction(() => (window as unknown as { xxgkReview: { shown(): number } }).xxgkReview.shown() === 7);
    await page.click('button:has-text("清除筛选")');
    await page.locator('.chart .bar[data-label="balance"]').click();
    const withBalance = json.filter((f) => f.diagnostics.some((d) => d.rule === 'balance')).length;
    expect(await page.evaluate(() => (window as unknown as { xxgkReview: { shown(): number } }).xxgkReview.shown())).toBe(withBalance);
    expect(await page.locator('section.file .finding').evaluateAll((els) => els.every((e) => e.getAttribute('data-rule') === 'balance'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a page of 10,000 reports opens with one slice rendered and loads more as it scrolls', async () => {
    // Real findings from the seeds and corpus, repeated under 10,000 paths (the CLI streams the same way).
    const texts = [...readdirTxt(SEEDS), ...readdirTxt(CORPUS)];
    const checked = texts.map((text) => {
      const { report, diagnostics } = lint(text);
      return { profile: report.profile, diagnostics, excerpts: diagnostics.map((d) => excerptOf(report.lines, d.range)), meta: { agency: report.title?.agency, year: report.year } };
    });
    const f = htmlFormatter('zh', join(dir, 'big.html'));
    const parts = [f.header()];
    let findings = 0;
    for (let i = 0; i < 10_000; i++) {
      const c = checked[i % checked.length];
      findings += c.diagnostics.length;
      parts.push(f.file({ path: `reports/${String(i).padStart(5, '0')}.txt`, ...c }));
    }
    parts.push(f.footer({ lang: 'zh', notices: [], failed: false }));
    const big = join(dir, 'big.html');
    writeFileSync(big, parts.join(''));
    const t = Date.now();
    const { page, problems } = await open(big);
    const review = () => page.evaluate(() => {
      const r = (window as unknown as { xxgkReview: { files: number; findings: number; rendered(): number } }).xxgkReview;
      return { files: r.files, findings: r.findings, rendered: r.rendered(), sections: document.querySelectorAll('section.file').length };
    });
    const first = await review();
    console.log(`10,000-report page (${(readFileSync(big).length / 1e6).toFixed(1)} MB) ready in ${Date.now() - t} ms; ${first.sections} files in the DOM`);
    expect(first.files).toBe(10_000);
    expect(first.findings).toBe(findings);
    expect(first.sections).toBeLessThanOrEqual(200);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 20_000);
    await page.waitForFunction((n) => (window as unknown as { xxgkReview: { rendered(): number } }).xxgkReview.rendered() > n, first.rendered);
    const later = await review();
    expect(later.sections).toBe(later.rendered);
    expect(later.rendered).toBeLessThan(10_000);
    // Search runs over all 10,000, not only what is rendered.
    await page.fill('input[type=search]', '09999');
    await page.waitForFunction(() => (window as unknown as { xxgkReview: { shown(): number } }).xxgkReview.shown() === 1);
    expect(await page.locator('section.file').getAttribute('data-path')).toBe('reports/09999.txt');
    expect(problems).toEqual([]);
    await page.close();
  });
});

function readdirTxt(folder: string): string[] {
  return readdirSync(folder)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(join(folder, n), 'utf8'));
}

describe('the review page writer', () => {
  it('keeps report text inert: no markup from a report reaches the page', () => {
    const f = htmlFormatter('en');
    const evil = '</script><script>alert(1)</script><!--';
    const page = [
      f.header(),
      f.file({
        path: `a${evil}.txt`,
        profile: '2021',
        diagnostics: [{ rule: 'title', severity: 'warning', message: evil, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, related: [], fixes: [] }],
        excerpts: [{ first: 0, before: [], line: ['', evil, ''], after: [evil] }],
      }),
      f.failed(evil, evil),
      f.footer({ lang: 'en', notices: [evil], failed: true }),
    ].join('');
    // Exactly the page's own three script elements; the report's text only as escaped JSON.
    expect(page.match(/<script/g)).toHaveLength(3);
    expect(page).not.toContain('<!--');
    const data = JSON.parse(/<script type="application\/json" id="xxgk-files">([^]*?)<\/script>/.exec(page)![1]);
    expect(data[0].findings[0].message).toBe(evil);
    expect(data[1]).toMatchObject({ path: evil, error: evil, findings: [] });
  });
});
