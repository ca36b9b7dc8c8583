/**
 * bench/baselines/socketio-relay.ts with Socket.IO's own connection state recovery switched on
 * (`connectionStateRecovery`, its defaults: sessions and broadcast packets kept 2 minutes,
 * middlewares skipped on recovery), for the `drop` scenario's second baseline. Same events:
 * `join` a room, `say` relays the body to the others in it. Socket.IO then appends an offset to
 * every broadcast event; a client that reconnects with its session id (`pid`) and the last offset
 * it received gets the room's packets after that offset replayed, and its rooms back, provided
 * the server noticed the old connection close first and no more than 2 minutes went by.
 *
 *   node --import tsx bench/baselines/socketio-recovery.ts   → prints {"port": N}, runs until SIGTERM
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Server } from 'socket.io';
import type { RelayClientEvents, RelayServerEvents } from './socketio-relay.js';
import { profileUntilSignalled } from '../servers/cpu-profile.js';

export async function startRecoveringRelay(host = '127.0.0.1'): Promise<{ port: number; close(): Promise<void> }> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const io = new Server<RelayClientEvents, RelayServerEvents>(http, {
    transports: ['websocket'],
    perMessageDeflate: false,
    serveClient: false,
    connectionStateRecovery: {},
  });
  io.on('connection', (socket) => {
    socket.on('join', (room, ack) => {
      void socket.join(room);
      if (typeof ack === 'function') ack(true);
    });
    socket.on('say', (input, ack) => {
      socket.to(input.room).emit('said', input.body);
      if (typeof ack === 'function') ack(true);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, host, resolve));
  const { port } = http.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        io.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await profileUntilSignalled();
  const relay = await startRecoveringRelay();
  process.stdout.write(`${JSON.stringify({ port: relay.port })}\n`);
  const stop = () => void relay.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
