import type { WebSocket } from 'ws';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors.js';

/**
 * Why the document socket closed. Refusals complete the WebSocket upgrade and then close,
 * because a browser never sees the HTTP status of a refused upgrade, only a close code.
 *
 * Our own codes are 4000 + the HTTP status of the same error, and the close reason is the
 * shared ErrorCode, so clients branch on the reason exactly as on an HTTP error body.
 * The stock y-websocket client stops reconnecting on 4400–4499 and retries everything else.
 */
export const CloseCode = {
  /** The server is stopping or restarting; reconnect later. */
  ServerShutdown: 1001,
  /** A frame exceeded LIMITS.docMessageBytes (sent by `ws` itself). */
  MessageTooLarge: 1009,
  /** A frame could not be decoded as a y-websocket message. */
  BadMessage: 4400,
  /** A token or session cookie was presented but is unknown, expired or revoked; or sign-in is needed. */
  Unauthorized: 4401,
  /** Signed in, but this viewer may not open this document. */
  Forbidden: 4403,
  /** The browser origin is not allowed (same number as Forbidden, its own reason). */
  OriginNotAllowed: 4403,
  /** The document name is malformed, of an unknown kind, or names nothing that exists. */
  NotFound: 4404,
  /** Storage failed on our side; the client reconnects and re-syncs what was not saved. */
  Internal: 4500,
} as const;

export type CloseName = keyof typeof CloseCode;

export const CloseReason: Record<CloseName, ErrorCode | 'SERVER_SHUTDOWN'> = {
  ServerShutdown: 'SERVER_SHUTDOWN',
  MessageTooLarge: ERROR_CODES.PAYLOAD_TOO_LARGE,
  BadMessage: ERROR_CODES.INVALID_INPUT,
  Unauthorized: ERROR_CODES.UNAUTHENTICATED,
  Forbidden: ERROR_CODES.FORBIDDEN,
  OriginNotAllowed: ERROR_CODES.ORIGIN_NOT_ALLOWED,
  NotFound: ERROR_CODES.NOT_FOUND,
  Internal: ERROR_CODES.INTERNAL,
};

export function closeWith(ws: WebSocket, name: CloseName): void {
  if (ws.readyState === ws.OPEN) ws.close(CloseCode[name], CloseReason[name]);
}
