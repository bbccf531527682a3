// Finds the six section headings by their words, whatever the numbering
// (`一、`, `（一）`, `(一)`), Markdown `#`, indentation or a paragraph run in,
// and inside a line when a crawler flattened the page
// (`…加以改进。六、其他需要报告的事项2023年…`).
import { matcher, type Template } from './template';
import { lineRange, type Lines } from './text';
import type { Position, Range } from './types';

export interface HeadingMatch {
  key: string;
  index: number;
  line: number;
  text: string;
  range: Range;
  /** The heading's own number (`二` of `二、`), when it has one. */
  number?: string;
  /** Found inside a line, after other text (a flattened page). */
  runIn?: boolean;
  /** Where the text before the heading ends: the start of its line, or the heading itself inside a line. */
  bodyStart: Position;
  /** The numbering as written, e.g. `二、` or `（二）`, and the Markdown prefix. */
  style: { markdown: string; numbering: 'dun' | 'paren' | 'none' };
}

const NOISE = /^(?:[\s\u3000\u00a0]*|\[bookmark:[^\]]*\])*/;
// Sticky patterns (`…_AT`) are tried where a heading's text starts, without copying the rest of the line.
const MD_AT = /(#{1,6})[ \t]+/y;
const NUMBER_SOURCE = '(?:([一二三四五六七八九十])[ \\t\\u3000]*[、.．,，]|[（(][ \\t\\u3000]*([一二三四五六七八九十])[ \\t\\u3000]*[)）])[ \\t\\u3000]*';
const NUMBER = new RegExp(`^${NUMBER_SOURCE}`);
const NUMBER_AT = new RegExp(NUMBER_SOURCE, 'y');
const CN = '一二三四五六七八九十';
/** An item of a list of the parts: the next item after a separator, or an earlier one in the same sentence. */
const NEXT_ITEM = /^[\s\u3000]*[，,、；;和及与][\s\u3000]*(?:[一二三四五六]、|[（(][一二三四五六][)）])/;
const EARLIER_ITEM = /(?:[一二三四五六]、|[（(][一二三四五六][)）])[^。；;！？!?]{0,40}[，,、；;和及与][\s\u3000]*$/;

function inList(line: string, start: number, end: number): boolean {
  return NEXT_ITEM.test(line.slice(end, end + 8)) || EARLIER_ITEM.test(line.slice(Math.max(0, start - 60), start));
}
const TABLE_TITLE_AT = /[\s\u3000]*表\s*[一二三四五1-5]/y;
/** A heading line is short; a longer one is a heading run into its paragraph. */
const MAX_HEADING = 40;
/** How far into the line (after the numbering) the heading's words may start. */
const MAX_LEAD = 14;
/** A line's first words read for a heading: the match (MAX_LEAD + 24), its tail (≤ 14), and one past MAX_HEADING. */
const WORDS_READ = 64;

/** A numbered heading run into the text before it (a sentence, the figures of a table), not a longer numeral. */
const RUN_IN = /(?<![一二三四五六七八九十第])(?:[一二三四五六]、|[（(][一二三四五六][)）])/g;

export function findHeadings(l: Lines, template: Template, skip: (line: number) => boolean): HeadingMatch[] {
  const found: HeadingMatch[] = [];
  for (let i = 0; i < l.lines.length; i++) {
    const line = l.lines[i];
    if (line.includes('\t') || line.length === 0 || skip(i)) continue;
    const m = matchHeading(line, template, 0, false);
    let after = 0;
    if (m) {
      found.push({ ...m, line: i, range: lineRange(i, m.start, m.end), bodyStart: { line: i, character: 0 } });
      after = m.end;
    }
    RUN_IN.lastIndex = after;
    for (let r = RUN_IN.exec(line); r; r = RUN_IN.exec(line)) {
      const h = matchHeading(line, template, r.index, true);
      // An item of a list of the parts (`本报告包括一、总体情况，二、主动公开…`) is no heading.
      if (!h || inList(line, h.start, h.end)) continue;
      found.push({ ...h, line: i, range: lineRange(i, h.start, h.end), bodyStart: { line: i, character: h.start }, runIn: true });
      RUN_IN.lastIndex = h.end;
    }
  }
  return withoutSubHeadings(withoutRunInTwins(found));
}

/** A part found both at a line's start and inside a line (a sentence naming it): the one that opens a line is the heading. */
function withoutRunInTwins(found: HeadingMatch[]): HeadingMatch[] {
  return found.filter((h) => !h.runIn || !found.some((o) => !o.runIn && o.key === h.key));
}

/**
 * A section found twice where one heading carries the section's own number
 * (`二、主动公开政府信息情况`) and another does not (`（一）主动公开政府信息情况`, a
 * sub-heading of 总体情况 in a second numbering): the other is no section.
 */
function withoutSubHeadings(found: HeadingMatch[]): HeadingMatch[] {
  const own = (h: HeadingMatch) => h.number !== undefined && CN.indexOf(h.number) === h.index - 1 && h.style.numbering === 'dun';
  // A Markdown heading is a heading whatever its number: a second one is a duplicate section.
  return found.filter((h) => own(h) || h.style.markdown !== '' || !found.some((o) => o !== h && o.key === h.key && own(o)));
}

/** The heading at `from` in `line`; `runIn`: inside a line, where only a heading with its own number counts. */
function matchHeading(line: string, template: Template, from: number, runIn: boolean) {
  if (runIn) return matchRunIn(line, template, from);
  let at = NOISE.exec(line)![0].length;
  const md = execAt(MD_AT, line, at);
  if (md) at += md[0].length;
  if (line.startsWith('**', at)) at += 2;
  // A table's title (`表二：主动公开政府信息情况`), often repeated by PDF extraction, is no section.
  if (execAt(TABLE_TITLE_AT, line, at)) return undefined;
  const num = execAt(NUMBER_AT, line, at);
  const start = at;
  const number = num ? num[1] ?? num[2] : undefined;
  const bodyAt = at + (num ? num[0].length : 0);
  // Spaces inside a heading (an HTML page's markup blanked between two spans) do not count.
  const words = withoutSpaces(line, bodyAt);
  // With no number and no `#`, only a short line can be a heading (below): a paragraph is not tried against each part.
  if (!number && !md && words.text.length > MAX_HEADING) return undefined;
  for (let s = 0; s < template.sections.length; s++) {
    const spec = template.sections[s];
    const m = matcher(spec.match).exec(words.text.slice(0, MAX_LEAD + 24));
    if (!m || m.index > MAX_LEAD) continue;
    const short = words.text.length <= MAX_HEADING && !/[。；]/.test(words.text);
    if (number && CN.indexOf(number) !== s && !md && !short) continue;
    // With no number and no `#`, only a short line that ends like a heading (a table's header `行政复议行政诉讼` does not).
    if (!number && !md && !(short && words.text.length <= spec.heading.length + 8 && /(?:情况|事项|措施|问题|改进)[*\s]*$/.test(words.text))) continue;
    let end: number;
    if (short) {
      end = bodyAt + trimmedLength(line.slice(bodyAt));
    } else {
      const tail = /^[^。，,；：:]{0,12}?(?:情况|事项)/.exec(words.text.slice(m.index + m[0].length));
      end = bodyAt + words.at(m.index + m[0].length + (tail ? tail[0].length : 0) - 1) + 1;
    }
    return {
      key: spec.key,
      index: s + 1,
      text: line.slice(start, end),
      number,
      start,
      end,
      style: { markdown: md ? md[1] : '', numbering: (num ? (num[1] ? 'dun' : 'paren') : 'none') as 'dun' | 'paren' | 'none' },
    };
  }
  return undefined;
}

function matchRunIn(line: string, template: Template, from: number) {
  const num = NUMBER.exec(line.slice(from, from + 4));
  if (!num) return undefined;
  const s = CN.indexOf(num[1] ?? num[2]);
  const spec = template.sections[s];
  if (!spec) return undefined;
  const bodyAt = from + num[0].length;
  const m = matcher(spec.match).exec(line.slice(bodyAt, bodyAt + MAX_LEAD + 24));
  if (!m || m.index > MAX_LEAD) return undefined;
  const tail = /^[^。，,；：:]{0,12}?(?:情况|事项)/.exec(line.slice(bodyAt + m.index + m[0].length, bodyAt + m.index + m[0].length + 16));
  const end = bodyAt + m.index + m[0].length + (tail ? tail[0].length : 0);
  return { key: spec.key, index: s + 1, text: line.slice(from, end), number: num[1] ?? num[2], start: from, end, style: { markdown: '', numbering: (num[1] ? 'dun' : 'paren') as 'dun' | 'paren' } };
}

/**
 * `line` from `from` on without white space: at most WORDS_READ characters,
 * all that a heading is read from (a long paragraph or a flattened page is not
 * copied for every line), and where the `k`th of them stands after `from`.
 */
function withoutSpaces(line: string, from: number): { text: string; at: (k: number) => number } {
  let text = '';
  let run = from;
  let i = from;
  for (; i < line.length && text.length + i - run < WORDS_READ; i++) {
    if (isInlineSpace(line.charCodeAt(i))) {
      text += line.slice(run, i);
      run = i + 1;
    }
  }
  text += line.slice(run, i);
  const at = (k: number) => {
    for (let j = from, seen = -1; j < line.length; j++) if (!isInlineSpace(line.charCodeAt(j)) && ++seen === k) return j - from;
    return line.length - from;
  };
  return { text, at };
}

const isInlineSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;

function execAt(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** The length of `s` without trailing white space and `*` (bold markers), in one backward pass. */
function trimmedLength(s: string): number {
  let n = s.length;
  while (n > 0 && (s[n - 1] === '*' || /[\s\u3000]/.test(s[n - 1]))) n--;
  return n;
}
