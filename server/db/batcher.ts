/**
 * Collects work that arrives together and hands it over in batches, one batch at a time: what
 * arrives in the same turn of the event loop, or while a batch is being handled, goes into the
 * next one (at most `max`). Group commit is built on it: one transaction, one fsync, per batch.
 */
export class Batcher<T> {
  private readonly queue: T[] = [];
  private flushing = false;

  constructor(
    private readonly max: number,
    private readonly handle: (batch: T[]) => Promise<void>,
  ) {}

  add(item: T): void {
    this.queue.push(item);
    if (this.flushing) return;
    this.flushing = true;
    // After this turn's I/O callbacks: work from messages read together shares the batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.handle(this.queue.splice(0, this.max));
    } finally {
      this.flushing = false;
      // Only if handle() threw between batches: start again rather than strand what waits.
      if (this.queue.length > 0) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    }
  }
}
