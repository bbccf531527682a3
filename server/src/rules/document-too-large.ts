// document-too-large: a document over MAX_DOCUMENT_LENGTH is not checked at
// all. lint() asks isTooLarge before any reading (so a stray dump never stalls
// an editor or a batch) and then runs this rule alone on an empty report.
import { defineRule } from './define';

/**
 * The largest document that is checked (UTF-16 code units, about 2 MB of
 * ASCII or 6 MB of Chinese in UTF-8): a hundred times the longest real report.
 * See docs/limits.md.
 */
export const MAX_DOCUMENT_LENGTH = 2_000_000;

export function isTooLarge(text: string): boolean {
  return text.length > MAX_DOCUMENT_LENGTH;
}

export const documentTooLarge = defineRule({
  id: 'document-too-large',
  severity: 'warning',
  category: 'prose',
  summary: 'over 2,000,000 characters: not checked, said once',
  description: { zh: '文档过大（超过 2,000,000 个字符），未检查', en: 'The document is too large to check (over 2,000,000 characters)' },
  check(ctx) {
    const { text, lines } = ctx.report;
    if (!isTooLarge(text)) return;
    const size = text.length.toLocaleString('en-US');
    const limit = MAX_DOCUMENT_LENGTH.toLocaleString('en-US');
    ctx.emit({
      message: ctx.t(
        `文档过大，未检查：${size} 个字符，上限 ${limit}。请按一份报告一个文件拆分后再检查。`,
        `Document too large to check: ${size} characters, the limit is ${limit}. Split it into one file per report.`,
      ),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(lines[0].length, 200) } },
      data: { length: text.length, limit: MAX_DOCUMENT_LENGTH },
    });
  },
});
