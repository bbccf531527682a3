// --format html: one self-contained review page (styles, script and charts
// inline, nothing fetched). Streamed like the other formats: the files' data
// goes into a JSON script element one file per line, and the page's script
// draws the summary and renders the files lazily as the reader scrolls, so a
// page of 10,000 reports opens at once.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic, Lang } from '../../core/types';
import { allRules } from '../../rules';
import type { Excerpt } from '../excerpt';
import { TOOL_NAME, VERSION } from '../version';
import type { Formatter } from './formatter';
import { PAGE_STYLE, reviewPage } from './review-page';

/** One finding as the page reads it (short keys: a big batch makes a big page). */
export interface PageFinding {
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  /** 1-based line and column, or the place in a converted original (`表3 第5行 第2列`). */
  at: string;
  line: number;
  /** Scalar facts: expected, actual, stated, … */
  facts: Record<string, string | number | boolean | null>;
  excerpt?: Excerpt;
}

export interface PageFile {
  path: string;
  /** Link to the file, relative to the page. */
  href: string;
  agency?: string;
  year?: number;
  profile?: string;
  findings: PageFinding[];
  error?: string;
}

/** `outputFile`: where the page is written, so links to the reports are relative to it. */
export function htmlFormatter(lang: Lang, outputFile?: string): Formatter {
  const base = outputFile ? dirname(resolve(outputFile)) : process.cwd();
  let first = true;
  const entry = (f: PageFile) => {
    const chunk = (first ? '\n' : ',\n') + scriptJson(f);
    first = false;
    return chunk;
  };
  const href = (path: string) => (isAbsolute(path) || /^[a-z]+:\/\//i.test(path) ? path : relative(base, resolve(path)).split('\\').join('/')).split('/').map(encodeURIComponent).join('/');
  return {
    header: () =>
      `<!doctype html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<meta name="generator" content="${TOOL_NAME} ${VERSION}">\n<title>${lang === 'zh' ? '年度报告检查结果' : 'Annual report review'} — ${TOOL_NAME}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>\n` +
      `<noscript>${lang === 'zh' ? '此页需要启用 JavaScript。' : 'This page needs JavaScript.'}</noscript>\n<div id="app"></div>\n<script type="application/json" id="xxgk-files">[`,
    file: (f) =>
      entry({
        path: f.path,
        href: href(f.path),
        agency: f.meta?.agency,
        year: f.meta?.year,
        profile: f.profile,
        findings: f.diagnostics.map((d, i) => finding(d, f.excerpts?.[i])),
      }),
    failed: (path, error) => entry({ path, href: href(path), findings: [], error }),
    footer: (info) => {
      const run = {
        lang,
        tool: `${TOOL_NAME} ${VERSION}`,
        generated: new Date().toISOString(),
        notices: info.notices,
        rules: Object.fromEntries(allRules.map((r) => [r.id, { description: r.description[lang], docs: r.docs }])),
      };
      return `\n]</script>\n<script type="application/json" id="xxgk-run">${scriptJson(run)}</script>\n<script>(${reviewPage.toString()})();</script>\n</body>\n</html>\n`;
    },
  };
}

function finding(d: Diagnostic, excerpt: Excerpt | undefined): PageFinding {
  const facts: PageFinding['facts'] = {};
  for (const [k, v] of Object.entries(d.data ?? {})) {
    if (k !== 'place' && (v === null || ['string', 'number', 'boolean'].includes(typeof v))) facts[k] = v as string | number | boolean | null;
  }
  const place = d.data?.place;
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    at: typeof place === 'string' ? place : `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    line: d.range.start.line + 1,
    facts,
    ...(excerpt ? { excerpt } : {}),
  };
}

/** JSON safe inside a script element: no `</script>`, no `<!--`. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
