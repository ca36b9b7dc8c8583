import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { applyAwarenessUpdate, Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Viewer } from '../features/users/viewer.js';
import type { Logger } from '../lib/logger.js';
import { closeWith, type CloseName } from './close-codes.js';
import type { CollabHooks } from './hooks.js';
import type { DocPersistence } from './persistence.js';
import { awarenessMessage, MessageType, syncStep1Message, updateMessage } from './protocol.js';
import { changesDoc } from './update-check.js';

export interface Connection {
  access: 'read-write' | 'read-only';
  viewer: Viewer | null;
  /** Awareness client ids this socket announced; removed for everyone when it leaves. */
  controlledClientIds: Set<number>;
  /** Cleared at each ping, set again by the pong. */
  alive: boolean;
}

export interface LiveDocOptions {
  persistence: DocPersistence;
  log: Logger;
  compactEvery: number;
  /** Called once when this doc stops serving (idle unload or failed load), before it is freed. */
  onDetach: (live: LiveDoc) => void;
  hooks?: CollabHooks;
}

/** What a connection may do after its access was checked again; a CloseName ends it. */
export type Reaccess = Connection['access'] | CloseName;

class StoreFailed extends Error {}

/**
 * One document in memory and the sockets editing it. Every message, load, write and compaction
 * runs through one promise chain, so updates are stored and applied in arrival order even
 * though storing awaits the database.
 */
export class LiveDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  lastId = 0;
  private unsnapshotted = 0;
  private compactionQueued = false;
  /** Sockets we closed for an error: what they sent after the bad message is ignored. */
  private readonly refused = new WeakSet<WebSocket>();
  private state: 'loading' | 'ready' | 'closed' = 'loading';
  /** The whole document encoded for fresh clients; dropped on every change. */
  private fullState: Uint8Array | null = null;
  private queue: Promise<void>;

  constructor(
    readonly name: string,
    private readonly options: LiveDocOptions,
  ) {
    // The server is not a participant; its own presence would show up as a ghost cursor.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
    this.queue = this.load();
  }

  join(ws: WebSocket, connection: Connection): void {
    this.connections.set(ws, connection);
    void this.enqueue(() => this.greet(ws));
  }

  /** Edits a socket sent before it closed are still stored: they arrived whole. */
  receive(ws: WebSocket, data: Uint8Array): void {
    const connection = this.connections.get(ws);
    if (connection) void this.enqueue(() => this.handle(ws, connection, data));
  }

  /** True when that was the last connection. */
  leave(ws: WebSocket): boolean {
    const connection = this.connections.get(ws);
    if (!connection) return false;
    this.connections.delete(ws);
    removeAwarenessStates(this.awareness, [...connection.controlledClientIds], null);
    return this.connections.size === 0;
  }

  /** Once queued work is done, and if nobody joined meanwhile: detach, save and free. */
  closeIfIdle(): Promise<void> {
    return this.enqueue(async () => {
      if (this.connections.size > 0) return;
      this.options.onDetach(this);
      await this.compactIfDirty();
      await this.options.hooks?.afterUnload({ docName: this.name, doc: this.doc }, this.options.log);
      this.destroy();
    });
  }

  /**
   * Checks every connection's access again, in the document's queue: messages that arrive after
   * this call are handled with the new level. A connection raised to read-write is sent
   * SyncStep1, so whatever its client holds that the server lacks comes back as an update.
   */
  refreshAccess(check: (connection: Connection) => Promise<Reaccess>): Promise<void> {
    return this.enqueue(async () => {
      for (const [ws, connection] of [...this.connections]) {
        const verdict = await check(connection);
        if (!this.connections.has(ws)) continue;
        if (verdict !== 'read-write' && verdict !== 'read-only') {
          this.refused.add(ws);
          closeWith(ws, verdict);
          continue;
        }
        const raised = verdict === 'read-write' && connection.access === 'read-only';
        connection.access = verdict;
        if (raised) send(ws, syncStep1Message(this.doc));
      }
    });
  }

  /** Closes every socket with `code`, then saves and frees the doc once queued work is done. */
  async shutdown(code: CloseName): Promise<void> {
    for (const ws of this.connections.keys()) closeWith(ws, code);
    this.connections.clear();
    await this.enqueue(async () => {
      await this.compactIfDirty();
      await this.options.hooks?.afterUnload({ docName: this.name, doc: this.doc }, this.options.log);
    });
    this.destroy();
  }

  private enqueue(task: () => void | Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.state === 'ready' ? task() : undefined));
    this.queue = run.catch((err: unknown) => this.options.log.error({ err, doc: this.name }, 'document task failed'));
    return this.queue;
  }

  private async load(): Promise<void> {
    try {
      const { lastId, replayed } = await this.options.persistence.load(this.name, this.doc);
      this.lastId = lastId;
      this.unsnapshotted = replayed;
      this.state = 'ready';
      this.doc.on('update', this.relayUpdate);
      this.compactWhenDue();
    } catch (err) {
      this.options.log.error({ err, doc: this.name }, 'could not load document');
      for (const ws of this.connections.keys()) closeWith(ws, 'Internal');
      this.connections.clear();
      this.options.onDetach(this);
      this.destroy();
    }
  }

  private greet(ws: WebSocket): void {
    const connection = this.connections.get(ws);
    if (!connection) return;
    // A read-only client's answer to SyncStep1 would be dropped anyway.
    if (connection.access === 'read-write') send(ws, syncStep1Message(this.doc));
    const clientIds = [...this.awareness.getStates().keys()];
    if (clientIds.length > 0) send(ws, awarenessMessage(this.awareness, clientIds));
  }

  private async handle(ws: WebSocket, connection: Connection, data: Uint8Array): Promise<void> {
    if (this.refused.has(ws)) return;
    try {
      await this.dispatch(ws, connection, data);
    } catch (err) {
      this.refused.add(ws);
      if (err instanceof StoreFailed) {
        this.options.log.error({ err: err.cause, doc: this.name }, 'could not store a document update');
        closeWith(ws, 'Internal');
      } else {
        this.options.log.warn({ err, doc: this.name, userId: connection.viewer?.id }, 'undecodable document message');
        closeWith(ws, 'BadMessage');
      }
    }
  }

  private async dispatch(ws: WebSocket, connection: Connection, data: Uint8Array): Promise<void> {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        return this.handleSync(ws, connection, decoder);
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        // After it left, nobody would remove the state again.
        if (this.connections.has(ws)) applyAwarenessUpdate(this.awareness, update, ws);
        return;
      }
      case MessageType.QueryAwareness:
        return send(ws, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private async handleSync(ws: WebSocket, connection: Connection, decoder: decoding.Decoder): Promise<void> {
    const step = decoding.readVarUint(decoder);
    if (step === sync.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.Sync);
      // A fresh client (empty state vector) needs the whole document: encode it once per change, not per client.
      const missing =
        Y.decodeStateVector(stateVector).size === 0
          ? (this.fullState ??= Y.encodeStateAsUpdate(this.doc))
          : Y.encodeStateAsUpdate(this.doc, stateVector);
      encoding.writeVarUint(reply, sync.messageYjsSyncStep2);
      encoding.writeVarUint8Array(reply, missing);
      return send(ws, encoding.toUint8Array(reply));
    }
    if (step !== sync.messageYjsSyncStep2 && step !== sync.messageYjsUpdate) throw new Error(`unknown sync step ${step}`);
    const update = decoding.readVarUint8Array(decoder);
    if (connection.access === 'read-write') await this.write(ws, connection, update);
  }

  private async write(ws: WebSocket, connection: Connection, update: Uint8Array): Promise<void> {
    if (!changesDoc(this.doc, update)) return;
    const userId = connection.viewer?.id ?? null;
    let stored;
    try {
      stored = await this.options.persistence.store(this.name, update, userId);
    } catch (err) {
      throw new StoreFailed('append failed', { cause: err });
    }
    this.lastId = stored.id;
    this.unsnapshotted++;
    Y.applyUpdate(this.doc, update, ws);
    this.compactWhenDue();
    await this.options.hooks?.afterStore(
      { docName: this.name, doc: this.doc, userId, updateId: stored.id, firstEdit: stored.firstEdit },
      this.options.log,
    );
  }

  private compactWhenDue(): void {
    if (this.unsnapshotted < this.options.compactEvery || this.compactionQueued) return;
    this.compactionQueued = true;
    void this.enqueue(async () => {
      this.compactionQueued = false;
      await this.compactIfDirty();
    });
  }

  private async compactIfDirty(): Promise<void> {
    if (this.unsnapshotted === 0) return;
    try {
      await this.options.persistence.compact(this.name, this.doc, this.lastId);
      this.unsnapshotted = 0;
    } catch (err) {
      // The log still holds every update; the next compaction retries.
      this.options.log.error({ err, doc: this.name }, 'could not compact document');
    }
  }

  private readonly relayUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullState = null;
    const message = updateMessage(update);
    for (const ws of this.connections.keys()) if (ws !== origin) send(ws, message);
  };

  private readonly relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const connection = this.connections.get(origin as WebSocket);
    if (connection) {
      for (const id of added) connection.controlledClientIds.add(id);
      for (const id of removed) connection.controlledClientIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = awarenessMessage(this.awareness, changed);
    for (const ws of this.connections.keys()) if (ws !== origin) send(ws, message);
  };

  private destroy(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.doc.off('update', this.relayUpdate);
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function send(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState === ws.OPEN) ws.send(message);
}
