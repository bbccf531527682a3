// Renders a seed report (Word-exported text) in the shapes of test/shapes:
// an HTML page with merged header cells and page chrome, and flattened web
// text. Built from the parsed report: the lines before the first heading, then
// each section's heading, its prose lines (outside its table) and its table
// rewritten with the values read.
import { parseReport } from '../../server/src/core/parse';
import { type GridTableSpec, type Template } from '../../server/src/core/template';
import { builtInTemplates } from '../../server/src/core/templates';
import type { Range, Report, Table } from '../../server/src/core/types';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const within = (line: number, r: Range) => line >= r.start.line && line <= r.end.line;
const cellText = (s: string) => (s === '' ? '&nbsp;' : esc(s));

interface Block {
  kind: 'title' | 'heading' | 'p' | 'table';
  text?: string;
  table?: string;
}

/** The report as blocks: title lines, headings, prose lines and tables (by key), in order. */
export function blocksOf(text: string): { report: Report; blocks: Block[] } {
  const report = parseReport(text);
  const blocks: Block[] = [];
  const first = report.sections.length ? report.sections[0].headingRange.start.line : report.lines.length;
  for (let i = 0; i < first; i++) {
    const s = report.lines[i].trim();
    if (!s || s.includes('\t')) continue;
    blocks.push({ kind: report.title && within(i, report.title.range) ? 'title' : 'p', text: s });
  }
  for (const s of report.sections) {
    blocks.push({ kind: 'heading', text: report.lines[s.headingRange.start.line].replace(/\[bookmark:[^\]]*\]/g, '').trim().replace(/^#+\s*/, '') });
    const table = Object.values(report.tables).find((t) => t.range.start.line > s.headingRange.start.line && t.range.start.line <= s.bodyRange.end.line);
    let placed = false;
    for (let i = s.headingRange.start.line + 1; i <= s.bodyRange.end.line && i < report.lines.length; i++) {
      if (i === s.bodyRange.end.line && s.bodyRange.end.character === 0) break;
      if (table && within(i, table.range)) {
        if (!placed) blocks.push({ kind: 'table', table: table.key });
        placed = true;
        continue;
      }
      const line = report.lines[i];
      if (line.includes('\t') || !line.trim() || /^\|/.test(line.trim())) continue;
      blocks.push({ kind: 'p', text: line.trim() });
    }
    if (table && !placed) blocks.push({ kind: 'table', table: table.key });
  }
  return { report, blocks };
}

const CHROME_TOP = `<div class="top-nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; 政府信息公开年度报告</div>
<div class="article-tools"><span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a></div>`;
const CHROME_BOTTOM = `<div class="fj">附件下载：<a href="/a.docx">政府信息公开工作年度报告.docx</a></div>
<div class="btns"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="footer">版权所有：某某人民政府办公室 网站标识码 1234567890</div>`;

/** The seed as a web page: title in `<title>` and `<h1>`, headings in `<h3>`, tables with rowspan/colspan, chrome around. */
export function renderHtmlPage(text: string, opts: { minify?: boolean; titleOnlyInHead?: boolean; layoutTable?: boolean } = {}): string {
  const { report, blocks } = blocksOf(text);
  const t = builtInTemplates.get(report.profile);
  const titleText = blocks.filter((b) => b.kind === 'title').map((b) => b.text).join('');
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') {
      if (!opts.titleOnlyInHead) body.push(`<h1 class="title">${esc(b.text!)}</h1>`);
    } else if (b.kind === 'heading') body.push(`<h3>${esc(b.text!)}</h3>`);
    else if (b.kind === 'p') body.push(`<p style="text-indent:2em">${esc(b.text!)}</p>`);
    else body.push(renderHtmlTable(t, report.tables[b.table!]));
  }
  const page = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(titleText)}_某某人民政府网</title>
<style>td { border: 1px solid #000; }</style>
<script>var title = "一、总体情况"; document.write('<p>二、主动公开政府信息情况</p>');</script>
</head>
<body>
${CHROME_TOP}
${opts.layoutTable ? '<table width="100%"><tr><td class="left">栏目导航</td><td>' : ''}<div class="article">
${body.join('\n')}
</div>${opts.layoutTable ? '</td></tr></table>' : ''}
${CHROME_BOTTOM}
<script>window.onload = function () {};</script>
</body>
</html>
`;
  return opts.minify ? page.replace(/\n/g, '') : page;
}

function values(table: Table | undefined, row: string, columns: string[]): string[] {
  const r = table?.rows.find((x) => x.key === row);
  return columns.map((c) => r?.cells[c]?.text ?? '');
}

export function renderHtmlTable(t: Template, table: Table): string {
  if (table.key === 'proactive') return proactiveHtml(t, table);
  if (table.key === 'review') return reviewHtml(t.tables.review, table);
  return requestsHtml(t.tables.requests, table);
}

function proactiveHtml(t: Template, table: Table): string {
  const out: string[] = ['<table class="MsoTableGrid" border="1">'];
  const width = Math.max(...t.tables.proactive.blocks.map((b) => b.columns.length)) + 1;
  for (const block of t.tables.proactive.blocks) {
    out.push(`<tr><td colspan="${width}"><p align="center"><b>${esc(block.label)}</b></p></td></tr>`);
    const pad = width - 1 - block.columns.length;
    out.push(`<tr><td>信息内容</td>${block.columns.map((c, i) => `<td${i === block.columns.length - 1 && pad ? ` colspan="${pad + 1}"` : ''}>${esc(c.label)}</td>`).join('')}</tr>`);
    for (const row of block.rows) {
      if (!table.rows.some((r) => r.key === row.key)) continue;
      const vs = values(table, row.key, block.columns.map((c) => c.key));
      out.push(`<tr><td>${esc(row.label)}</td>${vs.map((v, i) => `<td${i === vs.length - 1 && pad ? ` colspan="${pad + 1}"` : ''}>${cellText(v)}</td>`).join('')}</tr>`);
    }
  }
  out.push('</table>');
  return out.join('\n');
}

function requestsHtml(spec: GridTableSpec, table: Table): string {
  const cols = spec.columns.map((c) => c.key);
  const orgs = spec.columns.filter((c) => c.group === '法人或其他组织');
  const out: string[] = ['<table border="1" cellspacing="0">', '<tbody>'];
  out.push(`<tr><td colspan="3" rowspan="3">${esc(spec.corner ?? '')}</td><td colspan="${cols.length}"><span>申请人情况</span></td></tr>`);
  out.push(`<tr><td rowspan="2">自然人</td><td colspan="${orgs.length}">法人或其他组织</td><td rowspan="2">总计</td></tr>`);
  out.push(`<tr>${orgs.map((c) => `<td>${esc(c.label)}</td>`).join('')}</tr>`);
  const rows = spec.rows.filter((r) => table.rows.some((x) => x.key === r.key));
  const resultKeys = rows.filter((r) => r.key !== 'received' && r.key !== 'carriedIn' && r.key !== 'carriedOut');
  rows.forEach((r, i) => {
    const vs = values(table, r.key, cols).map((v) => `<td>${cellText(v)}</td>`).join('');
    if (r.key === 'received' || r.key === 'carriedIn' || r.key === 'carriedOut') {
      out.push(`<tr><td colspan="3">${esc(r.label)}</td>${vs}</tr>`);
      return;
    }
    let lead = '';
    if (r === resultKeys[0]) lead += `<td rowspan="${resultKeys.length}">${esc(r.group ?? '三、本年度办理结果')}</td>`;
    const sub = /^\d/.test(r.label);
    if (sub) {
      if (r.group) {
        let n = 1;
        while (rows[i + n] && /^\d/.test(rows[i + n].label) && !rows[i + n].group) n++;
        lead += `<td rowspan="${n}">${esc(r.group)}</td>`;
      }
      out.push(`<tr>${lead}<td>${esc(r.label)}</td>${vs}</tr>`);
    } else {
      out.push(`<tr>${lead}<td colspan="2">${esc(r.label)}</td>${vs}</tr>`);
    }
  });
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

function reviewHtml(spec: GridTableSpec, table: Table): string {
  const cols = spec.columns.map((c) => c.key);
  const sub = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const out: string[] = ['<table border="1">'];
  out.push('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>');
  out.push(`<tr>${sub.map((s) => `<td rowspan="2">${s}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>`);
  out.push(`<tr>${[...sub, ...sub].map((s) => `<td>${s}</td>`).join('')}</tr>`);
  const r = table.rows[0];
  if (r) out.push(`<tr>${values(table, r.key!, cols).map((v) => `<td>&nbsp;${cellText(v)}&nbsp;</td>`).join('')}</tr>`);
  out.push('</table>');
  return out.join('\n');
}

/** The seed as Markdown whose tables are HTML fragments (what converters emit for merged cells). */
export function renderMarkdownWithHtml(text: string): string {
  const { report, blocks } = blocksOf(text);
  const t = builtInTemplates.get(report.profile);
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') out.push(`# ${b.text}`);
    else if (b.kind === 'heading') out.push(`## ${b.text}`);
    else if (b.kind === 'p') out.push(b.text!);
    else out.push(renderHtmlTable(t, report.tables[b.table!]));
  }
  return out.join('\n\n') + '\n';
}

/**
 * The seed as flattened web text: each table row's label and numbers run
 * together (`一、本年新收政府信息公开申请数量6000006`), group labels run into
 * their first row, header words run together. Table 二's numbers keep one
 * space between them (nothing else could tell `8855698` apart). `oneLine`: each
 * table on a single line.
 */
export function renderFlat(text: string, opts: { oneLine?: boolean; sep?: string } = {}): string {
  const { report, blocks } = blocksOf(text);
  const t = builtInTemplates.get(report.profile);
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table') {
      out.push(b.text!);
      continue;
    }
    const lines = flatTableLines(t, report.tables[b.table!], opts.sep ?? '');
    if (opts.oneLine) out.push(lines.join(''));
    else out.push(...lines);
  }
  return out.join('\n') + '\n';
}

function flatTableLines(t: Template, table: Table, sep: string): string[] {
  const lines: string[] = [];
  if (table.key === 'proactive') {
    for (const block of t.tables.proactive.blocks) {
      lines.push(`${block.label}信息内容${block.columns.map((c) => c.label).join('')}`);
      for (const row of block.rows) {
        const vs = values(table, row.key, block.columns.map((c) => c.key));
        if (table.rows.some((r) => r.key === row.key)) lines.push(`${row.label}${vs.join(' ')}`);
      }
    }
  } else if (table.key === 'review') {
    lines.push('行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计');
    const r = table.rows[0];
    if (r) lines.push(values(table, r.key!, t.tables.review.columns.map((c) => c.key)).join(sep));
  } else {
    const spec = t.tables.requests;
    lines.push(`${spec.corner ?? ''}申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他`);
    for (const row of spec.rows) {
      if (!table.rows.some((r) => r.key === row.key)) continue;
      const vs = values(table, row.key, spec.columns.map((c) => c.key));
      lines.push(`${row.group ?? ''}${row.label}${vs.join(sep)}`);
    }
  }
  return lines;
}

/**
 * The seed as a crawler saves a page: header lines (`标题: …`, `原文链接: …`),
 * a `正文` mark, then the whole body on one line, blocks separated by a space,
 * each table flattened into the line. The title is only in the header.
 */
export function renderCrawled(text: string): string {
  const { report, blocks } = blocksOf(text);
  const t = builtInTemplates.get(report.profile);
  const title = blocks.filter((b) => b.kind === 'title').map((b) => b.text).join('');
  const body = blocks
    .filter((b) => b.kind !== 'title')
    .map((b) => (b.kind === 'table' ? flatTableLines(t, report.tables[b.table!], '').join('') : b.text))
    .join(' ');
  return [
    `标题: ${title}`,
    '发布时间: 2024-01-20 10:00',
    '文号: ',
    `发布机构: ${report.title?.agency ?? ''}`,
    '栏目: 政府信息公开工作年度报告',
    '原文链接: https://www.example.gov.cn/zwgk/202401/t20240120_1.htm',
    '==================== 正文 ====================',
    body,
    '',
  ].join('\n');
}
