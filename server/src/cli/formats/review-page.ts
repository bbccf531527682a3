/// <reference lib="dom" />
// The review page's style and script. `reviewPage` runs in the browser: it is
// written into the page as its own source text (`reviewPage.toString()`), so
// it must use nothing from outside its body. It reads the JSON the writer
// streamed (html.ts), draws the summary as inline SVG charts, and renders the
// files in slices as the reader scrolls.

export const PAGE_STYLE = `
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32;--bg:#fafafa;--fg:#1d1d1f;--mute:#666;--line:#ddd;--mark:#ffe08a}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:var(--bg);color:var(--fg)}
header.top{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:8px 16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
header.top h1{font-size:16px;margin:0 12px 0 0}
header.top input[type=search]{flex:1 1 240px;min-width:160px;padding:4px 8px;font:inherit}
header.top select,header.top button{font:inherit;padding:3px 6px}
main{max-width:1200px;margin:0 auto;padding:12px 16px 64px}
section.summary{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin-bottom:16px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:110px;background:#fff;cursor:pointer;text-align:left;font:inherit}
.card b{display:block;font-size:20px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
.chart h3{font-size:14px;margin:4px 0}
.chart svg{width:100%;height:auto;display:block}
.chart .bar{cursor:pointer}
.chart .bar:focus{outline:2px solid #0b57d0}
.chart .bar:hover rect{opacity:.8}
.chart text{font-size:11px;fill:var(--fg)}
.legend{font-size:12px;color:var(--mute)}
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;vertical-align:middle}
.status{color:var(--mute);margin:8px 0}
section.file,section.summary,.status{scroll-margin-top:64px}
section.file{background:#fff;border:1px solid var(--line);border-radius:6px;margin:0 0 12px;content-visibility:auto;contain-intrinsic-size:auto 160px}
section.file>h2{font-size:14px;margin:0;padding:8px 12px;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;background:#f4f4f6;border-radius:6px 6px 0 0}
section.file>h2 a.path{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.meta{color:var(--mute);font-weight:normal}
.counts{margin-left:auto;font-weight:normal}
.sev{display:inline-block;border-radius:3px;padding:0 5px;color:#fff;font-size:12px;font-weight:600}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}.sev.info{background:var(--info)}.sev.clean{background:var(--ok)}
.finding{padding:8px 12px;border-top:1px solid #eee}
.finding:first-of-type{border-top:0}
.finding .head{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.finding .at{font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--mute)}
.finding .rule{font-family:ui-monospace,Menlo,Consolas,monospace}
.facts{margin:4px 0 0;display:flex;flex-wrap:wrap;gap:6px}
.facts span{background:#f0f0f3;border-radius:3px;padding:0 6px;font-size:12px}
.facts span.expected{background:#e3f2e5}.facts span.actual{background:#fde7e7}
pre.src{margin:6px 0 0;padding:6px 0;background:#f7f7f9;border:1px solid #eee;border-radius:4px;overflow-x:auto;font:12px/1.45 ui-monospace,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace}
pre.src span.ln{display:inline-block;width:5em;padding-right:8px;text-align:right;color:#999;user-select:none}
pre.src div.hit{background:#fff5f5}
pre.src mark{background:var(--mark);outline:1px solid #e0b400}
.error-file{padding:8px 12px;color:var(--err)}
.no-findings{padding:6px 12px;color:var(--ok)}
a{color:#0b57d0}
.toTop{font-size:12px;font-weight:normal}
#more{height:1px}
`;

export function reviewPage(): void {
  type Sev = 'error' | 'warning' | 'info';
  interface Excerpt { first: number; before: string[]; line: [string, string, string]; after: string[] }
  interface Finding { rule: string; severity: Sev; message: string; at: string; line: number; facts: Record<string, unknown>; excerpt?: Excerpt }
  interface File { path: string; href: string; agency?: string; year?: number; profile?: string; findings: Finding[]; error?: string }
  interface Run { lang: 'zh' | 'en'; tool: string; generated: string; notices: string[]; rules: Record<string, { description: string; docs: string }> }

  const files = JSON.parse(document.getElementById('xxgk-files')!.textContent!) as File[];
  const run = JSON.parse(document.getElementById('xxgk-run')!.textContent!) as Run;
  const zh = run.lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  const SEVS: Sev[] = ['error', 'warning', 'info'];
  const SEV_NAME: Record<Sev, string> = { error: T('错误', 'error'), warning: T('警告', 'warning'), info: T('提示', 'info') };
  const COLOR: Record<string, string> = { error: '#c62828', warning: '#e09100', info: '#1565c0', clean: '#2e7d32', failed: '#777' };
  const SLICE = 40;

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const svg = (tag: string, attrs: Record<string, string | number>, ...kids: Node[]) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    for (const k of kids) e.append(k);
    return e;
  };
  const count = (f: File, s: Sev) => f.findings.reduce((n, d) => n + (d.severity === s ? 1 : 0), 0);
  const state = (f: File) => (f.error ? 'failed' : count(f, 'error') ? 'error' : count(f, 'warning') ? 'warning' : 'clean');

  // ---- filters ----
  const filter = { text: '', severity: '', rule: '', year: '', agency: '', state: '' };
  const matches = (f: File): boolean => {
    if (filter.state && state(f) !== filter.state) return false;
    if (filter.year && String(f.year ?? '?') !== filter.year) return false;
    if (filter.agency && (f.agency ?? '?') !== filter.agency) return false;
    if ((filter.severity || filter.rule) && !f.findings.some(shows)) return false;
    if (filter.text) {
      const q = filter.text.toLowerCase();
      const hay = `${f.path}\n${f.agency ?? ''}\n${f.year ?? ''}\n${f.error ?? ''}`.toLowerCase();
      if (!hay.includes(q) && !f.findings.some((d) => `${d.rule}\n${d.message}`.toLowerCase().includes(q))) return false;
    }
    return true;
  };
  const shows = (d: Finding) => (!filter.severity || d.severity === filter.severity) && (!filter.rule || d.rule === filter.rule);

  // ---- summary ----
  const totals: Record<Sev, number> = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, Record<Sev, number>>();
  const byAgency = new Map<string, Record<string, number>>();
  const byYear = new Map<string, Record<string, number>>();
  const byState: Record<string, number> = { clean: 0, warning: 0, error: 0, failed: 0 };
  for (const f of files) {
    const s = state(f);
    byState[s]++;
    for (const [map, key] of [[byAgency, f.agency ?? '?'], [byYear, String(f.year ?? '?')]] as const) {
      const row = map.get(key) ?? { clean: 0, warning: 0, error: 0, failed: 0 };
      row[s]++;
      map.set(key, row);
    }
    for (const d of f.findings) {
      totals[d.severity]++;
      const r = byRule.get(d.rule) ?? { error: 0, warning: 0, info: 0 };
      r[d.severity]++;
      byRule.set(d.rule, r);
    }
  }

  /** A horizontal stacked bar chart; clicking a bar sets a filter. */
  const chart = (title: string, rows: [string, Record<string, number>][], keys: string[], onPick: (label: string) => void, limit = 15) => {
    const shown = rows.slice(0, limit);
    const max = Math.max(1, ...shown.map(([, v]) => keys.reduce((n, k) => n + (v[k] ?? 0), 0)));
    const rowH = 20;
    const labelW = 150;
    const W = 460;
    const box = svg('svg', { viewBox: `0 0 ${W} ${shown.length * rowH + 4}`, role: 'img', 'aria-label': title });
    shown.forEach(([label, v], i) => {
      const g = svg('g', { class: 'bar', transform: `translate(0,${i * rowH + 2})`, 'data-label': label });
      const name = svg('text', { x: labelW - 6, y: 14, 'text-anchor': 'end' });
      name.textContent = label.length > 16 ? `${label.slice(0, 15)}…` : label;
      const tip = svg('title', {});
      tip.textContent = `${label}: ${keys.map((k) => `${k} ${v[k] ?? 0}`).join(', ')}`;
      g.append(tip, name);
      let x = labelW;
      let total = 0;
      for (const k of keys) {
        const n = v[k] ?? 0;
        total += n;
        const w = (n / max) * (W - labelW - 50);
        if (w > 0) g.append(svg('rect', { x, y: 3, width: Math.max(w, 1), height: rowH - 6, fill: COLOR[k] }));
        x += w;
      }
      const num = svg('text', { x: x + 4, y: 14 });
      num.textContent = String(total);
      g.append(num);
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.addEventListener('click', () => onPick(label));
      g.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
          e.preventDefault();
          onPick(label);
        }
      });
      box.append(g);
    });
    const legend = el('div', { class: 'legend' });
    for (const k of keys) legend.append(el('i', { style: `background:${COLOR[k]}` }), k === 'clean' ? T('无问题', 'clean') : k === 'failed' ? T('无法读取', 'unreadable') : SEV_NAME[k as Sev]);
    const more = rows.length > limit ? el('div', { class: 'legend' }, T(`另有 ${rows.length - limit} 项未画出；用上方的搜索查找。`, `${rows.length - limit} more not drawn; use the search above.`)) : '';
    return el('div', { class: 'chart' }, el('h3', {}, title), box, legend, more);
  };
  const sortDesc = (m: Map<string, Record<string, number>>, keys: string[]) => [...m].sort((a, b) => keys.reduce((n, k) => n + (b[1][k] ?? 0) - (a[1][k] ?? 0), 0) || (a[0] < b[0] ? -1 : 1));

  const app = document.getElementById('app')!;
  const search = el('input', { type: 'search', placeholder: T('搜索文件、机关、规则、消息…', 'Search files, agencies, rules, messages…'), 'aria-label': T('搜索', 'Search') }) as HTMLInputElement;
  const option = (value: string, label: string) => el('option', { value }, label);
  const sevSelect = el('select', { 'aria-label': T('严重程度', 'Severity') }, option('', T('全部级别', 'All severities')), ...SEVS.map((s) => option(s, SEV_NAME[s]))) as HTMLSelectElement;
  const ruleSelect = el('select', { 'aria-label': T('规则', 'Rule') }, option('', T('全部规则', 'All rules')), ...[...byRule.keys()].sort().map((r) => option(r, r))) as HTMLSelectElement;
  const stateSelect = el('select', { 'aria-label': T('文件', 'Files') }, option('', T('全部文件', 'All files')), option('error', T('有错误', 'with errors')), option('warning', T('仅有警告', 'warnings only')), option('clean', T('无问题', 'clean')), option('failed', T('无法读取', 'unreadable'))) as HTMLSelectElement;
  const reset = el('button', { type: 'button' }, T('清除筛选', 'Clear filters'));
  // For printing or the browser's own find, which see only what is loaded.
  const loadAll = el('button', { type: 'button', title: T('载入全部文件（用于打印或浏览器查找）', 'Load every file (to print, or for the browser’s find)') }, T('全部载入', 'Load all'));
  const status = el('div', { class: 'status', role: 'status' });
  const list = el('div', { id: 'files' });
  const more = el('div', { id: 'more' });

  const summary = el('section', { class: 'summary', id: 'summary' });
  const card = (label: string, n: number, onClick: () => void, name = '') => {
    const b = el('button', { type: 'button', class: 'card', 'data-card': name }, el('b', {}, String(n)), label);
    b.addEventListener('click', onClick);
    return b;
  };
  summary.append(
    el('h2', {}, T('概览', 'Summary')),
    el(
      'div',
      { class: 'cards' },
      card(T('文件', 'files'), files.length, () => setFilter({ state: '' })),
      card(T('有错误的文件', 'files with errors'), byState.error, () => setFilter({ state: 'error' })),
      card(T('仅有警告的文件', 'files with warnings only'), byState.warning, () => setFilter({ state: 'warning' })),
      card(T('无问题的文件', 'clean files'), byState.clean, () => setFilter({ state: 'clean' })),
      ...(byState.failed ? [card(T('无法读取的文件', 'unreadable files'), byState.failed, () => setFilter({ state: 'failed' }))] : []),
      card(T('错误', 'errors'), totals.error, () => setFilter({ severity: 'error' }), 'error'),
      card(T('警告', 'warnings'), totals.warning, () => setFilter({ severity: 'warning' }), 'warning'),
      card(T('提示', 'info'), totals.info, () => setFilter({ severity: 'info' }), 'info'),
    ),
    el(
      'div',
      { class: 'charts' },
      chart(T('按规则（点击筛选）', 'By rule (click to filter)'), [...byRule].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || (a[0] < b[0] ? -1 : 1)), SEVS, (rule) => setFilter({ rule }), 30),
      chart(T('按年度', 'By year'), [...byYear].sort((a, b) => (a[0] === '?' ? 1 : b[0] === '?' ? -1 : a[0] < b[0] ? 1 : -1)), ['error', 'warning', 'clean', 'failed'], (year) => setFilter({ year })),
      chart(T('按机关（问题最多的）', 'By agency (most findings first)'), sortDesc(byAgency, ['error', 'warning']), ['error', 'warning', 'clean', 'failed'], (agency) => setFilter({ agency })),
      chart(T('是否通过', 'Clean or not'), [[T('全部文件', 'all files'), byState]], ['clean', 'warning', 'error', 'failed'], () => setFilter({ state: '' })),
    ),
    ...(run.notices.length ? [el('details', {}, el('summary', {}, T(`运行提示 ${run.notices.length} 条`, `${run.notices.length} run notices`)), el('pre', {}, run.notices.join('\n')))] : []),
    el('p', { class: 'legend' }, `${run.tool} · ${run.generated}`),
  );
  app.append(el('header', { class: 'top' }, el('h1', {}, T('年度报告检查结果', 'Annual report review')), search, sevSelect, ruleSelect, stateSelect, reset, loadAll), el('main', {}, summary, status, list, more));

  // ---- files, rendered in slices ----
  const renderFinding = (d: Finding) => {
    const doc = run.rules[d.rule];
    const rule = doc ? el('a', { class: 'rule', href: doc.docs, title: doc.description, target: '_blank', rel: 'noopener' }, d.rule) : el('span', { class: 'rule' }, d.rule);
    const box = el('div', { class: `finding ${d.severity}`, 'data-rule': d.rule }, el('div', { class: 'head' }, el('span', { class: `sev ${d.severity}` }, SEV_NAME[d.severity]), el('span', { class: 'at' }, d.at), rule, el('span', { class: 'msg' }, d.message)));
    const facts = Object.entries(d.facts).filter(([k]) => k !== 'cell' && k !== 'parts');
    if (facts.length) {
      const label: Record<string, string> = zh ? { expected: '应为', actual: '实为', stated: '正文', table: '表中', lastYear: '上年', thisYear: '本年', in: '收入', out: '支出' } : {};
      box.append(el('div', { class: 'facts' }, ...facts.map(([k, v]) => el('span', { class: k }, `${label[k] ?? k}: ${v === null ? '—' : String(v)}`))));
    }
    const x = d.excerpt;
    if (x) {
      const pre = el('pre', { class: 'src' });
      let n = x.first + 1;
      const plain = (s: string) => el('div', {}, el('span', { class: 'ln' }, String(n++)), s);
      for (const s of x.before) pre.append(plain(s));
      pre.append(el('div', { class: 'hit' }, el('span', { class: 'ln' }, String(n++)), x.line[0], el('mark', {}, x.line[1] || ' '), x.line[2]));
      n += x.line[1].split('\n').length - 1;
      for (const s of x.after) pre.append(plain(s));
      box.append(pre);
    }
    return box;
  };
  const renderFile = (f: File, i: number) => {
    const counts = SEVS.map((s) => [s, count(f, s)] as const).filter(([, n]) => n > 0);
    const head = el(
      'h2',
      {},
      el('a', { class: 'path', href: f.href }, f.path),
      el('span', { class: 'meta' }, [f.agency, f.year ? `${f.year}${T('年度', '')}` : '', f.profile ? T(`${f.profile} 版模板`, `${f.profile} template`) : ''].filter(Boolean).join(' · ')),
      el('span', { class: 'counts' }, ...(f.error ? [el('span', { class: 'sev error' }, T('无法读取', 'unreadable'))] : counts.length ? counts.map(([s, n]) => el('span', { class: `sev ${s}` }, `${SEV_NAME[s]} ${n}`)) : [el('span', { class: 'sev clean' }, T('无问题', 'clean'))])),
      el('a', { class: 'toTop', href: '#summary' }, T('↑ 概览', '↑ summary')),
    );
    const sec = el('section', { class: 'file', id: `file-${i + 1}`, 'data-path': f.path }, head);
    if (f.error) sec.append(el('div', { class: 'error-file' }, f.error));
    const ds = f.findings.filter(shows);
    if (!f.error && f.findings.length === 0) sec.append(el('div', { class: 'no-findings' }, T('未发现问题。', 'No findings.')));
    for (const d of ds) sec.append(renderFinding(d));
    return sec;
  };

  let view: number[] = [];
  let rendered = 0;
  const renderMore = () => {
    const end = Math.min(view.length, rendered + SLICE);
    const frag = document.createDocumentFragment();
    for (; rendered < end; rendered++) frag.append(renderFile(files[view[rendered]], view[rendered]));
    list.append(frag);
    status.textContent = T(`显示 ${view.length} / ${files.length} 个文件（已载入 ${rendered} 个，向下滚动载入更多）`, `Showing ${view.length} of ${files.length} files (${rendered} loaded; scroll for more)`);
    if (rendered >= view.length) status.textContent = T(`显示 ${view.length} / ${files.length} 个文件`, `Showing ${view.length} of ${files.length} files`);
  };
  const refresh = () => {
    view = [];
    for (let i = 0; i < files.length; i++) if (matches(files[i])) view.push(i);
    rendered = 0;
    list.replaceChildren();
    renderMore();
    requestAnimationFrame(fill);
  };
  const setFilter = (f: Partial<typeof filter>) => {
    Object.assign(filter, f);
    sevSelect.value = filter.severity;
    ruleSelect.value = filter.rule;
    stateSelect.value = filter.state;
    refresh();
    status.scrollIntoView({ block: 'start' });
  };
  // Load the next slice when the end of the list comes near; a short slice leaves it near, so check again next frame.
  const near = () => more.getBoundingClientRect().top < window.innerHeight + 1200;
  const fill = () => {
    if (rendered < view.length && near()) {
      renderMore();
      requestAnimationFrame(fill);
    }
  };
  new IntersectionObserver(fill, { rootMargin: '1200px' }).observe(more);
  window.addEventListener('scroll', fill, { passive: true });
  let typing: number | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => setFilter({ text: search.value.trim() }), 150);
  });
  sevSelect.addEventListener('change', () => setFilter({ severity: sevSelect.value }));
  ruleSelect.addEventListener('change', () => setFilter({ rule: ruleSelect.value }));
  stateSelect.addEventListener('change', () => setFilter({ state: stateSelect.value }));
  loadAll.addEventListener('click', () => {
    while (rendered < view.length) renderMore();
  });
  reset.addEventListener('click', () => {
    search.value = '';
    setFilter({ text: '', severity: '', rule: '', year: '', agency: '', state: '' });
  });
  // A link to #file-N renders up to that file first.
  const jump = () => {
    const m = /^#file-(\d+)$/.exec(location.hash);
    if (!m) return;
    const at = view.indexOf(Number(m[1]) - 1);
    while (at >= rendered && rendered < view.length) renderMore();
    document.getElementById(`file-${m[1]}`)?.scrollIntoView();
  };
  window.addEventListener('hashchange', jump);
  refresh();
  jump();
  (window as unknown as { xxgkReview: unknown }).xxgkReview = {
    files: files.length,
    findings: files.reduce((n, f) => n + f.findings.length, 0),
    rendered: () => rendered,
    shown: () => view.length,
    renderAll: () => {
      while (rendered < view.length) renderMore();
    },
  };
}
