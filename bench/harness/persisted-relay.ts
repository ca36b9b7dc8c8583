import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type SQLite from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type WebSocket } from 'ws';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import { createDb, type Db } from '../../server/db/connect.js';

/** The relay's one table: every update of every document, in arrival order. */
export const RELAY_TABLE_SQL = `CREATE TABLE IF NOT EXISTS relay_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS relay_updates_doc ON relay_updates (doc, id)`;

export interface PersistedRelay {
  /** `ws://127.0.0.1:PORT`; a client connects to `${url}/<docName>` (a query string is ignored). */
  url: string;
  port: number;
  /** Documents in memory now. */
  docs(): number;
  connections(): number;
  /** Rows stored since the start. */
  stored(): number;
  close(): Promise<void>;
}

export interface PersistedRelayOptions {
  /** The SQLite file (created if missing), opened with our pragmas (`createDb`). */
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
}

interface LoadedDoc {
  doc: Y.Doc;
  awareness: Awareness;
  sockets: Map<WebSocket, Set<number>>;
}

/** Appends rows to the relay table of an SQLite file opened with our pragmas (benchmarks seed documents with it). */
export function seedRelayDocs(file: string, docs: Iterable<[docName: string, updates: Uint8Array[]]>): void {
  const handle = sqlite(createDb({ file }));
  try {
    handle.exec(RELAY_TABLE_SQL);
    const insert = handle.prepare('INSERT INTO relay_updates (doc, data) VALUES (?, ?)');
    handle.transaction(() => {
      for (const [name, updates] of docs) for (const update of updates) insert.run(name, Buffer.from(update));
    })();
  } finally {
    handle.close();
  }
}

function sqlite(db: Db): SQLite.Database {
  if (!db.sqlite) throw new Error('the relay stores to SQLite');
  return db.sqlite;
}

/**
 * The Benchmarks issue's "bare Yjs relay on y-protocols with persistence to the same SQLite":
 * the y-websocket wire protocol over `ws` for any number of documents (named by the URL path), each
 * loaded from SQLite when its first client connects (every stored row applied in one
 * transaction) and dropped from memory when its last client leaves. Every update a client sends
 * is appended as a row (one prepared INSERT, its own transaction, on a database opened by our
 * `createDb`, so with our pragmas: WAL, synchronous=FULL) before it is applied and relayed.
 * Awareness is relayed as y-websocket's own server does. No auth, no access levels, no limits,
 * no snapshots, no queue: better-sqlite3 is synchronous, so each message is stored, applied and
 * relayed before the next one is read.
 */
export async function startPersistedRelay(options: PersistedRelayOptions): Promise<PersistedRelay> {
  const db = createDb({ file: options.file, synchronous: options.synchronous });
  const sql = sqlite(db);
  sql.exec(RELAY_TABLE_SQL);
  const insert = sql.prepare('INSERT INTO relay_updates (doc, data) VALUES (?, ?)');
  const select = sql.prepare('SELECT data FROM relay_updates WHERE doc = ? ORDER BY id');
  const docs = new Map<string, LoadedDoc>();
  let stored = 0;

  const load = (name: string): LoadedDoc => {
    const doc = new Y.Doc();
    const rows = select.all(name) as { data: Buffer }[];
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
    });
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    const loaded: LoadedDoc = { doc, awareness, sockets: new Map() };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      sync.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const ws of loaded.sockets.keys()) if (ws !== origin) send(ws, message);
    });
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const controlled = loaded.sockets.get(origin as WebSocket);
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, changed));
      const message = encoding.toUint8Array(encoder);
      for (const ws of loaded.sockets.keys()) if (ws !== origin) send(ws, message);
    });
    docs.set(name, loaded);
    return loaded;
  };

  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]!);
    const loaded = docs.get(name) ?? load(name);
    loaded.sockets.set(ws, new Set());
    ws.on('error', () => {});
    ws.on('close', () => {
      const controlled = loaded.sockets.get(ws);
      if (!controlled) return;
      loaded.sockets.delete(ws);
      removeAwarenessStates(loaded.awareness, [...controlled], null);
      if (loaded.sockets.size === 0 && docs.get(name) === loaded) {
        docs.delete(name);
        loaded.awareness.destroy();
        loaded.doc.destroy();
      }
    });
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const type = decoding.readVarUint(decoder);
      if (type === 1) {
        applyAwarenessUpdate(loaded.awareness, decoding.readVarUint8Array(decoder), ws);
        return;
      }
      if (type !== 0) return;
      const step = decoding.readVarUint(decoder);
      if (step === sync.messageYjsSyncStep1) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        sync.writeSyncStep2(reply, loaded.doc, decoding.readVarUint8Array(decoder));
        send(ws, encoding.toUint8Array(reply));
        return;
      }
      const update = decoding.readVarUint8Array(decoder);
      // Stored (committed) before it is applied and relayed.
      insert.run(name, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
      stored++;
      Y.applyUpdate(loaded.doc, update, ws);
    });
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    sync.writeSyncStep1(step1, loaded.doc);
    send(ws, encoding.toUint8Array(step1));
    const states = [...loaded.awareness.getStates().keys()];
    if (states.length > 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(loaded.awareness, states));
      send(ws, encoding.toUint8Array(encoder));
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    docs: () => docs.size,
    connections: () => [...docs.values()].reduce((n, d) => n + d.sockets.size, 0),
    stored: () => stored,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      for (const loaded of docs.values()) {
        loaded.awareness.destroy();
        loaded.doc.destroy();
      }
      docs.clear();
      await db.close();
    },
  };
}

function send(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState === ws.OPEN) ws.send(message);
}
