// Entry of dist/cli.js. The same bundle is the worker thread's entry too, so
// the build needs one output file: a worker checks files, the main thread runs the command.
import { isMainThread } from 'node:worker_threads';
import { workerMain } from './pool';
import { run } from './run';

if (isMainThread) {
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
