// The templates are data: each file holds to schemas/template.schema.json, the
// built-in set is the folder's files, no code names a version, and a third
// version is added by adding a file.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { newReportMarkdown } from '../../server/src/lsp/new-report';
import { builtInTemplates, PROFILE_CHOICES } from '../../server/src/core/templates';
import { loadTemplates } from '../../server/src/sources/templates';
import { parseCli } from '../../server/src/cli/args';
import { normalizeSettings } from '../../server/src/lsp/settings';
import schema from '../../schemas/template.schema.json';

const ROOT = join(__dirname, '..', '..');
const FOLDER = join(ROOT, 'server', 'src', 'templates');
const LOADER = join(ROOT, 'server', 'src', 'core', 'templates.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the template files', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const files = readdirSync(FOLDER).filter((f) => f.endsWith('.json'));

  it.each(files)('%s holds to schemas/template.schema.json', (f) => {
    const ok = validate(JSON.parse(readFileSync(join(FOLDER, f), 'utf8')));
    expect(validate.errors ?? [], f).toEqual([]);
    expect(ok).toBe(true);
  });

  it('are the built-in templates, every one of them; the file is named by its version', () => {
    expect(loadTemplates(FOLDER).list).toEqual(builtInTemplates.list);
    expect(files.sort()).toEqual(builtInTemplates.versions.map((v) => `${v}.json`).sort());
    expect(loadTemplates()).toBe(builtInTemplates);
  });

  it('cover the years from the first on, one template a year', () => {
    const list = builtInTemplates.list;
    list.slice(1).forEach((t, i) => expect(t.years.from, t.version).toBe(list[i].years.to! + 1));
    expect(builtInTemplates.newest.years.to).toBeUndefined();
  });

  it('name their versions where no code does: in no TypeScript file but the loader, not even in a comment', () => {
    const hits: string[] = [];
    for (const f of [...tsFiles(join(ROOT, 'server', 'src')), ...tsFiles(join(ROOT, 'client', 'src'))]) {
      if (f === LOADER) continue;
      const text = readFileSync(f, 'utf8');
      for (const v of builtInTemplates.versions) if (new RegExp(`(?<![\\w.])${v}(?![\\w])`).test(text)) hits.push(`${relative(ROOT, f)}: ${v}`);
    }
    expect(hits).toEqual([]);
  });

  it('give the profile choices of the CLI, the config schema and the editor setting', () => {
    expect(PROFILE_CHOICES).toEqual(['auto', ...builtInTemplates.versions]);
    expect(parseCli(['--profile', builtInTemplates.list[0].version, 'x.md']).profile).toBe(builtInTemplates.list[0].version);
    expect(() => parseCli(['--profile', '2018', 'x.md'])).toThrow(`--profile must be one of ${PROFILE_CHOICES.join(', ')}`);
    expect(normalizeSettings({ profile: builtInTemplates.list[0].version }).profile).toBe(builtInTemplates.list[0].version);
    expect(normalizeSettings({ profile: '2018' }).profile).toBe('auto');
    const rc = JSON.parse(readFileSync(join(ROOT, 'schemas', 'xxgklintrc.schema.json'), 'utf8'));
    expect(rc.properties.profile.enum).toEqual(PROFILE_CHOICES);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.contributes.configuration.properties['xxgkLint.profile'].enum).toEqual(PROFILE_CHOICES);
  });

  it('tell a folder with a file that is not a template, by its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-templates-'));
    try {
      writeFileSync(join(dir, 'broken.json'), JSON.stringify({ version: 'x' }));
      expect(() => loadTemplates(dir)).toThrow(/^broken\.json: not a report template/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('adding a version is adding a file', () => {
  // A third, invented version: the 2021 format until 2023, then one with a row
  // more under （六）其他处理 (4.申请人撤回申请) and a name of its own.
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-templates-'));
  afterAll(() => rmSync(dir, { recursive: true }));
  cpSync(FOLDER, dir, { recursive: true });
  const newest = JSON.parse(readFileSync(join(FOLDER, `${builtInTemplates.newest.version}.json`), 'utf8'));
  writeFileSync(join(dir, `${newest.version}.json`), JSON.stringify({ ...newest, years: { from: newest.years.from, to: 2023 } }));
  const third = structuredClone(newest);
  third.version = '2024';
  third.name = { zh: '2024 年版（示例）', en: '2024 format (example)' };
  third.years = { from: 2024 };
  const requests = third.tables.requests;
  const at = requests.rows.findIndex((r: { key: string }) => r.key === 'other.3');
  requests.rows.splice(at + 1, 0, { key: 'other.4', label: '4.申请人撤回申请', match: '撤回申请' });
  requests.columnSums[0].parts.push('other.4');
  writeFileSync(join(dir, '2024.json'), JSON.stringify(third, null, 2));

  const set = loadTemplates(dir);
  const t2024 = set.get('2024');
  // 2 requests received from a person and withdrawn: the new row holds them, （七）总计 was left at 0.
  const text = fill(fill(newReportMarkdown(2024, '\n', t2024), '一、本年新收政府信息公开申请数量', 2), '4.申请人撤回申请', 2);

  it('loads beside the others, in year order, with its name', () => {
    expect(set.versions).toEqual([...builtInTemplates.versions, '2024']);
    expect(set.forYear(2023)?.version).toBe(builtInTemplates.newest.version);
    expect(set.forYear(2024)?.name.en).toBe('2024 format (example)');
    expect(text).toContain('| 4.申请人撤回申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
  });

  it('checks a report of it: the year picks it, the new row is read and counted in （七）总计', () => {
    const r = lint(text, { templates: set });
    expect(r.report.profile).toBe('2024');
    expect(r.report.profileReason).toBe('year');
    expect(r.report.tables.requests.rows.find((x) => x.key === 'other.4')?.cells.person.value).toBe(2);
    const totals = r.diagnostics.filter((d) => d.rule === 'column-total');
    expect(totals.map((d) => [d.range.start.line, d.data?.expected])).toEqual([
      [lineOf(text, '（七）总计'), 2],
      [lineOf(text, '（七）总计'), 2],
    ]);
    const resultTotal = r.report.tables.requests.rows.find((x) => x.key === 'resultTotal')!;
    expect(totals.map((d) => d.range)).toEqual([resultTotal.cells.person.range, resultTotal.cells.total.range]);
    expect(r.diagnostics.filter((d) => d.rule === 'table-shape')).toEqual([]);
  });

  it('is unknown to the built-in templates: there the row matches nothing', () => {
    const r = lint(text);
    expect(r.report.profile).toBe(builtInTemplates.newest.version);
    const shape = r.diagnostics.filter((d) => d.rule === 'table-shape');
    expect(shape.map((d) => d.range.start.line)).toEqual([lineOf(text, '4.申请人撤回申请')]);
  });
});

/** The line of the Markdown table row labelled `label`. */
function lineOf(text: string, label: string): number {
  return text.split('\n').findIndex((l) => l.includes(`| ${label} |`));
}

/** The row labelled `label` with `n` in its first column (自然人) and its 总计. */
function fill(text: string, label: string, n: number): string {
  const lines = text.split('\n');
  const at = lineOf(text, label);
  const cells = lines[at].split('|');
  cells[cells.length - 8] = ` ${n} `;
  cells[cells.length - 2] = ` ${n} `;
  lines[at] = cells.join('|');
  return lines.join('\n');
}
