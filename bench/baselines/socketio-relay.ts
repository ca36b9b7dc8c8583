/**
 * The bare Socket.IO relay the cafe benchmark measures our server against: Socket.IO 4 on a
 * plain HTTP server, websocket transport only, no compression. A client `join`s a room; `say`
 * relays the body to everyone else in the room (`socket.to(room).emit`) and acknowledges.
 * No authentication, no storage, no checks, no moderation.
 *
 * Run as a process (`node --import tsx bench/baselines/socketio-relay.ts`), it listens on an
 * ephemeral port of 127.0.0.1 and prints one JSON line, `{"port": N}`, then runs until SIGTERM
 * (SIGUSR2 with BENCH_CPU_PROFILE: see bench/servers/cpu-profile.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Server } from 'socket.io';
import { profileUntilSignalled } from '../servers/cpu-profile.js';

export interface RelayClientEvents {
  join: (room: string, ack: (ok: true) => void) => void;
  say: (input: { room: string; body: string }, ack: (ok: true) => void) => void;
}
export interface RelayServerEvents {
  said: (body: string) => void;
}

export interface SocketIoRelay {
  port: number;
  close(): Promise<void>;
}

/** `recovery`: Socket.IO's own connection state recovery on (the `drop` scenario's second baseline). */
export async function startSocketIoRelay(host = '127.0.0.1', options: { recovery?: boolean } = {}): Promise<SocketIoRelay> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const io = new Server<RelayClientEvents, RelayServerEvents>(http, {
    transports: ['websocket'],
    perMessageDeflate: false,
    serveClient: false,
    ...(options.recovery ? { connectionStateRecovery: {} } : {}),
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

/** Runs a relay as a benchmark server process: prints `{"port": N}`, stops on SIGTERM. */
export async function runRelayProcess(start: () => Promise<SocketIoRelay>): Promise<void> {
  await profileUntilSignalled();
  const relay = await start();
  process.stdout.write(`${JSON.stringify({ port: relay.port })}\n`);
  const stop = () => void relay.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runRelayProcess(() => startSocketIoRelay());
