// Every real report in ../shared/corpus gives exactly the error-level findings
// that ../shared/notes/real-reports.md lists as true (or fair), nothing more.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { CORPUS } from '../support/fixtures';

/** file → `rule line:character` of each error, in order (lines 1-based, as the CLI prints them). */
const EXPECTED: Record<string, string[]> = {
  'huaian-hongze-district-gov-2023.txt': ['row-total 149:23', 'row-total 149:67'],
  'huaian-hongze-district-gov-2024.txt': [],
  'huaian-city-gov-2024.txt': [],
  'pingtan-zone-2019.txt': [],
  'pingtan-zone-2020.txt': ['column-total 10:5412', 'column-total 10:5423'],
  'pingtan-zone-2021.txt': [],
  'pingtan-zone-2022.txt': [],
  'pingtan-zone-2023.txt': [],
  'pingtan-zone-2024.txt': [],
  'pingtan-zone-2025.txt': [],
  // The blank 总计 of 四、结转下年度继续办理 (should be 1); the heading of 五 was lost by the extraction (fair).
  'kewei-2024.md': ['row-total 178:41', 'section-missing 205:1'],
  'shanghai-office-2025.md': [],
  'shuyang-fgj-2023.html': [],
  'hangzhou-style-test-2025.html': [],
};

const errors = (name: string) =>
  lint(readFileSync(join(CORPUS, name), 'utf8'))
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.rule} ${d.range.start.line + 1}:${d.range.start.character + 1}`);

describe('real published reports: exactly the true errors', () => {
  it('covers every file of the corpus', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [name, want] of Object.entries(EXPECTED)) {
    it(name, () => expect(errors(name)).toEqual(want));
  }

  it('the values behind the errors are the hand-verified ones', () => {
    const at = (name: string, rule: string) => lint(readFileSync(join(CORPUS, name), 'utf8')).diagnostics.filter((d) => d.rule === rule && d.severity === 'error');
    expect(at('pingtan-zone-2020.txt', 'column-total').map((d) => [d.data?.expected, d.data?.actual])).toEqual([[26, 20], [27, 21]]);
    expect(at('kewei-2024.md', 'row-total').map((d) => [d.data?.expected, d.data?.actual])).toEqual([[1, null]]);
  });

  it('warnings owed: template-version on both 洪泽 reports, blank 法人 cells of 沭阳 read as 0', () => {
    for (const name of ['huaian-hongze-district-gov-2023.txt', 'huaian-hongze-district-gov-2024.txt']) {
      expect(lint(readFileSync(join(CORPUS, name), 'utf8')).diagnostics.filter((d) => d.rule === 'template-version').map((d) => d.severity)).toEqual(['warning']);
    }
    const shuyang = lint(readFileSync(join(CORPUS, 'shuyang-fgj-2023.html'), 'utf8')).diagnostics;
    expect(shuyang.filter((d) => d.rule === 'cell-value').every((d) => d.severity === 'warning' && d.message === '空白单元格，按 0 计')).toBe(true);
    expect(shuyang.filter((d) => d.rule === 'cell-value').length).toBeGreaterThan(100);
  });
});
