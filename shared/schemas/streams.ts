import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { IdempotencyKeySchema, IdSchema, IsoDateSchema } from './common.js';

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

/** What each event type carries, keyed by `type`. */
export const StreamEventDataSchemas = {
  'announcement:posted': z.object({ id: IdSchema, text: z.string(), author: AuthorSchema }),
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
