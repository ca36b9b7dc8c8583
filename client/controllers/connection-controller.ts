import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppSocket } from '../services/socket.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Tracks a socket's connection as one of four states and re-renders the host on every change. */
export class ConnectionController implements ReactiveController {
  state: ConnectionState = 'connecting';

  // Once connected or retrying, a lost connection reads "reconnecting"; before that, "connecting".
  #retrying = false;
  #pending = false;
  readonly #host: ReactiveControllerHost;
  readonly #socket: AppSocket;

  constructor(host: ReactiveControllerHost, socket: AppSocket) {
    this.#host = host;
    this.#socket = socket;
    host.addController(this);
  }

  hostConnected(): void {
    this.#socket.on('connect', this.#onConnectOrRetry);
    this.#socket.on('disconnect', this.#update);
    this.#socket.on('connect_error', this.#update);
    this.#socket.io.on('reconnect_attempt', this.#onConnectOrRetry);
    this.#socket.io.on('reconnect_failed', this.#update);
    window.addEventListener('online', this.#update);
    window.addEventListener('offline', this.#update);
    this.#update();
  }

  hostDisconnected(): void {
    this.#socket.off('connect', this.#onConnectOrRetry);
    this.#socket.off('disconnect', this.#update);
    this.#socket.off('connect_error', this.#update);
    this.#socket.io.off('reconnect_attempt', this.#onConnectOrRetry);
    this.#socket.io.off('reconnect_failed', this.#update);
    window.removeEventListener('online', this.#update);
    window.removeEventListener('offline', this.#update);
  }

  #onConnectOrRetry = (): void => {
    this.#retrying = true;
    this.#update();
  };

  // Settles after the current task, so a disconnect() + connect() pair reads as reconnecting, not offline.
  #update = (): void => {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      const next = this.#compute();
      if (next === this.state) return;
      this.state = next;
      this.#host.requestUpdate();
    });
  };

  #compute(): ConnectionState {
    if (!navigator.onLine) return 'offline';
    if (this.#socket.connected) return 'connected';
    // `active` is false once socket.io has given up (server refused us, or disconnect() was called).
    if (!this.#socket.active) return 'offline';
    return this.#retrying ? 'reconnecting' : 'connecting';
  }
}
