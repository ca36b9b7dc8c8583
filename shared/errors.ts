/**
 * Every error a client can receive, over HTTP (`{"error":{code,message}}`), in a
 * Socket.IO ack (`{ok:false,error:{code,message}}`) or as a document-socket close.
 * Clients branch on `code`; `message` is for people.
 */
export const ERROR_CODES = {
  /** A body, query, param or event payload failed its schema; `field` names the first bad field. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** No valid session or token was presented. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Email or password did not match. */
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  /** A brand SSO token was expired, wrongly signed, unsigned or missing claims. */
  INVALID_SSO_TOKEN: 'INVALID_SSO_TOKEN',
  /** Signed in, but this role in this space may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** A cookie-authenticated write came without the matching X-CSRF-Token header. */
  CSRF_FAILED: 'CSRF_FAILED',
  /** The browser origin is not this server nor on a space's widget allow-list. */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  /** The resource already exists (an email, a space slug). */
  CONFLICT: 'CONFLICT',
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Too many attempts; `retryAfter` seconds says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A moderation rule refused the text; `message` says why, in words for its author. */
  CONTENT_REJECTED: 'CONTENT_REJECTED',
  /** The client speaks a protocol version this server does not. */
  UNSUPPORTED_PROTOCOL: 'UNSUPPORTED_PROTOCOL',
  /** The cafe table has no free seat; `alternative` suggests another table on the topic or opening one. */
  TABLE_FULL: 'TABLE_FULL',
  /** Something failed on our side; the log has the details. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** The first invalid field, as a dotted path, for INVALID_INPUT. */
  field?: string;
  /** Seconds until a retry may succeed, for RATE_LIMITED. */
  retryAfter?: number;
  /** For TABLE_FULL: the emptiest open table on the same topic with a free seat (or null), and a hint. */
  alternative?: { table: { id: string; topic: string; seatsTaken: number; capacity: number } | null; hint: string };
}
