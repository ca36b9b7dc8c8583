import type { Ack } from './result.js';
import type {
  PostAnnouncementInput,
  StreamEvent,
  SubscribeInput,
  SubscribeResult,
} from '../schemas/streams.js';

/**
 * Socket.IO events, client → server. Every one is validated against its schema in
 * `shared/schemas` and acknowledged with `Result<T>`. Writes carry an `idempotencyKey`.
 */
export interface ClientToServerEvents {
  /** Join a stream's live room and receive what was missed since `after`. */
  'stream:subscribe': (input: SubscribeInput, ack: Ack<SubscribeResult>) => void;
  'stream:unsubscribe': (input: { stream: string }, ack: Ack<null>) => void;
  /** Staff: post to the space stream `space:<spaceId>`. */
  'announcement:post': (input: PostAnnouncementInput, ack: Ack<{ event: StreamEvent }>) => void;
}

/** Socket.IO events, server → client. */
export interface ServerToClientEvents {
  /** A new event in a stream this socket subscribed to; `seq` is one more than the last. */
  'stream:event': (event: StreamEvent) => void;
}

/** What the handshake sends as `auth`. Anonymous when `token` is absent and no cookie is sent. */
export interface HandshakeAuth {
  token?: string;
  protocolVersion?: number;
}
