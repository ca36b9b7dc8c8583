import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../shared/protocol/events.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketOptions {
  /** Server origin; omitted means this page's origin (the apps). The widget passes its script's origin. */
  url?: string;
  /** Bearer token (widget with brand sign-in); the apps rely on the session cookie instead. */
  token?: string | null;
  /** Cookies on the handshake; the anonymous widget turns this off. */
  withCredentials?: boolean;
}

export function createSocket(options: SocketOptions = {}): AppSocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION };
  if (options.token) auth.token = options.token;
  const settings = {
    auth,
    withCredentials: options.withCredentials ?? true,
    // Straight to WebSocket: no long-polling fallback, so no sticky sessions are needed behind a load balancer.
    transports: ['websocket'],
    // The owning element connects when it is attached, not when it is constructed.
    autoConnect: false,
  };
  return options.url ? io(options.url, settings) : io(settings);
}

/** Drops and reopens the connection so the handshake carries the new session cookie. */
export function reconnectAs(socket: AppSocket): void {
  socket.disconnect();
  socket.connect();
}
