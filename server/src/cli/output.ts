// Writing to stdout with back-pressure, and quietly stopping when the reader
// goes away (`xxgk-lint … | head`).
export function onBrokenPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export function write(chunk: string): Promise<void> | void {
  if (!chunk) return;
  if (!process.stdout.write(chunk)) return new Promise((r) => process.stdout.once('drain', () => r()));
}
