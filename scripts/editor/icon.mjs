// Renders docs/images/icon.png (128×128, the extension's icon) from an inline
// SVG with Debian's Chromium. Run once: node scripts/editor/icon.mjs
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="22" fill="#b71c1c"/>
  <rect x="22" y="20" width="72" height="88" rx="6" fill="#fff"/>
  <g stroke="#b71c1c" stroke-width="3">
    <line x1="30" y1="44" x2="86" y2="44"/><line x1="30" y1="58" x2="86" y2="58"/>
    <line x1="30" y1="72" x2="86" y2="72"/><line x1="30" y1="86" x2="70" y2="86"/>
    <line x1="52" y1="36" x2="52" y2="94"/>
  </g>
  <text x="40" y="36" font-family="WenQuanYi Micro Hei, sans-serif" font-size="14" font-weight="bold" fill="#b71c1c">报告</text>
  <circle cx="94" cy="92" r="22" fill="#2e7d32" stroke="#fff" stroke-width="4"/>
  <path d="M83 92 l8 8 l14 -16" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'images', 'icon.png'), omitBackground: true });
await browser.close();
