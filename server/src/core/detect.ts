// Does a Markdown or plain-text file look like an annual report? The editor
// checks such files only when they do, so ordinary notes stay quiet.
const TITLE = /政府信息公开(?:工作)?年度报告/;
const TABLE_LABELS = /本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|结转下年度继续办理|第二十条第?[（(]一[)）]项/;
const SECTION_WORDS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '行政复议', '存在的主要问题', '其他需要报告的事项'];

export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, 4000);
  if (TITLE.test(head) || TABLE_LABELS.test(text)) return true;
  return SECTION_WORDS.filter((w) => text.includes(w)).length >= 4;
}
