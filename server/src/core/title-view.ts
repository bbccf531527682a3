// The title where findTitle (core/title.ts) alone does not see it: after a
// crawler's header lines (`标题: …`, `发布时间: …`, `原文链接: …`, `=== 正文 ===`),
// past many blank lines (an HTML page's block view), or only in `<title>`.
// Every view here keeps the lines' characters in place, so the ranges found
// are ranges in the text given.
import { isBlank, positionAt, splitLines, type Lines } from './text';
import { findTitle } from './title';
import type { Title } from './types';

const HEADER_TITLE = /^[\s\u3000]*(?:标题|题目|文章标题|信息名称|名称|title)[\s\u3000]*[:：][\s\u3000]*/i;
const HEADER_OTHER =
  /^[\s\u3000]*(?:发布时间|发布日期|成文日期|生成日期|时间|日期|文号|发文字号|发布机构|发文机关|来源|信息来源|栏目|所属栏目|原文链接|原文地址|链接|网址|url|本地目录|页面链接.*|索引号|主题分类|体裁分类|主题词|作者|编辑|责任编辑|浏览次数|点击数|访问量|有效性)[\s\u3000]*[:：]/i;
// The two runs of marks are told apart by the word between them, so the pattern stays linear.
const BODY_MARK = /^[\s\u3000]*[=＝\-—*#]{3,}[\s\u3000]*(?:(?:正文|内容|全文)[\s\u3000]*[=＝\-—*#]{3,}[\s\u3000]*)?$/;

/** How many lines a crawler's header may take. */
const HEADER_LINES = 20;
/** findTitle looks at the first lines only; blank ones are left out first. */
const MAX_SCAN = 400;

export function findReportTitle(l: Lines, before: number): Title | undefined {
  const view = crawlerView(l);
  if (!view) return findTitle(l, before) ?? compactTitle(l, before);
  return compactTitle(view, before) ?? findTitle(l, before);
}

/** Lines of a crawler's header blanked (the `标题:` prefix only, for the title line). */
function crawlerView(l: Lines): Lines | undefined {
  let hits = 0;
  const lines = l.lines.slice();
  for (let i = 0; i < Math.min(HEADER_LINES, lines.length); i++) {
    const s = lines[i];
    if (s.length > 400) continue;
    const t = HEADER_TITLE.exec(s);
    if (t) {
      lines[i] = ' '.repeat(t[0].length) + s.slice(t[0].length);
      hits++;
    } else if (HEADER_OTHER.test(s) || BODY_MARK.test(s)) {
      lines[i] = ' '.repeat(s.length);
      hits++;
    }
  }
  return hits >= 2 ? { ...l, lines } : undefined;
}

/** findTitle on the non-blank lines only, its range put back on the lines given. */
function compactTitle(l: Lines, before: number): Title | undefined {
  const keep: number[] = [];
  for (let i = 0; i < Math.min(before, l.lines.length, MAX_SCAN); i++) if (!isBlank(l.lines[i])) keep.push(i);
  const compact: Lines = { lines: keep.map((i) => l.lines[i]), starts: keep.map((i) => l.starts[i]), eol: l.eol };
  const t = findTitle(compact, keep.length);
  if (!t) return undefined;
  return {
    ...t,
    range: {
      start: { line: keep[t.range.start.line], character: t.range.start.character },
      end: { line: keep[t.range.end.line], character: t.range.end.character },
    },
  };
}

/** The title from an HTML `<title>` (`报告标题_网站名` and the like): the part naming the report. */
export function titleFromHtmlTitle(raw: string, start: number, source: Lines): Title | undefined {
  const parts: { text: string; at: number }[] = [];
  const re = /[^_|｜]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    for (const p of splitDash(m[0], m.index)) parts.push(p);
  }
  const part = parts.find((p) => /年度报告/.test(p.text)) ?? parts.find((p) => /政府信息公开/.test(p.text));
  if (!part) return undefined;
  const lead = part.text.length - part.text.trimStart().length;
  const text = part.text.trim();
  const t = findTitle(splitLines(text), 1);
  if (!t) return undefined;
  const a = start + part.at + lead;
  return { ...t, range: { start: positionAt(source, a), end: positionAt(source, a + text.length) } };
}

function splitDash(s: string, at: number): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /\s[-—–]+\s/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push({ text: s.slice(last, m.index), at: at + last });
    last = m.index + m[0].length;
  }
  out.push({ text: s.slice(last), at: at + last });
  return out;
}
