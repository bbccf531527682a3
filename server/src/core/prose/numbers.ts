// Numbers as written in prose: `24`, `3 119`, `十二`, `二十三`, `一百零五`.
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** A Chinese numeral up to 万; undefined when `s` is not one. */
export function chineseNumber(s: string): number | undefined {
  if (!s || !/^[〇零一二两三四五六七八九十百千万]+$/.test(s)) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
      continue;
    }
    const unit = UNIT[ch];
    if (unit === 10000) {
      total += (section + digit) * unit;
      section = 0;
    } else {
      section += (digit || 1) * unit;
    }
    digit = 0;
  }
  return total + section + digit;
}

export const DIGITS_SOURCE = '\\d[\\d,，]*(?:\\.\\d+)?';
export const NUMERALS_SOURCE = '[〇零一二两三四五六七八九十百千万]+';

export function readNumber(s: string): number | undefined {
  const ascii = s.replace(/[,，\s]/g, '');
  if (/^\d+(?:\.\d+)?$/.test(ascii)) return Number(ascii);
  return chineseNumber(s);
}
