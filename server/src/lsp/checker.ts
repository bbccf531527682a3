// The language server's side of the checking thread: one job at a time, the
// queued check of a document replaced by a newer one, and a thread that fails
// logged and started again. When the thread cannot run at all (its file is
// missing, or it keeps failing), documents are checked on the main thread.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FixAllResult } from '../engine/fix';
import type { Analysis } from '../engine/lint';
import { runJob, type Job, type JobOptions, type JobResult, type Kept } from './check-job';

/** Failures in a row after which the thread is given up. */
const MAX_FAILURES = 3;

export interface Checked {
  analysis: Analysis;
  ms: number;
}

interface Pending {
  job: Job;
  resolve: (r: JobResult | undefined) => void;
  reject: (e: Error) => void;
}

export class Checker {
  private worker?: Worker;
  private queue: Pending[] = [];
  private running?: Pending;
  private nextId = 1;
  private failures = 0;
  private inThread = false;
  /** The analyses kept when checking on the main thread. */
  private readonly kept: Kept = new Map();

  constructor(
    private readonly log: (message: string) => void,
    private readonly file = join(__dirname, 'check-worker.js'),
  ) {}

  /** The analysis of one version; undefined when a newer version's check replaced it in the queue. */
  async lint(uri: string, version: number, text: string, options: JobOptions): Promise<Checked | undefined> {
    const r = await this.submit({ id: this.nextId++, kind: 'lint', uri, version, text, options });
    return r && 'analysis' in r ? { analysis: r.analysis, ms: r.ms } : undefined;
  }

  async fixAll(uri: string, version: number, text: string, options: JobOptions): Promise<FixAllResult> {
    const r = await this.submit({ id: this.nextId++, kind: 'fixAll', uri, version, text, options });
    if (!r || !('fix' in r)) throw new Error('fix-all was not computed');
    return r.fix;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private submit(job: Job): Promise<JobResult | undefined> {
    return new Promise((resolve, reject) => {
      if (job.kind === 'lint') {
        // Only the newest version of a document is worth checking.
        for (const p of this.queue.filter((q) => q.job.kind === 'lint' && q.job.uri === job.uri)) p.resolve(undefined);
        this.queue = this.queue.filter((q) => !(q.job.kind === 'lint' && q.job.uri === job.uri));
      }
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.running || !this.queue.length) return;
    const p = (this.running = this.queue.shift()!);
    if (this.inThread || !this.start()) {
      this.running = undefined;
      this.settle(p, runJob(p.job, this.kept));
      this.next();
      return;
    }
    this.worker!.postMessage(p.job);
  }

  /** The thread, started when needed; false when it cannot be. */
  private start(): boolean {
    if (this.worker) return true;
    if (!existsSync(this.file)) return this.giveUp(`the checking thread's file ${this.file} is missing`);
    const worker = new Worker(this.file);
    worker.unref();
    worker.on('message', (r: JobResult) => {
      const p = this.running;
      if (!p || p.job.id !== r.id) return;
      this.running = undefined;
      this.failures = 0;
      this.settle(p, r);
      this.next();
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      void worker.terminate();
      const p = this.running;
      this.running = undefined;
      if (++this.failures >= MAX_FAILURES) this.giveUp(`the checking thread failed ${this.failures} times in a row (${why})`);
      else this.log(`xxgk-lint: the checking thread failed, starting it again: ${why}`);
      p?.reject(new Error(`the checking thread failed: ${why}`));
      this.next();
    };
    worker.on('error', (e) => fail(e?.stack ?? String(e)));
    worker.on('exit', (code) => fail(`it exited with code ${code}`));
    this.worker = worker;
    return true;
  }

  private giveUp(why: string): false {
    this.inThread = true;
    this.log(`xxgk-lint: ${why}; checking on the main thread from now on`);
    return false;
  }

  private settle(p: Pending, r: JobResult): void {
    for (const e of r.ruleErrors) this.log(`xxgk-lint: ${e}`);
    if ('error' in r) p.reject(new Error(r.error));
    else p.resolve(r);
  }
}
