// Where the report goes: stdout with back-pressure (quietly stopping when the
// reader goes away, `xxgk-lint … | head`), or with -o a file written as a
// stream, so a big batch is never held in memory.
import { createWriteStream, type WriteStream } from 'node:fs';

export function onBrokenPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export interface Sink {
  write(chunk: string): Promise<void> | void;
  close(): Promise<void>;
  /** Whether lines land on a terminal (the progress bar must be wiped first). */
  terminal: boolean;
}

export const stdoutSink: Sink = {
  write(chunk) {
    if (!chunk) return;
    if (!process.stdout.write(chunk)) return new Promise((r) => process.stdout.once('drain', () => r()));
  },
  close: async () => undefined,
  terminal: !!process.stdout.isTTY,
};

/** A file sink; opening errors (no such folder, no permission) reject `ready`. */
export function fileSink(path: string): { sink: Sink; ready: Promise<void> } {
  const stream: WriteStream = createWriteStream(path);
  let failure: Error | undefined;
  stream.on('error', (e) => (failure = e));
  const ready = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  const sink: Sink = {
    write(chunk) {
      if (failure) throw failure;
      if (!chunk) return;
      if (!stream.write(chunk)) return new Promise((r) => stream.once('drain', () => r()));
    },
    close: () =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        stream.end(() => (failure ? reject(failure) : resolve()));
      }),
    terminal: false,
  };
  return { sink, ready };
}
