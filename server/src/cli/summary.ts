// The closing line of the text format, on stderr so stdout holds findings only.
import type { Lang } from '../core/types';

export interface Counts {
  files: number;
  error: number;
  warning: number;
  info: number;
  fixed: number;
  failed: number;
  skipped: number;
}

export function summaryLine(c: Counts, lang: Lang, fix: boolean): string {
  if (lang === 'en') {
    const parts = [`${c.files} ${c.files === 1 ? 'file' : 'files'} checked`, `${c.error} ${plural(c.error, 'error')}, ${c.warning} ${plural(c.warning, 'warning')}, ${c.info} info`];
    if (fix) parts.push(`${c.fixed} ${plural(c.fixed, 'file')} fixed`);
    if (c.failed) parts.push(`${c.failed} ${plural(c.failed, 'file')} could not be checked`);
    if (c.skipped) parts.push(`${c.skipped} ${plural(c.skipped, 'file')} skipped (not a report)`);
    return parts.join('; ');
  }
  const parts = [`检查 ${c.files} 个文件`, `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`];
  if (fix) parts.push(`已修复 ${c.fixed} 个文件`);
  if (c.failed) parts.push(`${c.failed} 个文件无法检查`);
  if (c.skipped) parts.push(`跳过 ${c.skipped} 个非年度报告文件`);
  return parts.join('；');
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
