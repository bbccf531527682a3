// Finds last year's report of the same agency among reports at hand (the CLI's
// files, the editor's workspace), for the `carried-over` rule.
import { findReportTitle } from './title-view';
import { splitLines, squash } from './text';
import { findPeriodYear } from './title';
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

/** Last year's report of the same agency among `candidates`. */
export function findPrevious(me: Candidate, candidates: Candidate[]): Candidate | undefined {
  if (!me.agency || me.year === undefined) return undefined;
  return candidates.find((c) => c.agency !== undefined && sameAgency(c.agency, me.agency!) && c.year === me.year! - 1);
}

/** Where the first section heading (一、…) starts: the title is above it. */
const FIRST_HEADING = /^[\s\u3000#*]*一\s*[、.．]/;

/** Agency and year from the title (or the statistics period), without a full parse: cheap for a big batch. */
export function describeText(uri: string, text: string): Candidate {
  const l = splitLines(text);
  const heading = l.lines.findIndex((s) => FIRST_HEADING.test(s));
  const title = findReportTitle(l, heading >= 0 ? heading : l.lines.length);
  return describe(uri, { title, year: title?.year ?? findPeriodYear(text) });
}
