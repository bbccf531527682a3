// carried-over compares a report with last year's report of the same agency
// when both are among the files given. Pairing needs only each file's agency
// and year, read from the title (or the statistics period) without a full
// parse, so a big batch pays little for it. The rule itself then checks the
// years again on the fully parsed reports.
import { readFileSync } from 'node:fs';
import { agencyBucket, describeText, sameAgency } from '../core/cross-year';
import { readerFor } from './readers';

/** For each file whose previous year's report (same agency) is in the list, that report's path. */
export async function pairWithPrevious(paths: string[]): Promise<Map<string, string>> {
  // By year and the tail of the agency name, so that 洪泽区人民政府 meets 淮安市洪泽区人民政府.
  const byBucket = new Map<string, { path: string; agency: string }[]>();
  const described: { path: string; agency: string; year: number }[] = [];
  for (const path of paths) {
    let c;
    try {
      c = describeText(path, (await readerFor(path)(readFileSync(path))).text);
    } catch {
      continue; // Unreadable files are reported by the main pass.
    }
    if (!c.agency || c.year === undefined) continue;
    const key = `${agencyBucket(c.agency)}\u0000${c.year}`;
    const list = byBucket.get(key) ?? [];
    list.push({ path, agency: c.agency });
    byBucket.set(key, list);
    described.push({ path, agency: c.agency, year: c.year });
  }
  const pairs = new Map<string, string>();
  for (const d of described) {
    // Several reports of one agency and year: the first by path is "last year's".
    const prev = byBucket.get(`${agencyBucket(d.agency)}\u0000${d.year - 1}`)?.find((c) => sameAgency(c.agency, d.agency));
    if (prev) pairs.set(d.path, prev.path);
  }
  return pairs;
}
