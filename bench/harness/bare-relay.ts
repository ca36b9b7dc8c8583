import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type WebSocket } from 'ws';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';

export interface BareRelay {
  /** `ws://127.0.0.1:PORT`; a WebsocketProvider's serverUrl (any room name maps to the one doc). */
  url: string;
  close(): Promise<void>;
}

/**
 * The least a y-websocket server can do: one Y.Doc already in memory, the sync protocol over
 * `ws`, updates applied and relayed. No auth, no storage, no awareness, no queue. This is the
 * "bare Yjs relay" the Benchmarks issue measures our document socket against.
 */
export async function startBareRelay(doc: Y.Doc): Promise<BareRelay> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  const sockets = new Set<WebSocket>();
  const relay = (update: Uint8Array, origin: unknown) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    sync.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const ws of sockets) if (ws !== origin) ws.send(message);
  };
  doc.on('update', relay);
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== 0) return; // awareness and queries: not relayed here
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      sync.readSyncMessage(decoder, reply, doc, ws);
      if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
    });
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    sync.writeSyncStep1(step1, doc);
    ws.send(encoding.toUint8Array(step1));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    async close() {
      doc.off('update', relay);
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
