/**
 * The floor: a plain `ws` server relaying to rooms, the least a relay on this machine can do.
 * It speaks just enough of the Socket.IO wire protocol (Engine.IO 4 / Socket.IO 5 text frames,
 * main namespace) that the same load-generator clients work against it unchanged, and the same
 * bytes cross the loopback as with bench/baselines/socketio-relay.ts:
 *
 * - on connect it sends the Engine.IO open packet; `40` (with any auth) gets `40{"sid":…}`;
 * - `42<id>["join",room]` puts the connection in the room and acknowledges (`43<id>[true]`);
 * - `42<id>["say",{room,body}]` builds the frame `42["said",body]` once, WebSocket header
 *   included, writes those same bytes to every other connection in the room, and acknowledges.
 *
 * No Socket.IO server, parser, adapter, per-socket objects or acknowledgement bookkeeping: a Map
 * of Sets and one pre-built buffer per message. One timer pings everyone every 25 s (as
 * Engine.IO does, so socket.io-client does not time out). No authentication, storage or checks.
 *
 * Run as a process (`node --import tsx bench/baselines/ws-relay.ts`), it listens on an ephemeral
 * port of 127.0.0.1, prints one JSON line, `{"port": N}`, and runs until SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import * as wsModule from 'ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { profileUntilSignalled } from '../servers/cpu-profile.js';

const PING_INTERVAL_MS = 25_000;

/** ws's frame builder (not in @types/ws): the header and payload of one unmasked frame. */
const frame = (wsModule as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } }).Sender.frame;
interface FrameOptions {
  fin: boolean;
  rsv1: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
}

/** One complete unmasked text frame, ready to write to any connection's socket. */
export function textFrame(text: string): Buffer {
  const parts = frame(Buffer.from(text), { fin: true, rsv1: false, opcode: 1, mask: false, readOnly: false });
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

interface Conn {
  ws: WebSocket;
  /** The TCP socket under the WebSocket: pre-built frames are written here directly. */
  raw: Socket;
  rooms: Set<string>;
}

export interface WsRelay {
  port: number;
  close(): Promise<void>;
}

export async function startWsRelay(host = '127.0.0.1'): Promise<WsRelay> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http, path: '/socket.io/', perMessageDeflate: false, skipUTF8Validation: true });
  const rooms = new Map<string, Set<Conn>>();
  const conns = new Set<Conn>();
  const ping = textFrame('2');

  wss.on('connection', (ws) => {
    const conn: Conn = { ws, raw: (ws as unknown as { _socket: Socket })._socket, rooms: new Set() };
    conns.add(conn);
    const sid = randomBytes(15).toString('base64url');
    ws.send(`0{"sid":"${sid}","upgrades":[],"pingInterval":${PING_INTERVAL_MS},"pingTimeout":20000,"maxPayload":1000000}`);
    ws.on('close', () => {
      conns.delete(conn);
      for (const room of conn.rooms) {
        const members = rooms.get(room);
        members?.delete(conn);
        if (members?.size === 0) rooms.delete(room);
      }
    });
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.charCodeAt(0) !== 52 /* '4' message */) return; // '3' pong, '1' close: nothing to do
      const packet = text.charCodeAt(1);
      if (packet === 48 /* '0' connect */) return void ws.send(`40{"sid":"${sid}"}`);
      if (packet !== 50 /* '2' event */) return;
      let i = 2;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const ackId = text.slice(2, i);
      const [event, arg] = JSON.parse(text.slice(i)) as [string, unknown];
      if (event === 'join' && typeof arg === 'string') {
        conn.rooms.add(arg);
        let members = rooms.get(arg);
        if (!members) rooms.set(arg, (members = new Set()));
        members.add(conn);
      } else if (event === 'say' && arg && typeof arg === 'object') {
        const { room, body } = arg as { room: string; body: string };
        const members = rooms.get(room);
        if (members) {
          const out = textFrame(`42${JSON.stringify(['said', body])}`);
          for (const member of members) if (member !== conn && !member.raw.destroyed) member.raw.write(out);
        }
      } else return;
      if (ackId) ws.send(`43${ackId}[true]`);
    });
  });
  const pinger = setInterval(() => {
    for (const conn of conns) if (!conn.raw.destroyed) conn.raw.write(ping);
  }, PING_INTERVAL_MS);
  pinger.unref();

  await new Promise<void>((resolve) => http.listen(0, host, resolve));
  const { port } = http.address() as AddressInfo;
  return {
    port,
    async close() {
      clearInterval(pinger);
      for (const conn of conns) conn.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await profileUntilSignalled();
  const relay = await startWsRelay();
  process.stdout.write(`${JSON.stringify({ port: relay.port })}\n`);
  const stop = () => void relay.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
