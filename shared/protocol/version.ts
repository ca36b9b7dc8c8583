/** Sent by clients as `auth.protocolVersion` in the Socket.IO handshake; bumped on breaking changes. */
export const PROTOCOL_VERSION = 1;
