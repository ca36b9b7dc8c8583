import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createProvider } from '../services/collab.js';

export interface Peer {
  clientId: number;
  /** The person's id when they are signed in; used to show one entry per person. */
  id: string | null;
  name: string;
  color: string;
  self: boolean;
}

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export type CollabStatus = 'idle' | 'connecting' | 'connected' | 'synced' | 'closed';

/**
 * Owns one live Yjs document: the Y.Doc, its WebsocketProvider and the awareness list.
 * `open()` switches documents (a new Y.Doc each time, so states never mix); the host
 * re-renders on status and presence changes. Closed on host disconnect.
 */
export class CollabController implements ReactiveController {
  doc: Y.Doc | null = null;
  provider: WebsocketProvider | null = null;
  status: CollabStatus = 'idle';
  /** Set when the server refused the document for good (4400–4499). */
  refusal: { code: number; reason: string } | null = null;
  peers: Peer[] = [];

  #docName: string | null = null;
  #user: PresenceUser | null = null;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get docName(): string | null {
    return this.#docName;
  }

  /** Connects to `docName` as `user` (null: anonymous, not listed in "who is here"). */
  open(docName: string, user: PresenceUser | null): void {
    if (docName === this.#docName && user?.id === this.#user?.id && this.provider) return;
    this.close();
    this.#docName = docName;
    this.#user = user;
    const doc = new Y.Doc();
    const provider = createProvider(docName, doc);
    this.doc = doc;
    this.provider = provider;
    this.status = 'connecting';
    this.refusal = null;
    if (user) provider.awareness.setLocalStateField('user', { id: user.id, name: user.name, color: user.color });
    provider.on('status', this.#onStatus);
    provider.on('sync', this.#onSync);
    provider.on('closed', this.#onClosed);
    provider.awareness.on('change', this.#onAwareness);
    this.#onAwareness();
    this.#host.requestUpdate();
  }

  close(): void {
    const { provider, doc } = this;
    if (provider) {
      provider.off('status', this.#onStatus);
      provider.off('sync', this.#onSync);
      provider.off('closed', this.#onClosed);
      provider.awareness.off('change', this.#onAwareness);
      provider.destroy();
    }
    doc?.destroy();
    this.doc = null;
    this.provider = null;
    this.#docName = null;
    this.status = 'idle';
    this.peers = [];
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.close();
  }

  #onStatus = ({ status }: { status: string }): void => {
    if (this.status === 'closed') return;
    if (status === 'connected') this.status = this.provider?.synced ? 'synced' : 'connected';
    else this.status = 'connecting';
    this.#host.requestUpdate();
  };

  #onSync = (synced: boolean): void => {
    if (synced) this.status = 'synced';
    this.#host.requestUpdate();
  };

  #onClosed = (close: { code: number; reason: string }): void => {
    this.status = 'closed';
    this.refusal = close;
    this.#host.requestUpdate();
  };

  #onAwareness = (): void => {
    const provider = this.provider;
    if (!provider) return;
    const selfId = provider.awareness.clientID;
    const byPerson = new Map<string, Peer>();
    for (const [clientId, state] of provider.awareness.getStates()) {
      const user = (state as { user?: Partial<PresenceUser> }).user;
      if (!user || typeof user.name !== 'string') continue;
      const peer: Peer = {
        clientId,
        id: typeof user.id === 'string' ? user.id : null,
        name: user.name.slice(0, 60),
        color: typeof user.color === 'string' ? user.color : '',
        self: clientId === selfId,
      };
      const key = peer.id ?? `client:${clientId}`;
      const known = byPerson.get(key);
      if (!known || peer.self) byPerson.set(key, { ...peer, self: peer.self || Boolean(known?.self) });
    }
    this.peers = [...byPerson.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
    this.#host.requestUpdate();
  };
}
