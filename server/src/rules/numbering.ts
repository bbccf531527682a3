// The numbering of headings as written: `一、`, `（一）`, `1.`, `（1）` at the
// start of a heading, and the sub-heading markers in the prose (`（二）`, `3.`,
// `三是`), read in order so that `heading-numbering` can check their sequence.
import { chineseNumber } from '../core/prose/numbers';

export type NumberStyle = 'dun' | 'paren' | 'arabic' | 'arabic-paren';

export interface Numbering {
  style: NumberStyle;
  value: number;
  /** The numbering as written, e.g. `二、`. */
  token: string;
}

const HEAD = /^(?:([一二三四五六七八九十])[ \t\u3000]*[、.．,，]|[（(][ \t\u3000]*([一二三四五六七八九十])[ \t\u3000]*[)）]|(\d{1,2})[ \t\u3000]*[、.．](?!\d)|[（(][ \t\u3000]*(\d{1,2})[ \t\u3000]*[)）])/;

/** The numbering at the start of a heading's text, if any. */
export function readHeadingNumber(text: string): Numbering | undefined {
  const m = HEAD.exec(text);
  if (!m) return undefined;
  const [token, dun, paren, arabic, arabicParen] = m;
  if (dun) return { style: 'dun', value: chineseNumber(dun)!, token };
  if (paren) return { style: 'paren', value: chineseNumber(paren)!, token };
  if (arabic) return { style: 'arabic', value: Number(arabic), token };
  return { style: 'arabic-paren', value: Number(arabicParen), token };
}

/** The levels of sub-headings, outermost first: （一） > 1. > （1） > 一是. */
export const LEVELS = ['paren', 'arabic', 'arabicParen', 'shi'] as const;
export type MarkerLevel = (typeof LEVELS)[number];

export interface Marker {
  level: MarkerLevel;
  value: number;
  token: string;
  /** Offsets of the token in the text searched. */
  start: number;
  end: number;
}

// A marker opens a paragraph or follows the end of a sentence; `一是` may also follow a comma.
// Word bookmarks (`[bookmark: _GoBack]`) left by the export are not text.
const BOOKMARKS = '(?:\\[bookmark:[^\\]]*\\][ \\t\\u3000]*)*';
// A tag (`<p>`) opens a paragraph of a crawled page.
const OPENS = new RegExp(`(?<=(?:^|[\\n。；;：:！？!?>])[\\s\\u3000]*${BOOKMARKS})`, 'y');
const OPENS_SHI = new RegExp(`(?<=(?:^|[\\n。；;：:！？!?>，,])[\\s\\u3000]*${BOOKMARKS})`, 'y');
// The markers as written; where one stands is then tested with OPENS (a pattern
// that starts with a look-behind is tried at every character of the text).
const MARKER = /[（(]([一二三四五六七八九十]{1,3})[)）]|(\d{1,2})[.、．](?![\d.．])|[（(](\d{1,2})[)）]|([一二三四五六七八九十]{1,3})是(?=\s*[\u4e00-\u9fa5“"《])/g;

function opensAt(text: string, at: number, shi: boolean): boolean {
  const opens = shi ? OPENS_SHI : OPENS;
  opens.lastIndex = at;
  return opens.test(text);
}

export function findMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const [token, paren, arabic, arabicParen, shi] = m;
    if (!opensAt(text, m.index, !!shi)) {
      MARKER.lastIndex = m.index + 1;
      continue;
    }
    const level: MarkerLevel = paren ? 'paren' : shi ? 'shi' : arabic ? 'arabic' : 'arabicParen';
    const value = paren ? chineseNumber(paren) : shi ? chineseNumber(shi) : Number(arabic ?? arabicParen);
    if (value === undefined || value < 1) continue;
    out.push({ level, value, token, start: m.index, end: m.index + token.length });
  }
  return out;
}

/** How a number is written at a level, for messages and fixes: `（三）`, `3.`, `三是`. */
export function writeMarker(like: Marker, value: number): string {
  const cn = chineseNumeral(value);
  if (like.level === 'paren') return like.token.replace(/[一二三四五六七八九十]+/, cn);
  if (like.level === 'shi') return `${cn}是`;
  return like.token.replace(/\d+/, String(value));
}

export function chineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : d[n];
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}
