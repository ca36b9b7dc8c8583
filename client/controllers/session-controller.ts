import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionListener, SessionState, SessionStore } from '../services/session.js';

/** Re-renders the host whenever the session changes, and tells it what changed. */
export class SessionController implements ReactiveController {
  #unsubscribe: (() => void) | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #onChange: SessionListener | undefined;

  constructor(
    host: ReactiveControllerHost,
    readonly store: SessionStore,
    onChange?: SessionListener,
  ) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  get state(): SessionState {
    return this.store.state;
  }

  hostConnected(): void {
    this.#unsubscribe = this.store.subscribe((next, previous) => {
      this.#host.requestUpdate();
      this.#onChange?.(next, previous);
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}

/** True when a session change swapped the person (sign-in, sign-out), not just the first load. */
export function identityChanged(next: SessionState, previous: SessionState): boolean {
  return previous.status !== 'loading' && next.user?.id !== previous.user?.id;
}
