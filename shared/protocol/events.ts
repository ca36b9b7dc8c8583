import type { Ack } from './result.js';
import type {
  PostAnnouncementInput,
  StreamEvent,
  SubscribeInput,
  SubscribeResult,
} from '../schemas/streams.js';
import type {
  Blip,
  DeleteBlipEvent,
  DraftEvent,
  Drafting,
  EditBlipEvent,
  PostBlipEvent,
  ReactionCount,
  ReactionEvent,
  SupportEvent,
  SupportResult,
} from '../schemas/waves.js';


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
  /** Reply on a wave (to the wave, or to a blip with `parentId`, inline with `anchor`). */
  'blip:post': (input: PostBlipEvent, ack: Ack<{ blip: Blip }>) => void;
  /** Edit your own blip; the previous text is kept as a revision. */
  'blip:edit': (input: EditBlipEvent, ack: Ack<{ blip: Blip }>) => void;
  /** Delete your own blip (staff: any); replies stay, the text goes. */
  'blip:delete': (input: DeleteBlipEvent, ack: Ack<null>) => void;
  'reaction:set': (input: ReactionEvent, ack: Ack<{ reactions: ReactionCount[] }>) => void;
  /** Support a wave (one per person) or take the support back. */
  'support:set': (input: SupportEvent, ack: Ack<SupportResult>) => void;
  /** The blip being written, as it forms; relayed to the wave's room, never stored. Throttle to a few per second. */
  'blip:draft': (input: DraftEvent, ack: Ack<null>) => void;
}

/** Socket.IO events, server → client. */
export interface ServerToClientEvents {
  /** A new event in a stream this socket subscribed to; `seq` is one more than the last. */
  'stream:event': (event: StreamEvent) => void;
  /** Someone on a wave you subscribed to (stream `wave:<id>`) is writing a blip. */
  'blip:drafting': (drafting: Drafting) => void;
}

/** What the handshake sends as `auth`. Anonymous when `token` is absent and no cookie is sent. */
export interface HandshakeAuth {
  token?: string;
  protocolVersion?: number;
}
