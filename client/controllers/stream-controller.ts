import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorBody } from '../../shared/errors.js';
import type { StreamEvent } from '../../shared/schemas/streams.js';
import type { AppSocket } from '../services/socket.js';
import { StreamCursor } from '../services/stream-cursor.js';

/** Older events are dropped past this many, so a long-open tab stays light. */
const KEEP_EVENTS = 200;
const ACK_TIMEOUT_MS = 10_000;

export interface StreamOptions {
  /**
   * `start` replays the stream from its first event (announcements); `now` starts at the
   * head, for pages that load their state over REST and only need changes from then on.
   * Either way a reconnect replays exactly what was missed.
   */
  from?: 'start' | 'now';
  /** How many events to keep in `events` (0 for listeners that fold events into their own state). */
  keep?: number;
  /**
   * Called with every batch of new events, in order, each once. `initial` is true for the
   * first replay of a stream (history a page that loaded over REST already reflects).
   */
  onEvents?: (events: StreamEvent[], initial: boolean) => void;
}

/**
 * Follows one stream over the socket: subscribes on every (re)connect with
 * `after: last seq seen`, merges replay and live events through a StreamCursor,
 * and exposes them as `events` (oldest first) and to an optional listener.
 */
export class StreamController implements ReactiveController {
  events: StreamEvent[] = [];
  error: ErrorBody | null = null;
  /** False until the first replay for the current stream has arrived. */
  ready = false;

  #stream: string | null = null;
  #cursor = new StreamCursor<StreamEvent>();
  /** Whether the current stream has had a replay, so `from: 'now'` only skips history once. */
  #started = false;
  readonly #host: ReactiveControllerHost;
  readonly #socket: AppSocket;
  readonly #options: StreamOptions;

  constructor(host: ReactiveControllerHost, socket: AppSocket, options: StreamOptions = {}) {
    this.#host = host;
    this.#socket = socket;
    this.#options = options;
    host.addController(this);
  }

  /** The newest sequence number applied. */
  get last(): number {
    return this.#cursor.last;
  }

  get stream(): string | null {
    return this.#stream;
  }

  /** Switches to another stream (or none), starting as the `from` option says. */
  set stream(name: string | null) {
    this.follow(name);
  }

  /**
   * Switches to another stream; with `after`, starts right after that sequence number
   * (the page loaded what came before over REST) instead of as `from` says.
   */
  follow(name: string | null, after?: number): void {
    if (name === this.#stream && after === undefined) return;
    if (this.#stream && this.#socket.connected) {
      this.#socket.emit('stream:unsubscribe', { stream: this.#stream }, () => {});
    }
    this.#stream = name;
    this.#cursor = new StreamCursor(after ?? 0);
    this.#started = after !== undefined;
    this.events = [];
    this.error = null;
    this.ready = false;
    this.#host.requestUpdate();
    if (name && this.#socket.connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#socket.on('connect', this.#subscribe);
    this.#socket.on('stream:event', this.#onEvent);
    if (this.#socket.connected) this.#subscribe();
  }

  hostDisconnected(): void {
    this.#socket.off('connect', this.#subscribe);
    this.#socket.off('stream:event', this.#onEvent);
  }

  #subscribe = (): void => {
    const stream = this.#stream;
    if (!stream) return;
    const cursor = this.#cursor;
    cursor.begin();
    const fromNow = this.#options.from === 'now' && !this.#started;
    this.#socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('stream:subscribe', fromNow ? { stream } : { stream, after: cursor.last }, (err, result) => {
        if (cursor !== this.#cursor) return;
        // A lost ack is asked again (a disconnect retries on the next connect); a refused subscribe is final.
        if (err) {
          if (this.#socket.connected) this.#subscribe();
          return;
        }
        if (!result.ok) {
          cursor.abandon();
          this.error = result.error;
          this.#host.requestUpdate();
          return;
        }
        this.error = null;
        const initial = !this.ready;
        this.#started = true;
        if (!result.data.more && !this.ready) {
          this.ready = true;
          this.#host.requestUpdate();
        }
        this.#apply(cursor.replay(result.data), initial);
      });
  };

  #onEvent = (event: StreamEvent): void => {
    if (event.stream !== this.#stream) return;
    this.#apply(this.#cursor.live(event), false);
  };

  #apply(step: { shown: StreamEvent[]; resubscribe: boolean }, initial: boolean): void {
    if (step.shown.length > 0) {
      const keep = this.#options.keep ?? KEEP_EVENTS;
      if (keep > 0) this.events = [...this.events, ...step.shown].slice(-keep);
      this.#options.onEvents?.(step.shown, initial);
      this.#host.requestUpdate();
    }
    if (step.resubscribe && this.#socket.connected) this.#subscribe();
  }
}
