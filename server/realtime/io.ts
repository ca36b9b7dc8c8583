import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { ERROR_CODES } from '../../shared/errors.js';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../shared/protocol/events.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { AppDeps } from '../deps.js';
import { viewerFromToken, type Viewer } from '../features/users/viewer.js';
import { sessionTokenFromCookie } from '../http/viewer-middleware.js';
import type { OriginPolicy } from '../http/origins.js';

export interface SocketData {
  viewer: Viewer | null;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Error passed to `next()` in the handshake; the client sees `err.message` and `err.data.code`. */
function handshakeError(code: string, message: string) {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * The Socket.IO server on the shared HTTP server. The handshake authenticates once
 * (bearer `auth.token`, else the session cookie; none means anonymous, read-only),
 * and browsers from origins not on the allow-list are refused before any of that.
 */
export function createIo(httpServer: HttpServer, deps: AppDeps, origins: OriginPolicy): AppServer {
  const io: AppServer = new Server(httpServer, {
    // The document socket (/yjs) shares this HTTP server; engine.io must leave its upgrades alone.
    destroyUpgrade: false,
    serveClient: false,
    maxHttpBufferSize: 1e6,
    allowRequest: (req, callback) => callback(null, origins.isAllowed(req.headers.origin, req.headers.host)),
    cors: {
      origin: (origin, callback) => callback(null, origin === undefined || origins.isWidgetOrigin(origin)),
      credentials: false,
    },
  });

  io.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
      if (auth.protocolVersion !== undefined && auth.protocolVersion !== PROTOCOL_VERSION) {
        return next(
          handshakeError(
            ERROR_CODES.UNSUPPORTED_PROTOCOL,
            `This server speaks protocol ${PROTOCOL_VERSION}, the client ${auth.protocolVersion}; reload the page`,
          ),
        );
      }
      const now = deps.clock.now();
      if (typeof auth.token === 'string' && auth.token !== '') {
        const viewer = await viewerFromToken(deps.db.kysely, auth.token, now, 'bearer');
        if (!viewer) return next(handshakeError(ERROR_CODES.UNAUTHENTICATED, 'The token is invalid, expired or revoked'));
        socket.data.viewer = viewer;
        return next();
      }
      const cookieToken = sessionTokenFromCookie(socket.handshake.headers.cookie);
      socket.data.viewer = cookieToken ? await viewerFromToken(deps.db.kysely, cookieToken, now, 'cookie') : null;
      next();
    } catch (err) {
      deps.log.error({ err }, 'socket handshake failed');
      next(handshakeError(ERROR_CODES.INTERNAL, 'Something went wrong on our side'));
    }
  });

  return io;
}
