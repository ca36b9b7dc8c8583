import type { Drafting, Person } from '../../shared/schemas/waves.js';

/** A draft disappears after this long without news from its writer. */
export const DRAFT_SILENCE_MS = 10_000;

export interface LiveDraft {
  author: Person;
  parentId: string | null;
  /** Null when the writer does not share their text: show only that they are writing. */
  text: string | null;
  /** Local receive time (ms), for expiry; clocks of other machines are not trusted. */
  seenAt: number;
}

/**
 * Who is writing where, from `blip:drafting` events. One draft per person (they type in
 * one composer at a time); an empty text or ten seconds of silence removes it.
 */
export class DraftBoard {
  #drafts = new Map<string, LiveDraft>();

  constructor(private readonly selfId: () => string | null = () => null) {}

  /** Applies an event; true when what is shown changed. */
  apply(event: Drafting, now: number): boolean {
    if (event.author.id === this.selfId()) return false;
    if (event.text === '') return this.#drafts.delete(event.author.id);
    this.#drafts.set(event.author.id, { author: event.author, parentId: event.parentId, text: event.text, seenAt: now });
    return true;
  }

  /** Drops silent drafts; true when any went. */
  expire(now: number): boolean {
    let changed = false;
    for (const [id, draft] of this.#drafts) {
      if (now - draft.seenAt >= DRAFT_SILENCE_MS) {
        this.#drafts.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  /** A writer's draft is gone the moment their blip arrives. */
  remove(authorId: string): boolean {
    return this.#drafts.delete(authorId);
  }

  clear(): void {
    this.#drafts.clear();
  }

  under(parentId: string | null): LiveDraft[] {
    return [...this.#drafts.values()].filter((d) => d.parentId === parentId);
  }

  get all(): LiveDraft[] {
    return [...this.#drafts.values()];
  }

  /** When the next draft falls silent, to schedule one timer instead of polling. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const draft of this.#drafts.values()) {
      const at = draft.seenAt + DRAFT_SILENCE_MS;
      if (next === null || at < next) next = at;
    }
    return next;
  }
}
