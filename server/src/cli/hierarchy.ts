// --hierarchy <file>: a summary report and its units' reports, checked by
// hierarchy-sum. The file is JSON mapping each summary report to its units,
// each named by a path (relative to the file) or by an agency name found among
// the files being checked for the summary's year:
//   { "city-2024.txt": ["hongze-2024.txt", "淮安市发展和改革委员会"] }
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeText, sameAgency } from '../core/cross-year';
import { parseReport } from '../core/parse';
import { squash } from '../core/text';
import type { Diagnostic, Report } from '../core/types';
import { checkHierarchy, hierarchySum, parseHierarchy, type Hierarchy, type Unit } from '../rules/hierarchy-sum';
import { UsageError } from './args';
import type { FileTask } from './check-file';
import { readerFor } from './readers';

/** The hierarchy-sum diagnostics of each summary report among the tasks, by its path. */
export async function hierarchyDiagnostics(file: string, tasks: FileTask[]): Promise<Map<string, Diagnostic[]>> {
  const hierarchy = readHierarchy(file);
  const base = dirname(file);
  const byPath = new Map(tasks.map((t) => [resolve(t.path), t]));
  const described = await Promise.all(tasks.map(async (t) => ({ path: t.path, ...describeText(t.path, await textOf(t.path).catch(() => '')) })));
  const out = new Map<string, Diagnostic[]>();
  for (const [parentRef, unitRefs] of Object.entries(hierarchy)) {
    const parentPath = pathOf(parentRef, base) ?? byName(parentRef, described)?.path;
    const task = parentPath ? byPath.get(resolve(parentPath)) : undefined;
    const setting = task?.options.rules?.[hierarchySum.id] ?? hierarchySum.severity;
    if (!task || setting === 'off') continue;
    const parent = await readReport(task.path, task);
    if (!parent) continue; // Its own check says why it cannot be read.
    const units: Unit[] = [];
    for (const ref of unitRefs) {
      const path = pathOf(ref, base) ?? byName(ref, described, parent.year)?.path;
      if (!path) {
        units.push({ uri: ref, name: ref, problem: task.options.lang === 'en' ? 'not found' : '未找到' });
        continue;
      }
      const report = await readReport(path, task);
      units.push(report ? { uri: path, name: ref, report } : { uri: path, name: ref, problem: task.options.lang === 'en' ? 'cannot be read' : '无法读取' });
    }
    const found = checkHierarchy({ uri: task.path, report: parent }, units, { lang: task.options.lang, severity: setting });
    out.set(task.path, [...(out.get(task.path) ?? []), ...found]);
  }
  return out;
}

function readHierarchy(file: string): Hierarchy {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--hierarchy ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const hierarchy = parseHierarchy(json);
  if (typeof hierarchy === 'string') throw new UsageError(`--hierarchy ${file}: ${hierarchy}`);
  return hierarchy;
}

function pathOf(ref: string, base: string): string | undefined {
  return [resolve(base, ref), resolve(ref)].find((p) => existsSync(p));
}

function byName(name: string, described: { path: string; agency?: string; year?: number }[], year?: number) {
  const wanted = squash(name);
  return described.find((d) => d.agency !== undefined && sameAgency(d.agency, wanted) && (year === undefined || d.year === year));
}

async function textOf(path: string): Promise<string> {
  return (await readerFor(path)(readFileSync(path))).text;
}

async function readReport(path: string, task: FileTask): Promise<Report | undefined> {
  try {
    return parseReport(await textOf(path), { profile: task.options.profile });
  } catch {
    return undefined;
  }
}
