import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { TestServer } from './server.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const open: ClientSocket[] = [];

/** A real socket.io-client connection (websocket transport), closed by `closeSockets`. */
export function connectSocket(
  server: Pick<TestServer, 'url'>,
  opts: { token?: string; cookie?: string; origin?: string; protocolVersion?: number; reconnection?: boolean } = {},
): ClientSocket {
  const extraHeaders: Record<string, string> = {};
  if (opts.cookie) extraHeaders.cookie = opts.cookie;
  if (opts.origin) extraHeaders.origin = opts.origin;
  const socket: ClientSocket = io(server.url, {
    transports: ['websocket'],
    auth: { token: opts.token, protocolVersion: opts.protocolVersion ?? PROTOCOL_VERSION },
    extraHeaders,
    reconnection: opts.reconnection ?? false,
    forceNew: true,
  });
  open.push(socket);
  return socket;
}

/** Resolves once connected, rejects with the handshake error. */
export function connected(socket: ClientSocket): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

export function closeSockets(): void {
  for (const socket of open.splice(0)) socket.disconnect();
}
