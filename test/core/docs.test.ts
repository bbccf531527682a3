// Every rule has its page in docs/rules/, the index links every page, and
// the pages of the structure and figure rules (and every page written in the
// same form) have the sections users look for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, docsUrl } from '../../server/src/rules';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

describe('docs/rules', () => {
  it('a page for every registered rule, at the URL diagnostics carry', () => {
    for (const r of allRules) {
      expect(existsSync(join(DOCS, `${r.id}.md`)), r.id).toBe(true);
      expect(r.docs).toBe(docsUrl(r.id));
      expect(r.docs.endsWith(`/docs/rules/${r.id}.md`)).toBe(true);
    }
  });

  it('the index links every page, and every link resolves', () => {
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const links = [...index.matchAll(/\]\(([a-z-]+\.md)\)/g)].map((m) => m[1]);
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect([...new Set(links)].sort()).toEqual(pages.sort());
  });

  const fullPages = allRules.filter((r) => r.category !== 'prose' || readFileSync(join(DOCS, `${r.id}.md`), 'utf8').includes('## What it reports'));
  it.each(fullPages.map((r) => r.id))('%s: title, severity, why, wrong and right examples, fix, how to disable, in Chinese and English', (id) => {
    const page = readFileSync(join(DOCS, `${id}.md`), 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    const rule = allRules.find((r) => r.id === id)!;
    expect(page).toContain(`**Default severity:** ${rule.severity}`);
    for (const h of ['## What it reports / 报告什么', '## Why / 依据', '## Wrong / 错误示例', '## Right / 正确示例', '## Fix / 修复', '## Disable / 停用']) {
      expect(page).toContain(h);
    }
    expect(page).toContain(`{"rules": {"${id}": "off"}}`);
    expect(page).toContain(`<!-- xxgk-disable-next-line ${id} -->`);
    expect(page).toContain(`// xxgk-disable-next-line ${id}`);
  });
});
