// Entry of dist/cli.js. The same bundle is the worker thread's entry too, so
// the build needs one output file: a worker checks files, the main thread runs the command.
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { workerMain } from './pool';
import { run } from './run';

if (isMainThread) {
  // A batch spends much of its time compiling the checker, in every worker anew;
  // without inlining the optimizing compiler works less, and a batch of 2,000
  // reports checks about 15 % faster (10,000 about 4 %). Set before any worker
  // starts, so that the workers have it too.
  setFlagsFromString('--no-turbo-inlining');
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`xxgk-lint: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  workerMain();
}
