// `file:line:col severity rule message`, 1-based for people and for the
// file:line:col links that terminals and editors understand.
import type { Formatter } from './formatter';

export function textFormatter(): Formatter {
  return {
    header: () => '',
    file: (f) =>
      f.diagnostics
        .map((d) => `${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${oneLine(d.message)}\n`)
        .join(''),
    footer: () => '',
  };
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}
