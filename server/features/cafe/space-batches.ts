/**
 * Changes collected per space and sent in batches: each change says how soon it must go out
 * (`within`), the earliest deadline wins, and one flush sends every space's batch in order. The
 * fans' floor and the staff floor batch the same way and send different views.
 */
export class SpaceBatches<P> {
  readonly #pending = new Map<string, P>();
  #timer: NodeJS.Timeout | null = null;
  #dueAt = Infinity;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly fresh: () => P,
    private readonly send: (batch: [string, P][]) => Promise<void>,
  ) {}

  /** The space's pending batch, to add to; it goes out within `withinMs`. */
  add(spaceId: string, withinMs: number): P {
    let entry = this.#pending.get(spaceId);
    if (!entry) this.#pending.set(spaceId, (entry = this.fresh()));
    const due = Date.now() + withinMs;
    if (due < this.#dueAt) {
      if (this.#timer) clearTimeout(this.#timer);
      this.#dueAt = due;
      this.#timer = setTimeout(() => void this.flush(), withinMs);
      this.#timer.unref();
    }
    return entry;
  }

  /** Sends what is pending now (tests call it instead of waiting). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#dueAt = Infinity;
    const batch = [...this.#pending];
    this.#pending.clear();
    this.#flushing = this.#flushing.then(() => this.send(batch));
    return this.#flushing;
  }

  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#flushing;
  }
}
