// A progress bar on stderr, only when stderr is a terminal and the batch is
// big; redrawn at most ten times a second, cleared before anything else prints.
export class Progress {
  private done = 0;
  private last = 0;
  private shown = false;

  constructor(private readonly total: number, private readonly enabled: boolean) {}

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.done}/${this.total}\x1b[K`);
    this.shown = true;
  }

  /** Wipes the bar so the next line of output starts clean; the next tick redraws it. */
  clear(): void {
    if (!this.shown) return;
    process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
