// The title: agency + year + 政府信息公开工作年度报告, often broken over two or
// three lines at the top of the report.
import { isBlank, range, squash, type Lines } from './text';
import type { Title } from './types';

const MAX_TITLE_LINES = 4;
const TITLE_WORDS = /政府信息公开|年度报告/;
const YEAR = /((?:19|20)\d{2})\s*年/;

export function findTitle(l: Lines, before: number): Title | undefined {
  const limit = Math.min(before, l.lines.length, 12);
  let first = -1;
  let last = -1;
  const parts: string[] = [];
  for (let i = 0; i < limit; i++) {
    const raw = l.lines[i];
    if (isBlank(raw)) continue;
    const text = cleanTitleLine(raw);
    const proseOrDate = text.length > 50 || /[。；]/.test(text) || /^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月/.test(text);
    if (first < 0) {
      if (proseOrDate || !(TITLE_WORDS.test(text) || looksLikeAgency(text))) {
        if (i > 3) break;
        continue;
      }
      first = i;
    } else if (proseOrDate || parts.length >= MAX_TITLE_LINES) {
      break;
    }
    parts.push(text);
    last = i;
    if (/年度?报告$/.test(squash(text))) break;
  }
  if (first < 0) return undefined;
  const text = parts.join('');
  if (!TITLE_WORDS.test(text)) return undefined;
  const lead = l.lines[first].length - l.lines[first].trimStart().length;
  const startChar = lead + (TITLE_LABEL.exec(l.lines[first].slice(lead))?.[0].length ?? 0);
  const endChar = l.lines[last].trimEnd().length;
  const year = YEAR.exec(text);
  const words = text.search(/政府信息公开|年度报告/);
  // The agency before the year (`某某局2023年…`), or after it (`2024 年上海市科委政府信息公开…`).
  const ahead = squash(text.slice(0, year ? year.index : words)).replace(/^#+/, '');
  const after = year && year.index + year[0].length < words ? squash(text.slice(year.index + year[0].length, words)).replace(/^度/, '') : '';
  const agency = ahead || after;
  return {
    text,
    range: range(first, startChar, last, endChar),
    agency: agency || undefined,
    year: year ? Number(year[1]) : undefined,
  };
}

/** A page's own label before the title (`标题：`, as portals print it). */
const TITLE_LABEL = /^(?:标题|题目|文章标题|信息名称)[\s\u3000]*[:：][\s\u3000]*/;

function cleanTitleLine(s: string): string {
  return s.replace(/^[\s\u3000#*]+|[\s\u3000*]+$/g, '').replace(/\[bookmark:[^\]]*\]/g, '').replace(TITLE_LABEL, '');
}

function looksLikeAgency(s: string): boolean {
  return s.length <= 30 && /(?:局|厅|委|办公室|政府|部|署|院|中心|会)$/.test(s);
}

/** The statistics period, `统计期限自2023年1月1日起至2023年12月31日止`, gives the year too. */
export function findPeriodYear(text: string): number | undefined {
  const m = /统计(?:期限|时限|时间)[^0-9]{0,12}((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(text);
  return m ? Number(m[1]) : undefined;
}
