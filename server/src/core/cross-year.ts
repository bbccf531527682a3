// Finds last year's report of the same agency among reports at hand (the CLI's
// files, the editor's workspace), for the `carried-over` rule.
import { squash } from './text';
import type { Report } from './types';

export interface Candidate {
  uri: string;
  agency?: string;
  year?: number;
}

export function describe(uri: string, report: Pick<Report, 'title' | 'year'>): Candidate {
  return { uri, agency: report.title?.agency ? squash(report.title.agency) : undefined, year: report.year };
}

/** Shorter agency names leave out the higher levels: 洪泽区人民政府 is 淮安市洪泽区人民政府. */
const MIN_SUFFIX = 6;

export function sameAgency(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_SUFFIX && long.endsWith(short);
}

/** A key under which every name `sameAgency` pairs falls together. */
export function agencyBucket(agency: string): string {
  return agency.slice(-MIN_SUFFIX);
}

export function findPrevious(report: Pick<Report, 'title' | 'year'>, candidates: Candidate[]): Candidate | undefined {
  const agency = report.title?.agency ? squash(report.title.agency) : undefined;
  if (!agency || report.year === undefined) return undefined;
  return candidates.find((c) => c.agency !== undefined && sameAgency(c.agency, agency) && c.year === report.year! - 1);
}
