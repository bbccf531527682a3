// The report view's page: the tables of `xxgk/reportView` drawn as HTML grids
// (merged headers and labels as colspan/rowspan), a wrong cell marked with its
// expected value and the finding on hover, the 勾稽 check of each column under
// 表三. Pure string building (no vscode import), so it is tested on its own.
import type { ReportView, ViewCell, ViewCheck, ViewDrawn, ViewTable } from '../../server/src/protocol';

export type Lang = 'zh' | 'en';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function spans(c: { colSpan?: number; rowSpan?: number }): string {
  return `${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
}

function numberCell(c: ViewCell, lang: Lang): string {
  const classes = ['num'];
  if (c.severity === 'error') classes.push('error');
  else if (c.severity === 'warning') classes.push('warning');
  if (!c.range) classes.push('absent');
  const hint = c.message
    ? `${c.expected !== undefined ? (lang === 'en' ? `Should be ${c.expected}. ` : `应为 ${c.expected}。`) : ''}${c.message} [${c.rule}]`
    : '';
  const attrs = c.range ? ` tabindex="0" data-range="${esc(JSON.stringify(c.range))}"` : '';
  const shown = c.range ? (c.text === '' ? '<span class="blank">·</span>' : esc(c.text)) : '—';
  const expected = c.expected !== undefined ? `<span class="expected">→ ${c.expected}</span>` : '';
  return `<td class="${classes.join(' ')}"${spans(c)}${attrs}${hint ? ` title="${esc(hint)}"` : ''}>${shown}${expected}</td>`;
}

function drawn(c: ViewDrawn, lang: Lang, header = false): string {
  if (c.kind === 'number') return numberCell(c, lang);
  const tag = header ? 'th' : 'td';
  // A row group merged down the left (三、本年度办理结果) is written top to bottom, as in the template.
  const kind = !header && c.rowSpan && c.rowSpan > 1 ? 'label group' : 'label';
  const attrs = c.range ? ` class="${kind} link" tabindex="0" data-range="${esc(JSON.stringify(c.range))}"` : ` class="${kind}"`;
  return `<${tag}${attrs}${spans(c)}>${esc(c.text)}</${tag}>`;
}

function checks(list: ViewCheck[], lang: Lang): string {
  const [title, first, second] =
    lang === 'en' ? ['勾稽 check (1 + 2 = 3 + 4)', '一 + 二', '三 + 四'] : ['勾稽关系（第一项加第二项之和，等于第三项加第四项之和）', '一＋二', '三＋四'];
  const bad = list.filter((c) => !c.ok).length;
  const verdict = bad
    ? lang === 'en'
      ? `${bad} column${bad > 1 ? 's' : ''} do not balance`
      : `${bad} 列不平衡`
    : lang === 'en'
      ? 'every column balances'
      : '各列均平衡';
  return `<table class="checks"><caption>${esc(title)}：<span class="${bad ? 'bad' : 'good'}">${esc(verdict)}</span></caption>
<tr><th></th>${list.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>
<tr><th>${first}</th>${list.map((c) => `<td class="num${c.ok ? '' : ' error'}">${c.in}</td>`).join('')}</tr>
<tr><th>${second}</th>${list.map((c) => `<td class="num${c.ok ? '' : ' error'}" title="${esc(c.formula)}">${c.out}</td>`).join('')}</tr>
<tr><th></th>${list.map((c) => `<td class="mark ${c.ok ? 'good' : 'bad'}">${c.ok ? '✓' : '✗'}</td>`).join('')}</tr>
</table>`;
}

function table(t: ViewTable, lang: Lang): string {
  const missing = t.range ? '' : `<p class="missing">${lang === 'en' ? 'This table was not found in the text.' : '正文中没有找到这张表。'}</p>`;
  const head = t.head.map((r) => `<tr>${r.map((c) => drawn(c, lang, true)).join('')}</tr>`).join('\n');
  const body = t.rows.map((r) => `<tr${r.key ? ` data-row="${esc(r.key)}"` : ' class="block"'}>${r.cells.map((c) => drawn(c, lang)).join('')}</tr>`).join('\n');
  return `<section id="${t.key}"><h2>${esc(t.title)}</h2>${missing}
<table class="grid">${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>
${t.checks ? checks(t.checks, lang) : ''}</section>`;
}

/** The page body for a view; `null` view: the document is not checked as a report. */
export function reportViewBody(view: ReportView | null, fileName: string, lang: Lang): string {
  if (!view) {
    return `<p class="empty">${esc(fileName)}：${lang === 'en' ? 'not checked as an annual report.' : '未作为年度报告检查。'}</p>`;
  }
  const errors = view.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.kind === 'number' && c.severity === 'error').length;
  const summary = lang === 'en' ? `${view.profileName.en} · ${errors} wrong cell${errors === 1 ? '' : 's'}` : `${view.profileName.zh}模板 · ${errors} 个单元格有误`;
  return `<header><h1>${esc(view.title ?? fileName)}</h1><p class="summary">${esc(summary)}</p></header>
${view.tables.map((t) => table(t, lang)).join('\n')}`;
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px 24px; }
h1 { font-size: 1.2em; margin: 12px 0 2px; } h2 { font-size: 1.05em; margin: 20px 0 6px; }
.summary, .missing, .empty { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
table { border-collapse: collapse; margin-bottom: 8px; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, #8886)); padding: 2px 6px; vertical-align: middle; }
th, tr.block td { background: var(--vscode-editorWidget-background); font-weight: 600; text-align: center; }
td.label { max-width: 22em; min-width: 7em; }
td.label.group { min-width: 0; width: 1.4em; writing-mode: vertical-rl; text-orientation: upright; letter-spacing: 0.1em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 2.2em; cursor: pointer; }
td.num.absent { color: var(--vscode-disabledForeground); cursor: default; }
td.num .blank { color: var(--vscode-disabledForeground); }
td.num.error { background: var(--vscode-inputValidation-errorBackground, #f003); color: var(--vscode-errorForeground); outline: 2px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); outline-offset: -2px; font-weight: 600; }
td.num.warning { background: var(--vscode-inputValidation-warningBackground, #fc03); outline: 1px dashed var(--vscode-inputValidation-warningBorder, var(--vscode-editorWarning-foreground)); outline-offset: -2px; }
td.num .expected { display: block; font-size: 0.85em; font-weight: normal; }
td.link { cursor: pointer; }
td[tabindex]:hover, td[tabindex]:focus { background: var(--vscode-list-hoverBackground); outline: 1px solid var(--vscode-focusBorder); }
td.current { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
td.num.error:hover, td.num.error:focus { background: var(--vscode-inputValidation-errorBackground, #f003); }
.checks caption { text-align: left; padding: 4px 0; }
.good { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); } .bad { color: var(--vscode-errorForeground); font-weight: 600; }
td.mark { text-align: center; }
body.vscode-high-contrast th, body.vscode-high-contrast td { border-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast td.num.error { outline: 3px solid var(--vscode-contrastActiveBorder, var(--vscode-errorForeground)); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
let cursor;
// The cell under the editor's cursor is outlined and scrolled into view.
const mark = () => {
  for (const el of root.querySelectorAll('.current')) el.classList.remove('current');
  if (!cursor) return;
  for (const td of root.querySelectorAll('td[data-range]')) {
    const r = JSON.parse(td.dataset.range);
    if (r.start.line === cursor.line && r.start.character <= cursor.character && cursor.character <= r.end.character) {
      td.classList.add('current');
      td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
  }
};
window.addEventListener('message', (e) => {
  if (!e.data) return;
  if (e.data.type === 'render') root.innerHTML = e.data.html;
  if (e.data.type === 'cursor') cursor = e.data.position;
  mark();
});
const reveal = (el) => { const td = el && el.closest('[data-range]'); if (td) vscode.postMessage({ type: 'reveal', range: JSON.parse(td.dataset.range) }); };
document.addEventListener('click', (e) => reveal(e.target));
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') reveal(e.target); });
vscode.postMessage({ type: 'ready' });
`;

/** The whole page; the body is replaced by `render` messages so that scrolling survives updates. */
export function reportViewPage(body: string, nonce: string, cspSource: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style></head>
<body><div id="root">${body}</div><script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}
