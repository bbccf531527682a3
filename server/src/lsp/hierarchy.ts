// hierarchy-sum in the editor: the workspace's xxgk-hierarchy.json (at the
// root of a workspace folder, the same JSON as the CLI's --hierarchy) names
// summary reports and their units. When the document open is a summary, its
// units are read (open documents first, then the files on disk) and its cells
// checked against their sums. Parsed units are cached by file time.
import { readFileSync, statSync } from 'node:fs';
import { isTextReportFile } from '../sources/extensions';
import { readReportText } from '../sources/read-text';
import { walkReportFiles } from '../sources/report-files';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeText, sameAgency } from '../core/cross-year';
import { parseReport } from '../core/parse';
import { squash } from '../core/text';
import type { Diagnostic, Lang, LintOptions, Report, Severity } from '../core/types';
import { checkHierarchy, hierarchySum, parseHierarchy, type Hierarchy, type Unit } from '../rules/hierarchy-sum';

export const HIERARCHY_FILE = 'xxgk-hierarchy.json';
const MAX_FILES = 2000;
const RESCAN_MS = 30_000;

interface OpenDocument {
  uri: string;
  getText(): string;
}

export class WorkspaceHierarchy {
  private roots: string[] = [];
  private parsed = new Map<string, { mtimeMs: number; report: Report }>();
  private described = new Map<string, { mtimeMs: number; agency?: string; year?: number }>();
  private listed: { at: number; base: string; files: string[] } = { at: 0, base: '', files: [] };

  setRoots(uris: string[]): void {
    this.roots = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /** The hierarchy-sum diagnostics of the document, when a hierarchy file names it as a summary. */
  check(uri: string, report: Report, open: OpenDocument[], options: LintOptions): Diagnostic[] {
    const setting = options.rules?.[hierarchySum.id] ?? hierarchySum.severity;
    if (setting === 'off' || !uri.startsWith('file:')) return [];
    const path = fileURLToPath(uri);
    const out: Diagnostic[] = [];
    for (const { file, hierarchy } of this.files()) {
      const base = dirname(file);
      for (const [parentRef, unitRefs] of Object.entries(hierarchy)) {
        if (!names(parentRef, base, path, report)) continue;
        const units = unitRefs.map((ref) => this.unit(ref, base, report.year, open, options));
        out.push(...checkHierarchy({ uri, report }, units, { lang: options.lang as Lang, severity: setting as Severity }));
      }
    }
    return out;
  }

  private files(): { file: string; hierarchy: Hierarchy }[] {
    return this.roots.flatMap((root) => {
      const file = join(root, HIERARCHY_FILE);
      try {
        const hierarchy = parseHierarchy(readFileSync(file, 'utf8'));
        return typeof hierarchy === 'string' ? [] : [{ file, hierarchy }];
      } catch {
        return [];
      }
    });
  }

  private unit(ref: string, base: string, year: number | undefined, open: OpenDocument[], options: LintOptions): Unit {
    const lang = options.lang === 'en' ? 'en' : 'zh';
    const path = resolve(base, ref);
    const doc = open.find((d) => d.uri.startsWith('file:') && fileURLToPath(d.uri) === path);
    if (doc) return { uri: doc.uri, name: ref, report: parseReport(doc.getText(), { profile: options.profile }) };
    const onDisk = this.read(path, options) ? path : this.byName(ref, base, year);
    const report = onDisk ? this.read(onDisk, options) : undefined;
    return report
      ? { uri: pathToFileURL(onDisk!).toString(), name: ref, report }
      : { uri: pathToFileURL(path).toString(), name: ref, problem: lang === 'en' ? 'not found' : '未找到' };
  }

  /** A report of that agency and year in the hierarchy file's folder (titles read once per file time). */
  private byName(name: string, base: string, year: number | undefined): string | undefined {
    const wanted = squash(name);
    if (Date.now() - this.listed.at > RESCAN_MS || this.listed.base !== base) this.listed = { at: Date.now(), base, files: reportFiles(base) };
    return this.listed.files.find((p) => {
      const c = this.describe(p);
      return !!c?.agency && sameAgency(c.agency, wanted) && (year === undefined || c.year === year);
    });
  }

  private describe(path: string): { agency?: string; year?: number } | undefined {
    try {
      const { mtimeMs } = statSync(path);
      const hit = this.described.get(path);
      if (hit && hit.mtimeMs === mtimeMs) return hit;
      const c = { ...describeText(path, readReportText(path)), mtimeMs };
      this.described.set(path, c);
      return c;
    } catch {
      return undefined;
    }
  }

  private read(path: string, options: LintOptions): Report | undefined {
    try {
      const { mtimeMs } = statSync(path);
      const hit = this.parsed.get(path);
      if (hit && hit.mtimeMs === mtimeMs) return hit.report;
      const report = parseReport(readReportText(path), { profile: options.profile });
      this.parsed.set(path, { mtimeMs, report });
      return report;
    } catch {
      return undefined;
    }
  }
}

/** Whether the hierarchy's `ref` names the document: its path, or its agency when no such file exists. */
function names(ref: string, base: string, path: string, report: Report): boolean {
  const target = resolve(base, ref);
  if (target === path) return true;
  const agency = report.title?.agency;
  return !!agency && !statSync(target, { throwIfNoEntry: false }) && sameAgency(squash(agency), squash(ref));
}

function reportFiles(dir: string): string[] {
  const out: string[] = [];
  walkReportFiles(dir, isTextReportFile, (p) => {
    if (out.length >= MAX_FILES) return false;
    out.push(p);
  });
  return out;
}
