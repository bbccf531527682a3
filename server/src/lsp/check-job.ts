// A checking job as it crosses to the checking thread (check-worker.ts) and
// back, and how it is run: on that thread, or on the main one when the thread
// cannot be used (checker.ts).
import { performance } from 'node:perf_hooks';
import type { LintOptions } from '../core/types';
import { fixAll, type FixAllResult } from '../engine/fix';
import { lint, type Analysis } from '../engine/lint';

/** Options as they cross to the thread: plain data (a rule's failure comes back in `ruleErrors`). */
export type JobOptions = Omit<LintOptions, 'onRuleError'>;

export interface Job {
  id: number;
  kind: 'lint' | 'fixAll';
  uri: string;
  version: number;
  text: string;
  options: JobOptions;
}

export type JobResult = { id: number; ms: number; ruleErrors: string[] } & ({ analysis: Analysis } | { fix: FixAllResult } | { error: string });

/** Each document's last analysis, so fix-all on the version just checked does not read it again. */
export type Kept = Map<string, { key: string; analysis: Analysis }>;
/** Documents whose analysis is kept: those open in the editor, a few at a time. */
const KEPT = 16;

const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));

export function runJob(job: Job, kept: Kept): JobResult {
  const start = performance.now();
  const ruleErrors: string[] = [];
  const options: LintOptions = { ...job.options, onRuleError: (rule, e) => ruleErrors.push(`rule ${rule} failed: ${describe(e)}`) };
  const head = () => ({ id: job.id, ms: performance.now() - start, ruleErrors });
  try {
    const key = `${job.version} ${JSON.stringify(job.options)}`;
    const known = kept.get(job.uri);
    const analysis = known?.key === key ? known.analysis : lint(job.text, options);
    kept.delete(job.uri);
    kept.set(job.uri, { key, analysis });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return job.kind === 'lint' ? { ...head(), analysis } : { ...head(), fix: fixAll(job.text, options, analysis) };
  } catch (e) {
    return { ...head(), error: describe(e) };
  }
}
