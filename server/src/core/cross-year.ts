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

export function findPrevious(report: Pick<Report, 'title' | 'year'>, candidates: Candidate[]): Candidate | undefined {
  const agency = report.title?.agency ? squash(report.title.agency) : undefined;
  if (!agency || report.year === undefined) return undefined;
  return candidates.find((c) => c.agency === agency && c.year === report.year! - 1);
}
