// document-too-large: a document over MAX_DOCUMENT_LENGTH is not checked at all.
// lint() says so itself before any reading (so a stray dump never stalls an
// editor or a batch); the rule is listed here so that its severity is set like
// any rule's, in settings, --rule and .xxgklintrc.json.
import type { Rule } from '../core/rule';

export const documentTooLarge: Rule = {
  id: 'document-too-large',
  severity: 'warning',
  description: { zh: '文档过大（超过 2,000,000 个字符），未检查', en: 'The document is too large to check (over 2,000,000 characters)' },
  check() {},
};
