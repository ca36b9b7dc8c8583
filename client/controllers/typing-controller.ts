import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TableTyping } from '../../shared/schemas/cafe.js';
import type { AppSocket } from '../services/socket.js';

/** A typist who sends nothing more for this long has stopped (the sender repeats every 2 s while typing). */
export const TYPING_TIMEOUT_MS = 5000;

export interface Typist {
  id: string;
  name: string;
}

/**
 * Who is typing at one table, from `table:typing` (sent to sockets subscribed to `table:<id>`,
 * volatile). Each typist goes when they say they stopped, when their message arrives, or after
 * a few silent seconds (one timer for the next expiry).
 */
export class TypingController implements ReactiveController {
  #tableId: string | null = null;
  #until = new Map<string, { name: string; until: number }>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #socket: AppSocket;
  readonly #selfId: () => string | null;

  constructor(host: ReactiveControllerHost, socket: AppSocket, selfId: () => string | null) {
    this.#host = host;
    this.#socket = socket;
    this.#selfId = selfId;
    host.addController(this);
  }

  get typists(): Typist[] {
    return [...this.#until].map(([id, { name }]) => ({ id, name }));
  }

  set tableId(id: string | null) {
    if (id === this.#tableId) return;
    this.#tableId = id;
    this.#until.clear();
    this.#host.requestUpdate();
  }

  /** Their message arrived: they are not typing it any more. */
  remove(personId: string): void {
    if (this.#until.delete(personId)) this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#socket.on('table:typing', this.#onTyping);
  }

  hostDisconnected(): void {
    this.#socket.off('table:typing', this.#onTyping);
    clearTimeout(this.#timer);
    this.#until.clear();
  }

  #onTyping = (typing: TableTyping): void => {
    if (typing.tableId !== this.#tableId || typing.person.id === this.#selfId()) return;
    if (typing.typing) this.#until.set(typing.person.id, { name: typing.person.displayName, until: Date.now() + TYPING_TIMEOUT_MS });
    else if (!this.#until.delete(typing.person.id)) return;
    this.#host.requestUpdate();
    this.#schedule();
  };

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#until.size === 0) return;
    const next = Math.min(...[...this.#until.values()].map((t) => t.until));
    this.#timer = setTimeout(() => {
      const now = Date.now();
      let changed = false;
      for (const [id, t] of this.#until) {
        if (t.until <= now) changed = this.#until.delete(id) || changed;
      }
      if (changed) this.#host.requestUpdate();
      this.#schedule();
    }, Math.max(0, next - Date.now()) + 20);
  }
}
