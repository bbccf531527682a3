// Runs file tasks in this thread or across worker threads, and hands the
// results back strictly in task order, so output does not depend on --jobs.
// Workers run this same bundle (dist/cli.js); main.ts sends them to workerMain.
import { parentPort, Worker } from 'node:worker_threads';
import { checkFile, type FileResult, type FileTask } from './check-file';

type Deliver = (result: FileResult, index: number) => void | Promise<void>;

/**
 * Starts `jobs` worker threads now, so that loading the checker in each
 * overlaps the main thread's own start (walking folders, pairing last year's
 * reports); `runTasks` then uses them. Fewer than two: none.
 */
export function startWorkers(jobs: number): Worker[] {
  return jobs > 1 ? Array.from({ length: jobs }, () => new Worker(__filename)) : [];
}

/** Stops workers that will not be used (the run ended before checking). */
export function stopWorkers(workers: Worker[]): void {
  for (const w of workers) void w.terminate();
}

export async function runTasks(tasks: FileTask[], workers: Worker[], deliver: Deliver): Promise<void> {
  if (workers.length === 0 || tasks.length <= 1) {
    stopWorkers(workers);
    for (let i = 0; i < tasks.length; i++) {
      await deliver(await checkFile(tasks[i]), i);
      // Let stdout drain and the progress timer run between files.
      if (i % 16 === 15) await new Promise((r) => setImmediate(r));
    }
    return;
  }
  // More workers than files: the extra ones have nothing to do.
  stopWorkers(workers.slice(tasks.length));
  await runInWorkers(tasks, workers.slice(0, tasks.length), deliver);
}

interface Reply {
  index: number;
  result: FileResult;
}

/**
 * Tasks go to a worker, and results come back, several to a message: a
 * message per file woke the main thread two thousand times a batch, and each
 * wake-up took a core from the workers.
 */
const PER_MESSAGE = 8;
/** Each worker keeps this many messages of tasks queued, so it never waits for the next one. */
const IN_FLIGHT = 2;

function runInWorkers(tasks: FileTask[], workers: Worker[], deliver: Deliver): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = new Map<number, FileResult>();
    let nextTask = 0;
    let nextOut = 0;
    let delivering = false;
    let failed = false;
    const finish = (error?: unknown) => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (w: Worker) => {
      const batch: { index: number; task: FileTask }[] = [];
      for (; nextTask < tasks.length && batch.length < PER_MESSAGE; nextTask++) batch.push({ index: nextTask, task: tasks[nextTask] });
      if (batch.length) w.postMessage(batch);
    };
    // Deliver in order; awaits (stdout back-pressure) hold later results in `done`.
    const flush = async () => {
      if (delivering) return;
      delivering = true;
      try {
        while (done.has(nextOut)) {
          const r = done.get(nextOut)!;
          done.delete(nextOut);
          await deliver(r, nextOut);
          nextOut++;
        }
      } catch (e) {
        finish(e);
        return;
      } finally {
        delivering = false;
      }
      if (nextOut === tasks.length) finish();
    };
    for (const w of workers) {
      w.on('message', (replies: Reply[]) => {
        for (const r of replies) done.set(r.index, r.result);
        feed(w);
        void flush();
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => {
        if (code !== 0 && nextOut < tasks.length) finish(new Error(`a worker thread stopped with code ${code}`));
      });
      for (let q = 0; q < IN_FLIGHT; q++) feed(w);
    }
  });
}

/** The worker side: check each file it is sent and reply with the result. */
export function workerMain(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', async (batch: { index: number; task: FileTask }[]) => {
    const replies: Reply[] = [];
    for (const m of batch) replies.push({ index: m.index, result: await checkFile(m.task) });
    port.postMessage(replies);
  });
}
