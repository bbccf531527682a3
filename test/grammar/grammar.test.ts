// The TextMate grammars, checked with vscode-tmgrammar-test against the
// cases in ./cases (the Markdown injection runs on top of VS Code's own
// Markdown grammar, kept in ./fixtures).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('grammars', () => {
  it('are declared in package.json and exist', () => {
    const grammars = pkg.contributes.grammars as { path: string; scopeName: string; language?: string; injectTo?: string[] }[];
    expect(grammars.map((g) => g.scopeName).sort()).toEqual(['markdown.xxgk-report.injection', 'text.xxgk-report']);
    for (const g of grammars) {
      const file = JSON.parse(readFileSync(join(ROOT, g.path), 'utf8'));
      expect(file.scopeName).toBe(g.scopeName);
    }
    expect(grammars.find((g) => g.injectTo)?.injectTo).toEqual(['text.html.markdown']);
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'xxgk-report');
    expect(lang.extensions).toEqual(['.xxgk', '.xxgk.txt']);
    expect(existsSync(join(ROOT, lang.configuration))).toBe(true);
  });

  for (const name of ['report.xxgk', 'report.md']) {
    it(`pass vscode-tmgrammar-test: ${name}`, () => {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/vscode-tmgrammar-test/dist/unit.js'), '-g', 'test/grammar/fixtures/markdown.tmLanguage.json', `test/grammar/cases/${name}`],
        { cwd: ROOT, encoding: 'utf8', timeout: 60000 },
      );
      const out = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('grammar not found')).join('\n');
      expect(out).toContain(`✓ test/grammar/cases/${name} run successfuly.`);
      expect(r.status, out).toBe(0);
    });
  }
});
