// Figures the prose states about the tables: `收到申请24件`, `予以公开9件`,
// `行政诉讼 46 件，其中结果维持 25 件`, `另有 103 件顺延到下年度`.
import { DIGITS_SOURCE, NUMERALS_SOURCE, readNumber } from './numbers';

export type Topic =
  | 'received' | 'carriedIn' | 'handled' | 'carriedOut'
  | 'granted' | 'partlyGranted' | 'refused' | 'unavailable' | 'notProcessed' | 'other'
  | 'review' | 'suit' | 'suitDirect' | 'suitAfter'
  | 'upheld' | 'corrected' | 'otherResult' | 'pending';

export interface Figure {
  topic: Topic;
  /** For the result breakdown of table 四: which group the sentence is about. */
  group?: 'review' | 'suit';
  value: number;
  /** Offsets of the number in the prose view. */
  start: number;
  end: number;
  raw: string;
  /** A percentage stated right after the figure (`占17.46%`). */
  percent?: { value: number; start: number; end: number; decimals: number };
}

/** Keywords, most specific first; among matches the one ending nearest the number wins, then the longest. */
const TOPICS: [Topic, RegExp][] = [
  ['carriedOut', /(?:结)?转(?:到|至)?下(?:一)?年度?(?:继续办理)?/g],
  ['carriedIn', /上(?:一)?年度?结转|结转自上年/g],
  ['suitDirect', /未经复议直接起诉|直接(?:提起)?(?:行政)?诉讼/g],
  ['suitAfter', /复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/g],
  ['review', /行政复议/g],
  ['suit', /行政诉讼/g],
  ['upheld', /(?:结果)?维持/g],
  ['corrected', /(?:结果)?纠正/g],
  ['otherResult', /其他结果/g],
  ['pending', /尚未审结|未审结|正在审理/g],
  ['partlyGranted', /部分公开/g],
  ['refused', /不予(?:以)?公开/g],
  ['granted', /(?<!不)予以公开|同意公开|全部公开/g],
  ['unavailable', /无法提供/g],
  ['notProcessed', /不予(?:以)?处理/g],
  ['other', /其他处理/g],
  ['received', /新收|收到|受理|接收|接到/g],
  ['handled', /办结|答复|办理|处理完毕|处理/g],
];

// Each alternative starts only where a number starts, so that a long run of
// digits or numerals is scanned once, not once per character (quadratic).
const FIGURE = new RegExp(
  `((?<![\\d,，])${DIGITS_SOURCE}|(?<![〇零一二两三四五六七八九十百千万])${NUMERALS_SOURCE})\\s*(?:件|宗|起)`,
  'g',
);
const DELIMITER = /[，,、：:（(；;。\n]/;
/** A figure compared with another year or another body is not the table's figure. */
const COMPARISON = /同比|比上年|较上年|较去年|上年同期|去年|增长|减少|增加|下降|累计|历年/;
const AFTER_CARRIED_OUT = /^\s*(?:件\s*)?(?:顺延|结转)(?:到|至)?下(?:一)?年度?/;
const PERCENT = /^[，,]?[^，,。；;\n]{0,4}?占[^0-9，,。；;\n]{0,8}?(\d+(?:\.(\d+))?)\s*[%％]/;

/** A figure ends in its unit: a clause without one has none (FIGURE would be tried at every character). */
const UNIT = /[件宗起]/;

export function findFigures(clause: string, offset: number): Figure[] {
  const out: Figure[] = [];
  if (!UNIT.test(clause)) return out;
  let group: 'review' | 'suit' | undefined;
  let segmentStart = 0;
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(clause); m; m = FIGURE.exec(clause)) {
    const numStart = m.index;
    const numEnd = m.index + m[1].length;
    const value = readNumber(m[1]);
    let from = numStart;
    while (from > segmentStart && !DELIMITER.test(clause[from - 1])) from--;
    const segment = clause.slice(from, numStart);
    segmentStart = m.index + m[0].length;
    const groupHere = /行政复议/.test(segment) && !/复议后/.test(segment) ? 'review' : /行政诉讼|起诉/.test(segment) ? 'suit' : undefined;
    if (groupHere) group = groupHere;
    if (value === undefined || COMPARISON.test(segment)) continue;
    let topic = pickTopic(segment);
    if (AFTER_CARRIED_OUT.test(clause.slice(numEnd))) topic = 'carriedOut';
    if (!topic) continue;
    if ((topic === 'upheld' || topic === 'corrected' || topic === 'otherResult' || topic === 'pending') && !group) continue;
    const figure: Figure = { topic, value, start: offset + numStart, end: offset + numEnd, raw: m[1] };
    if (topic === 'upheld' || topic === 'corrected' || topic === 'otherResult' || topic === 'pending') figure.group = group;
    const p = PERCENT.exec(clause.slice(m.index + m[0].length));
    if (p) {
      const pStart = m.index + m[0].length + p[0].indexOf(p[1], p[0].indexOf('占'));
      figure.percent = { value: Number(p[1]), start: offset + pStart, end: offset + pStart + p[1].length, decimals: p[2]?.length ?? 0 };
    }
    out.push(figure);
  }
  return out;
}

function pickTopic(segment: string): Topic | undefined {
  let best: { topic: Topic; end: number; length: number } | undefined;
  for (const [topic, re] of TOPICS) {
    re.lastIndex = 0;
    for (let m = re.exec(segment); m; m = re.exec(segment)) {
      const end = m.index + m[0].length;
      // A generic verb after a specific outcome (`同意公开答复 9 件`, `不予公开答复`) does not take the figure from it.
      if (topic === 'handled' && best && best.topic !== 'received' && m.index - best.end <= 2) continue;
      if (!best || end > best.end || (end === best.end && m[0].length > best.length)) best = { topic, end, length: m[0].length };
    }
  }
  // The keyword must govern the number: at most a short object between them (`申请`, `政府信息公开申请`).
  if (!best) return undefined;
  const between = segment.slice(best.end);
  return between.length <= 16 && !/\d/.test(between) ? best.topic : undefined;
}

/** `未发生行政复议或行政诉讼`, `未收到政府信息公开申请`: a statement that a count is zero. */
export interface ZeroClaim {
  topics: Topic[];
  start: number;
  end: number;
  text: string;
}

const NONE = /(?:未发生|没有发生|未有|没有|无)(?:[^，,。；;\n]{0,10}?)(行政复议|行政诉讼)(?:[^，,。；;\n]{0,3}?(行政复议|行政诉讼))?(?![^，,。；;\n]{0,4}(?:纠错|纠正|败诉))/g;
const NO_REQUESTS = /(?:未|没有)(?:收到|接到|受理)[^，,。；;\n\d]{0,10}?申请/g;

export function findZeroClaims(clause: string, offset: number): ZeroClaim[] {
  const out: ZeroClaim[] = [];
  if (!clause.includes('行政') && !clause.includes('申请')) return out;
  NONE.lastIndex = 0;
  for (let m = NONE.exec(clause); m; m = NONE.exec(clause)) {
    const topics = [m[1], m[2]].filter(Boolean).map((t) => (t === '行政复议' ? 'review' : 'suit') as Topic);
    out.push({ topics, start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
  NO_REQUESTS.lastIndex = 0;
  for (let m = NO_REQUESTS.exec(clause); m; m = NO_REQUESTS.exec(clause)) {
    out.push({ topics: ['received'], start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** A sentence about another body (区政府办代表区政府…, 各部门…, 乡镇…) has another scope than the table. */
const OTHER_SCOPE = /代表|各(?:部门|单位|乡镇|街道|县区|县|区|地)|部门|本级|乡镇|街道|市直|区直|县直|下属|所属/;

export function otherScope(clause: string, agency: string | undefined): boolean {
  const m = OTHER_SCOPE.exec(clause);
  if (!m) return false;
  return !(agency && agency.includes(m[0]));
}

/** Sentences and clauses: figures are read one sentence at a time. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); ; m = SENTENCE_END.exec(text)) {
    const i = m ? m.index : text.length;
    if (i > start) out.push({ text: text.slice(start, i), start });
    if (!m) return out;
    start = i + 1;
  }
}

const SENTENCE_END = /[。；;\n！!？?]/g;
