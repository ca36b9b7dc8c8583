import type { StreamEvent } from '../../shared/schemas/streams.js';

export interface SpaceFeedDetail {
  events: StreamEvent[];
  /** History from the first replay, which a list loaded over REST already reflects. */
  initial: boolean;
}

/**
 * The space stream, shared: one socket can be in a stream's room once, so the app follows
 * `space:<id>` in one place and pages listen here for the events they care about.
 */
export class SpaceFeed extends EventTarget {
  publish(events: StreamEvent[], initial: boolean): void {
    this.dispatchEvent(new CustomEvent<SpaceFeedDetail>('events', { detail: { events, initial } }));
  }

  subscribe(listener: (detail: SpaceFeedDetail) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<SpaceFeedDetail>).detail);
    this.addEventListener('events', handler);
    return () => this.removeEventListener('events', handler);
  }
}
