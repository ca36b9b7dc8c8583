import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Drafting } from '../../shared/schemas/waves.js';
import type { AppSocket } from '../services/socket.js';
import { DraftBoard, type LiveDraft } from '../waves/draft-board.js';

/**
 * Others' blip drafts on one wave, from `blip:drafting` (sent to sockets subscribed to the
 * wave's stream). Each draft goes when its writer sends empty text, posts, or falls silent
 * for ten seconds (one timer for the next expiry).
 */
export class DraftsController implements ReactiveController {
  #waveId: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #board: DraftBoard;
  readonly #host: ReactiveControllerHost;
  readonly #socket: AppSocket;

  constructor(host: ReactiveControllerHost, socket: AppSocket, selfId: () => string | null) {
    this.#host = host;
    this.#socket = socket;
    this.#board = new DraftBoard(selfId);
    host.addController(this);
  }

  get drafts(): LiveDraft[] {
    return this.#board.all;
  }

  set waveId(id: string | null) {
    if (id === this.#waveId) return;
    this.#waveId = id;
    this.#board.clear();
    this.#host.requestUpdate();
  }

  /** The writer's blip arrived: their ghost goes at once. */
  remove(authorId: string): void {
    if (this.#board.remove(authorId)) this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#socket.on('blip:drafting', this.#onDrafting);
  }

  hostDisconnected(): void {
    this.#socket.off('blip:drafting', this.#onDrafting);
    clearTimeout(this.#timer);
  }

  #onDrafting = (drafting: Drafting): void => {
    if (drafting.waveId !== this.#waveId) return;
    if (this.#board.apply(drafting, Date.now())) {
      this.#host.requestUpdate();
      this.#schedule();
    }
  };

  #schedule(): void {
    clearTimeout(this.#timer);
    const next = this.#board.nextExpiry();
    if (next === null) return;
    this.#timer = setTimeout(() => {
      if (this.#board.expire(Date.now())) this.#host.requestUpdate();
      this.#schedule();
    }, Math.max(0, next - Date.now()) + 20);
  }
}
