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
import type {
  Hand,
  SeatResult,
  FloorDelta,
  FloorPage,
  FloorWatchEvent,
  TableAnswerEvent,
  TableHandEvent,
  TableJoinEvent,
  TableLeaveEvent,
  TableMessage,
  TableSayEvent,
  TableTyping,
  TableTypingEvent,
} from '../schemas/cafe.js';
import type { NotificationNew, NotificationRead } from '../schemas/notifications.js';
import type { StaffFloor, StaffFloorDelta, StaffFloorWatchEvent } from '../schemas/staff-floor.js';


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
  /** Cafe: sit down at a table (leaves your other table in the space); TABLE_FULL when the cap is reached. */
  'table:join': (input: TableJoinEvent, ack: Ack<SeatResult>) => void;
  'table:leave': (input: TableLeaveEvent, ack: Ack<null>) => void;
  /** Cafe: follow the floor of a space: acks with its first page, then `floor:delta` batches. */
  'floor:watch': (input: FloorWatchEvent, ack: Ack<{ page: FloorPage }>) => void;
  'floor:unwatch': (input: FloorWatchEvent, ack: Ack<null>) => void;
  /** Cafe: say something at your table; acknowledged once stored (moderated like blips). */
  'table:say': (input: TableSayEvent, ack: Ack<{ message: TableMessage }>) => void;
  /** Cafe: typing indicator, relayed volatile to the table's room, never stored. */
  'table:typing': (input: TableTypingEvent, ack: Ack<null>) => void;
  /** Cafe: raise (or lower, `raised: false`) your hand for staff. */
  'table:hand': (input: TableHandEvent, ack: Ack<{ hand: Hand | null }>) => void;
  /** Cafe, staff: answer a raised hand (lowers it, records the waiting time). */
  'table:answer': (input: TableAnswerEvent, ack: Ack<{ hand: Hand }>) => void;
  /** Cafe, staff: follow the staff floor of a space (activity, last lines, hands, alerts, coverage): acks with all of it, then `staff-floor:delta` batches. */
  'staff-floor:watch': (input: StaffFloorWatchEvent, ack: Ack<StaffFloor>) => void;
  'staff-floor:unwatch': (input: StaffFloorWatchEvent, ack: Ack<null>) => void;
}

/** Socket.IO events, server → client. */
export interface ServerToClientEvents {
  /** A new event in a stream this socket subscribed to; `seq` is one more than the last. */
  'stream:event': (event: StreamEvent) => void;
  /** Someone on a wave you subscribed to (stream `wave:<id>`) is writing a blip. */
  'blip:drafting': (drafting: Drafting) => void;
  /** Someone at a table whose stream (`table:<id>`) you subscribed to is typing. */
  'table:typing': (typing: TableTyping) => void;
  /** The floor you watch changed: the tables that changed since the last delta (batched), and the ones that closed. */
  'floor:delta': (delta: FloorDelta) => void;
  /** The staff floor you watch changed: the tables that changed since the last delta (batched), the ones that closed, coverage when it changed. */
  'staff-floor:delta': (delta: StaffFloorDelta) => void;
  /**
   * Someone replied to you, mentioned you, answered your hand…: a new notification, stored before
   * it is sent, to every signed-in socket of its recipient (and no one else); `unread` is the new header count.
   */
  'notification:new': (payload: NotificationNew) => void;
  /** Notifications were marked read (in another tab, or this one): `ids`, or `all` of `space` (null: everywhere). */
  'notification:read': (payload: NotificationRead) => void;
}

/** What the handshake sends as `auth`. Anonymous when `token` is absent and no cookie is sent. */
export interface HandshakeAuth {
  token?: string;
  protocolVersion?: number;
}
