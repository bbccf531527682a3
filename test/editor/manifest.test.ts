// The extension manifest: every %placeholder% has a Chinese and an English
// string, the files it points at exist, and the settings match the server's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../server/src/lsp/settings';
import { allRules } from '../../server/src/rules';
import { ROOT } from './support';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
const zh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

describe('extension manifest', () => {
  it('has every UI string in English and Chinese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(15);
    for (const k of keys) {
      expect(en[k], `package.nls.json: ${k}`).toBeTruthy();
      expect(zh[k], `package.nls.zh-cn.json: ${k}`).toBeTruthy();
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(zh['command.newReport']).toBe('按 2021 年模板新建年度报告');
  });

  it('activates for the report language, Markdown and plain text, and runs in untrusted workspaces', () => {
    expect(pkg.main).toBe('./dist/client.js');
    expect(pkg.activationEvents).toEqual(expect.arrayContaining(['onLanguage:xxgk-report', 'onLanguage:markdown', 'onLanguage:plaintext']));
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(pkg.engines.vscode).toBe('^1.91.0');
    expect(pkg.contributes.commands.map((c: { command: string }) => c.command).sort()).toEqual([
      'xxgk-lint.checkAsReport',
      'xxgk-lint.checkDocx',
      'xxgk-lint.fixAll',
      'xxgk-lint.fixDocx',
      'xxgk-lint.newReport',
      'xxgk-lint.notAReport',
      'xxgk-lint.openDocxAsMarkdown',
      'xxgk-lint.saveToDocx',
      'xxgk-lint.showReportView',
      'xxgk-lint.statusMenu',
    ]);
  });

  it('validates .xxgklintrc.json with the schema, and points only at files that exist', () => {
    expect(pkg.contributes.jsonValidation).toEqual([{ fileMatch: '.xxgklintrc.json', url: './schemas/xxgklintrc.schema.json' }]);
    expect(existsSync(join(ROOT, 'schemas/xxgklintrc.schema.json'))).toBe(true);
    expect(existsSync(join(ROOT, pkg.icon))).toBe(true);
  });

  it('declares the settings the server reads, with its defaults, and every rule', () => {
    const props = pkg.contributes.configuration.properties;
    for (const [k, v] of Object.entries(defaultSettings)) {
      expect(props[`xxgkLint.${k}`], k).toBeDefined();
      expect(props[`xxgkLint.${k}`].default).toEqual(v);
    }
    // Every rule is listed (generated from the registry: npm run gen), for completion in settings.json.
    expect(props['xxgkLint.rules'].additionalProperties.enum).toEqual(['off', 'info', 'warning', 'error']);
    expect(Object.keys(props['xxgkLint.rules'].properties)).toEqual(allRules.map((r) => r.id));
  });

  it('packs an allow-list: bundles, grammars, strings, schema, rule pages, README, icon', () => {
    const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('**');
    expect(lines.slice(1).every((l) => l.startsWith('!'))).toBe(true);
    expect(lines).toEqual(expect.arrayContaining(['!dist/server.js', '!dist/client.js', '!syntaxes/*.json', '!schemas/*.json', '!docs/rules/*.md', '!README.md']));
  });
});
