// Does a Markdown or plain-text file look like an annual report? The editor
// and the CLI's folder walk check such files only when they do. Writers
// mention "政府信息公开工作年度报告" in notes and e-mails all the time, so a
// phrase in prose is not enough: a report shows itself by a title-like line
// (short, no sentence punctuation, possibly split over two lines), by the
// tables' labels, or by most of the six section headings (the words of each
// template's `detection`).
import { builtInTemplates } from './templates';
import { splitLines } from './text';

/** The title ends with the words, perhaps with the year in brackets or a web page's site name after a dash. */
const TITLE_END = /政府信息公开(?:工作)?年度报告(?:[（(【[][^）)】\]]{0,20}[）)】\]])?(?:[-_—–|｜].*)?$/;
const detectionWords = (of: 'tableLabels' | 'headingWords') => [...new Set(builtInTemplates.list.flatMap((t) => t.detection[of]))];
const TABLE_LABELS = detectionWords('tableLabels').map((source) => new RegExp(source));
const SECTION_WORDS = detectionWords('headingWords');
/** Lines looked at for a title: the title comes first, after at most a crawled page's header. */
const HEAD_LINES = 60;
const SENTENCE = /[。，；！？,;!?]/;

/** A line's words without Markdown and HTML markup, a `标题:` prefix or spaces. */
function words(line: string): string {
  return line
    .replace(/<[^<>]*>/g, ' ')
    .replace(/^\s*(?:#{1,6}\s|[>*\-+]\s)+/, '')
    .replace(/^\s*标题\s*[:：]/, '')
    .replace(/[*`]/g, '')
    .replace(/[\s\u3000]+/g, '');
}

/** Short and not a sentence: a title or a heading. */
function headingLike(w: string, max: number): boolean {
  return w.length > 0 && w.length <= max && !SENTENCE.test(w);
}

function hasTitleLine(lines: string[]): boolean {
  const head = lines.slice(0, HEAD_LINES).map(words).filter(Boolean);
  return head.some((w, i) => headingLike(w, 80) && (TITLE_END.test(w) || (i + 1 < head.length && headingLike(head[i + 1], 40) && TITLE_END.test(w + head[i + 1]))));
}

export function looksLikeReport(text: string): boolean {
  // The split lint makes next (splitLines keeps the last one).
  const { lines } = splitLines(text);
  if (hasTitleLine(lines)) return true;
  if (TABLE_LABELS.filter((l) => l.test(text)).length >= 2) return true;
  const headings = lines.map(words).filter((w) => headingLike(w, 40));
  return SECTION_WORDS.filter((s) => headings.some((h) => h.includes(s))).length >= 4;
}
