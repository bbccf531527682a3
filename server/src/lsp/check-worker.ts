// The checking thread: lints and fixes off the language server's main thread,
// so that hover and the other requests are answered while a large document is
// being checked. Built as dist/check-worker.js beside dist/server.js.
import { parentPort } from 'node:worker_threads';
import { runJob, type Job, type Kept } from './check-job';

const kept: Kept = new Map();
parentPort?.on('message', (job: Job) => parentPort!.postMessage(runJob(job, kept)));
