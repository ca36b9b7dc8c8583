import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { LIMITS } from '../../shared/limits.js';
import type { AppDeps } from '../deps.js';
import { viewerFromToken, type Viewer } from '../features/users/viewer.js';
import type { Logger } from '../lib/logger.js';
import type { DocAccessRegistry } from './access.js';
import { closeWith, type CloseName } from './close-codes.js';
import type { CollabHooks } from './hooks.js';
import { parseDocRequest, type DocRequest } from './doc-request.js';
import { LiveDoc, type Connection, type Reaccess } from './live-doc.js';
import { DocPersistence } from './persistence.js';

export interface CollabServerOptions {
  deps: AppDeps;
  access: DocAccessRegistry;
  originAllowed: (origin: string | undefined, host: string | undefined) => boolean;
  /** Snapshot a document after this many stored updates; default deps.config.docCompactEvery. */
  compactEvery?: number;
  pingIntervalMs?: number;
  /** How long close() waits for clients to answer the close frame before cutting them off. */
  closeGraceMs?: number;
  /** Features' afterStore/afterUnload hooks; none by default. */
  hooks?: CollabHooks;
}

type Admission =
  | { refuse: CloseName }
  | { docName: string; viewer: Viewer | null; access: Connection['access']; accessEpoch: number };

/** The server side of the stock y-websocket client, at `ws://HOST/yjs/<docName>`. */
export class CollabServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.docMessageBytes });
  private readonly docs = new Map<string, LiveDoc>();
  private readonly persistence: DocPersistence;
  private readonly log: Logger;
  private readonly pingTimer: NodeJS.Timeout;
  /** Admissions and idle unloads still touching the database; shutdown waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;
  /** Bumped by refreshAccess, so a socket admitted under the old rules is checked again when it attaches. */
  private readonly accessEpochs = new Map<string, number>();

  constructor(private readonly options: CollabServerOptions) {
    this.persistence = new DocPersistence(options.deps.db.kysely, options.deps.clock);
    this.log = options.deps.log.child({ module: 'collab' });
    this.pingTimer = setInterval(() => this.ping(), options.pingIntervalMs ?? 30_000);
    this.pingTimer.unref();
  }

  /**
   * Takes over upgrades under /yjs/ and returns false for anything else. Refusals complete the
   * upgrade and close with a CloseCode, because browsers cannot read a refused upgrade's status.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const request = parseDocRequest(req);
    if (!request) return false;
    if (this.closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    // Node leaves an upgraded socket without an error listener; until ws takes it over, one is ours.
    const onError = () => socket.destroy();
    socket.on('error', onError);
    void this.track(this.admit(req, request)).then((admission) => {
      try {
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          socket.off('error', onError);
          if ('refuse' in admission) closeWith(ws, admission.refuse);
          else this.attach(ws, admission);
        });
      } catch (err) {
        this.log.error({ err }, 'document socket upgrade failed');
        socket.destroy();
      }
    });
    return true;
  }

  stats(): { docs: number; connections: number } {
    let connections = 0;
    for (const live of this.docs.values()) connections += live.connections.size;
    return { docs: this.docs.size, connections };
  }

  /**
   * Re-resolves the access of every live connection to `docName` (after a lock, a role change):
   * read-write and read-only swap in place, no access closes the socket (4401/4403/4404).
   * Affects this process's connections; sockets admitted meanwhile are checked again as they attach.
   */
  async refreshAccess(docName: string): Promise<void> {
    this.accessEpochs.set(docName, (this.accessEpochs.get(docName) ?? 0) + 1);
    const live = this.docs.get(docName);
    if (!live) return;
    const db = this.options.deps.db.kysely;
    await live.refreshAccess(async (connection): Promise<Reaccess> => {
      const verdict = await this.options.access.resolve(docName, connection.viewer, db);
      switch (verdict.reason) {
        case 'granted':
          return verdict.access === 'read-write' ? 'read-write' : 'read-only';
        case 'unknown':
        case 'missing':
          return 'NotFound';
        case 'denied':
          return connection.viewer ? 'Forbidden' : 'Unauthorized';
        case 'failed':
          // It reconnects and is admitted afresh.
          this.log.error({ err: verdict.error, doc: docName }, 'could not re-check document access');
          return 'Internal';
      }
    });
  }

  /** Stops accepting, closes every socket with ServerShutdown, lets queued writes finish and snapshots dirty docs. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async admit(req: IncomingMessage, request: DocRequest): Promise<Admission> {
    try {
      if (!this.options.originAllowed(req.headers.origin, req.headers.host)) return { refuse: 'OriginNotAllowed' };
      const { deps } = this.options;
      let viewer: Viewer | null = null;
      if (request.token) {
        viewer = await viewerFromToken(deps.db.kysely, request.token, deps.clock.now(), request.via);
        if (!viewer) return { refuse: 'Unauthorized' };
      }
      if (request.docName === null) return { refuse: 'NotFound' };
      const accessEpoch = this.accessEpochs.get(request.docName) ?? 0;
      const verdict = await this.options.access.resolve(request.docName, viewer, deps.db.kysely);
      switch (verdict.reason) {
        case 'granted':
          return {
            docName: request.docName,
            viewer,
            access: verdict.access === 'read-write' ? 'read-write' : 'read-only',
            accessEpoch,
          };
        case 'unknown':
        case 'missing':
          return { refuse: 'NotFound' };
        case 'denied':
          return { refuse: viewer ? 'Forbidden' : 'Unauthorized' };
        case 'failed':
          throw verdict.error;
      }
    } catch (err) {
      this.log.error({ err, doc: request.docName }, 'could not admit a document socket');
      return { refuse: 'Internal' };
    }
  }

  private attach(ws: WebSocket, admission: Exclude<Admission, { refuse: CloseName }>): void {
    if (this.closing) return closeWith(ws, 'ServerShutdown');
    const live = this.docs.get(admission.docName) ?? this.open(admission.docName);
    const connection: Connection = {
      access: admission.access,
      viewer: admission.viewer,
      controlledClientIds: new Set(),
      alive: true,
    };
    ws.on('error', (err) => this.log.debug({ err, doc: live.name }, 'document socket error'));
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) live.receive(ws, toBytes(data));
      else closeWith(ws, 'BadMessage');
    });
    ws.on('close', () => {
      if (live.leave(ws)) void this.track(live.closeIfIdle());
    });
    live.join(ws, connection);
    // Queued before any message of this socket can arrive.
    if ((this.accessEpochs.get(admission.docName) ?? 0) !== admission.accessEpoch) void this.refreshAccess(admission.docName);
  }

  private open(docName: string): LiveDoc {
    const live = new LiveDoc(docName, {
      persistence: this.persistence,
      log: this.log,
      compactEvery: this.options.compactEvery ?? this.options.deps.config.docCompactEvery,
      hooks: this.options.hooks,
      onDetach: (detached) => {
        if (this.docs.get(detached.name) === detached) this.docs.delete(detached.name);
      },
    });
    this.docs.set(docName, live);
    return live;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  private ping(): void {
    for (const live of this.docs.values()) {
      for (const [ws, connection] of live.connections) {
        if (!connection.alive) {
          ws.terminate();
          continue;
        }
        connection.alive = false;
        ws.ping();
      }
    }
  }

  private async shutdown(): Promise<void> {
    clearInterval(this.pingTimer);
    const stopped = new Promise<void>((resolve) => this.wss.close(() => resolve()));
    const docs = [...this.docs.values()];
    this.docs.clear();
    await Promise.all([...docs.map((live) => live.shutdown('ServerShutdown')), ...this.inFlight]);
    for (const ws of this.wss.clients) closeWith(ws, 'ServerShutdown');
    const cutoff = setTimeout(() => {
      for (const ws of this.wss.clients) ws.terminate();
    }, this.options.closeGraceMs ?? 1000);
    await stopped;
    clearTimeout(cutoff);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
