// `file:line:col severity rule message`, 1-based for people and for the
// file:line:col links that terminals and editors understand.
import type { CheckedFile, Formatter } from './formatter';

export function textFormatter(): Formatter {
  return {
    header: () => '',
    file: (f) =>
      f.diagnostics
        .map((d) => `${f.path}:${where(d)} ${d.severity} ${d.rule} ${oneLine(d.message)}\n`)
        .join(''),
    // Already said on stderr, where the text format's messages go.
    failed: () => '',
    footer: () => '',
  };
}

/** line:col, or for a converted file (.docx) the place in the original, e.g. `表3 第5行 第2列`. */
function where(d: CheckedFile['diagnostics'][number]): string {
  const place = d.data?.place;
  return typeof place === 'string' ? place : `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

function oneLine(s: string): string {
  // split + trim, not one regex: a long run of spaces must not cost quadratic time.
  return s.includes('\n') || s.includes('\r') ? s.split(/\r\n|\r|\n/).map((x) => x.trim()).join(' ') : s;
}
