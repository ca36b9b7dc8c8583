import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { IdempotencyKeySchema, IdSchema, IsoDateSchema } from './common.js';
import { CONTENT_KINDS, QueueItemSchema } from './moderation.js';
import {
  BlipSchema,
  ReactionCountSchema,
  StatusChangeSchema,
  WAVE_STATUSES,
  WaveSummarySchema,
} from './waves.js';
import { CafeTableSchema, HandSchema, TableMessageSchema } from './cafe.js';
import { SpotlightSchema } from './people.js';

export const StreamNameSchema = z.string().regex(/^[a-z]+:[A-Za-z0-9_-]{6,40}$/, 'a stream name like space:<id>');

export const SubscribeSchema = z.object({
  stream: StreamNameSchema,
  /** The last sequence number this client applied: 0 replays from the start; omitted replays nothing (live from now on). */
  after: z.int().min(0).optional(),
});
export type SubscribeInput = z.infer<typeof SubscribeSchema>;

export const UnsubscribeSchema = z.object({ stream: StreamNameSchema });

export const AnnouncementBodySchema = z.object({
  text: z.string().trim().min(1, 'an announcement needs text').max(LIMITS.announcementMax),
});

export const PostAnnouncementSchema = AnnouncementBodySchema.extend({
  spaceId: IdSchema,
  idempotencyKey: IdempotencyKeySchema,
});
export type PostAnnouncementInput = z.infer<typeof PostAnnouncementSchema>;

const AuthorSchema = z.object({ id: IdSchema, displayName: z.string() });

const WaveCountsSchema = z.object({
  waveId: IdSchema,
  supporters: z.int(),
  replies: z.int(),
  contributors: z.int(),
  lastActivityAt: IsoDateSchema,
});

/** What each event type carries, keyed by `type`. */
export const StreamEventDataSchemas = {
  /** space stream */
  'announcement:posted': z.object({ id: IdSchema, text: z.string(), author: AuthorSchema }),
  /** space stream: a new idea; `viewerSupports` is always false here. */
  'wave:created': z.object({ wave: WaveSummarySchema }),
  /** space and wave streams: counters changed (support, reply, contribution). */
  'wave:counts': WaveCountsSchema,
  /** space and wave streams */
  'wave:status-changed': z.object({ waveId: IdSchema, status: z.enum(WAVE_STATUSES), change: StatusChangeSchema }),
  /** wave stream: lock, pin, merge or title changes; only the changed fields are present. */
  'wave:updated': z.object({
    waveId: IdSchema,
    locked: z.boolean().optional(),
    pinnedBlipId: IdSchema.nullable().optional(),
    mergedInto: IdSchema.nullable().optional(),
    title: z.string().optional(),
  }),
  /** wave stream */
  'blip:created': z.object({ blip: BlipSchema }),
  'blip:edited': z.object({ blip: BlipSchema }),
  'blip:deleted': z.object({ blipId: IdSchema, waveId: IdSchema }),
  'blip:reactions': z.object({ blipId: IdSchema, waveId: IdSchema, reactions: z.array(ReactionCountSchema) }),
  /** staff stream: an item entered or changed in the moderation queue. */
  'moderation:item': z.object({ item: QueueItemSchema }),
  /** user stream: staff decided on something this person wrote. */
  'moderation:decided': z.object({
    kind: z.enum(CONTENT_KINDS),
    contentId: z.string(),
    decision: z.enum(['approved', 'rejected']),
    reason: z.string().nullable(),
  }),
  /** table stream: a chat message at a cafe table (held ones go to the author's user stream). */
  'table:message': z.object({ message: TableMessageSchema }),
  /** table stream: a seated fan raised a hand for staff. */
  'table:hand-raised': z.object({ hand: HandSchema }),
  /** table stream: the hand went down (lowered by the fan, or answered by staff: `answeredBy`). */
  'table:hand-lowered': z.object({ hand: HandSchema }),
  /** table stream: a table changed seats, topic, lock, hands, closed or reopened (the whole summary). The floor gets `floor:delta` instead. */
  'table:changed': z.object({ table: CafeTableSchema }),
  /** space stream: staff thanked a person in public (a spotlight, also on their profile). */
  'person:spotlighted': z.object({ spotlight: SpotlightSchema }),
  /** table stream: staff started a wave from this table's conversation. */
  'table:promoted': z.object({ tableId: z.string(), wave: z.object({ id: z.string(), title: z.string() }), by: z.object({ id: z.string(), displayName: z.string() }) }),
} as const;
export type StreamEventType = keyof typeof StreamEventDataSchemas;
export type StreamEventData<T extends StreamEventType> = z.infer<(typeof StreamEventDataSchemas)[T]>;

export type StreamEvent = {
  [T in StreamEventType]: {
    stream: string;
    seq: number;
    type: T;
    data: StreamEventData<T>;
    actorId: string | null;
    createdAt: string;
  };
}[StreamEventType];

export const StreamEventSchema = z.object({
  stream: z.string(),
  seq: z.int(),
  type: z.enum(Object.keys(StreamEventDataSchemas) as [StreamEventType, ...StreamEventType[]]),
  data: z.unknown(),
  actorId: IdSchema.nullable(),
  createdAt: IsoDateSchema,
});

export const SubscribeResultSchema = z.object({
  stream: z.string(),
  /** Missed events, oldest first, at most LIMITS.replayBatch. */
  events: z.array(StreamEventSchema),
  /** The stream's newest sequence number now. */
  head: z.int(),
  /** More missed events remain: subscribe again with `after` = the last one's seq. */
  more: z.boolean(),
});
export type SubscribeResult = { stream: string; events: StreamEvent[]; head: number; more: boolean };

export const replayLimit = LIMITS.replayBatch;
