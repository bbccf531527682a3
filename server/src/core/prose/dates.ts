// Dates as reports write them: `2024年1月17日`, `2024 年 1 月`, `2024-01-17`,
// `二〇二四年一月十七日`.
import { chineseNumber } from './numbers';

export interface FoundDate {
  year: number;
  month: number;
  /** Undefined when only year and month are given (`（2024年1月）`). */
  day?: number;
  start: number;
  end: number;
}

const CN = '[〇零一二三四五六七八九十]';
const DATE = new RegExp(
  `((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?` +
    `|((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})` +
    `|(${CN}{4})年(${CN}{1,3})月(?:(${CN}{1,3})日)?`,
  'g',
);

const cnYear = (s: string) => Number([...s].map((c) => (c === '〇' || c === '零' ? '0' : String(chineseNumber(c) ?? ''))).join(''));

export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    let year: number;
    let month: number;
    let day: number | undefined;
    if (m[1]) [year, month, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined];
    else if (m[4]) [year, month, day] = [Number(m[4]), Number(m[5]), Number(m[6])];
    else [year, month, day] = [cnYear(m[7]), chineseNumber(m[8]) ?? 0, m[9] ? chineseNumber(m[9]) : undefined];
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
    out.push({ year, month, day, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
