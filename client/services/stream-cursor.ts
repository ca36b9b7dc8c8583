export interface Sequenced {
  seq: number;
}

export interface CursorStep<E> {
  /** Events to show now, oldest first, each exactly once. */
  shown: E[];
  /** A gap was seen (or more replay remains): subscribe again with `after: cursor.last`. */
  resubscribe: boolean;
}

/**
 * Keeps one stream's events gap-free and duplicate-free across subscribes and reconnects.
 * While a subscribe is in flight, live events are held back: a live event may overtake
 * the replay in the ack, and showing it first would make the replayed ones look stale.
 */
export class StreamCursor<E extends Sequenced> {
  #last: number;
  #held: E[] | null = null;

  /** Start after `last` when the events up to it came another way (a REST page). */
  constructor(last = 0) {
    this.#last = last;
  }

  /** The newest sequence number shown (or deliberately skipped on a fresh subscribe). */
  get last(): number {
    return this.#last;
  }

  /** Call when a `stream:subscribe` is sent. */
  begin(): void {
    this.#held ??= [];
  }

  /** A `stream:event` from the live room. */
  live(event: E): CursorStep<E> {
    if (this.#held) {
      this.#held.push(event);
      return { shown: [], resubscribe: false };
    }
    if (event.seq <= this.#last) return { shown: [], resubscribe: false };
    if (event.seq > this.#last + 1) {
      this.#held = [event];
      return { shown: [], resubscribe: true };
    }
    this.#last = event.seq;
    return { shown: [event], resubscribe: false };
  }

  /** The ack of a `stream:subscribe`: replayed events, the stream's head, whether more remain. */
  replay(result: { events: E[]; head: number; more: boolean }): CursorStep<E> {
    const shown = this.#take(result.events);
    if (result.more) return { shown, resubscribe: true };
    // Nothing before `head` is coming: a fresh subscribe starts at the head, not at 0.
    this.#last = Math.max(this.#last, result.head);
    const held = (this.#held ?? []).sort((a, b) => a.seq - b.seq);
    this.#held = null;
    let resubscribe = false;
    for (const event of held) {
      const step = this.live(event);
      shown.push(...step.shown);
      resubscribe ||= step.resubscribe;
    }
    return { shown, resubscribe };
  }

  /** A subscribe failed for good (e.g. FORBIDDEN): stop holding events back. */
  abandon(): void {
    this.#held = null;
  }

  #take(events: E[]): E[] {
    const shown: E[] = [];
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= this.#last) continue;
      this.#last = event.seq;
      shown.push(event);
    }
    return shown;
  }
}
