import { z } from 'zod';
import { IdempotencyKeySchema, IdSchema, IsoDateSchema } from './common.js';
import { CreateWaveBodySchema } from './waves.js';

export const CAFE_LIMITS = {
  topicMin: 3,
  topicMax: 120,
  tagsMax: 5,
  tagMax: 30,
  messageMax: 2000,
  questionMax: 280,
  floorPageMax: 50,
  floorPageDefault: 20,
  conversationMax: 100,
  promoteMax: 100,
  earlierMax: 50,
} as const;

export const TopicSchema = z.string().trim().min(CAFE_LIMITS.topicMin).max(CAFE_LIMITS.topicMax);
export const TableTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(CAFE_LIMITS.tagMax)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'letters, digits, spaces, _ and -');

export const SeatedPersonSchema = z.object({ id: IdSchema, displayName: z.string(), staff: z.boolean(), away: z.boolean() });
export type SeatedPerson = z.infer<typeof SeatedPersonSchema>;

/** One table on the floor. `seatsTaken` counts fan seats only (staff seats never count against `capacity`). */
export const CafeTableSchema = z.object({
  id: IdSchema,
  spaceId: IdSchema,
  topic: z.string(),
  tags: z.array(z.string()),
  capacity: z.int(),
  seatsTaken: z.int(),
  hostId: IdSchema.nullable(),
  people: z.array(SeatedPersonSchema),
  staffPresent: z.int(),
  raisedHands: z.int(),
  /** How lively it is: visible messages in the last 10 minutes. */
  recentMessages: z.int(),
  /** Staff locked it: no new fan seats; fans read, only staff write. */
  locked: z.boolean(),
  lastActivityAt: IsoDateSchema,
  createdAt: IsoDateSchema,
  closedAt: IsoDateSchema.nullable(),
  /** The table's notepad: `/yjs/table:<id>`; its chat: stream `table:<id>`. */
  docName: z.string(),
});
export type CafeTable = z.infer<typeof CafeTableSchema>;

export const FloorPageSchema = z.object({ items: z.array(CafeTableSchema), nextCursor: z.string().nullable() });
export type FloorPage = z.infer<typeof FloorPageSchema>;

export const FloorQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(CAFE_LIMITS.floorPageMax).default(CAFE_LIMITS.floorPageDefault),
  /** Words the topic contains (case-insensitive). */
  topic: z.string().trim().min(1).max(CAFE_LIMITS.topicMax).optional(),
  tag: TableTagSchema.optional(),
});

export const OpenTableBodySchema = z.object({
  topic: TopicSchema,
  tags: z.array(TableTagSchema).max(CAFE_LIMITS.tagsMax).default([]),
  /** Defaults to the space's `tableCapacity`; never above `maxTableCapacity`. */
  capacity: z.int().min(2).max(50).optional(),
});
export const EditTableBodySchema = z.object({ topic: TopicSchema });
export const LockTableBodySchema = z.object({ locked: z.boolean() });

export const PromoteTableBodySchema = z.object({
  title: CreateWaveBodySchema.shape.title,
  tags: CreateWaveBodySchema.shape.tags,
  /** The messages that become the wave's first blips, in the table's order (visible ones of this table). */
  messageIds: z.array(IdSchema).min(1, 'pick at least one message').max(CAFE_LIMITS.promoteMax),
});
export const PromoteResultSchema = z.object({
  wave: z.object({ id: IdSchema, title: z.string() }),
  blips: z.int(),
  /** Everyone who sat at the table, credited on the wave. */
  credited: z.array(z.object({ id: IdSchema, displayName: z.string() })),
});
export type PromoteResult = z.infer<typeof PromoteResultSchema>;
export const TableParamsSchema = z.object({ tableId: IdSchema });

export const TableMessageSchema = z.object({
  id: IdSchema,
  tableId: IdSchema,
  author: z.object({ id: IdSchema, displayName: z.string() }),
  body: z.string(),
  createdAt: IsoDateSchema,
  visibility: z.enum(['visible', 'held', 'rejected']),
});
export type TableMessage = z.infer<typeof TableMessageSchema>;

export const HandSchema = z.object({
  id: IdSchema,
  tableId: IdSchema,
  person: z.object({ id: IdSchema, displayName: z.string() }),
  question: z.string().nullable(),
  raisedAt: IsoDateSchema,
  loweredAt: IsoDateSchema.nullable(),
  answeredAt: IsoDateSchema.nullable(),
  answeredBy: z.object({ id: IdSchema, displayName: z.string() }).nullable(),
  /** Seconds from raised to answered (or lowered); null while up. */
  waitSeconds: z.number().nullable(),
});
export type Hand = z.infer<typeof HandSchema>;

/** Arriving at a table: its summary, the last messages, the hands up, and the stream head to follow on from. */
export const ConversationSchema = z.object({
  table: CafeTableSchema,
  messages: z.array(TableMessageSchema),
  hands: z.array(HandSchema),
  /** The `table:<id>` stream's head: subscribe with `after: head`. */
  head: z.int(),
});
export type Conversation = z.infer<typeof ConversationSchema>;
export const ConversationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CAFE_LIMITS.conversationMax).default(50),
});
export const EarlierQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CAFE_LIMITS.earlierMax).default(20),
});

/** Where a fan who found a table full could go instead. */
export const TableAlternativeSchema = z.object({
  /** The emptiest open table with the same topic and a free seat, if any. */
  table: z.object({ id: IdSchema, topic: z.string(), seatsTaken: z.int(), capacity: z.int() }).nullable(),
  /** Words for the person: join that table, or open a new one on this topic. */
  hint: z.string(),
});
export type TableAlternative = z.infer<typeof TableAlternativeSchema>;

export const SeatResultSchema = z.object({ table: CafeTableSchema, seat: z.object({ staff: z.boolean(), sinceAt: IsoDateSchema }) });
export type SeatResult = z.infer<typeof SeatResultSchema>;

// Socket payloads
export const TableJoinEventSchema = z.object({ tableId: IdSchema });
export type TableJoinEvent = z.infer<typeof TableJoinEventSchema>;
export const TableLeaveEventSchema = z.object({ tableId: IdSchema });
export type TableLeaveEvent = z.infer<typeof TableLeaveEventSchema>;
export const TableSayEventSchema = z.object({
  tableId: IdSchema,
  body: z.string().max(CAFE_LIMITS.messageMax * 2),
  idempotencyKey: IdempotencyKeySchema,
});
export type TableSayEvent = z.infer<typeof TableSayEventSchema>;
export const TableTypingEventSchema = z.object({ tableId: IdSchema, typing: z.boolean() });
export type TableTypingEvent = z.infer<typeof TableTypingEventSchema>;
export const TableHandEventSchema = z.object({
  tableId: IdSchema,
  /** false lowers your raised hand. */
  raised: z.boolean().default(true),
  question: z.string().trim().max(CAFE_LIMITS.questionMax).optional(),
  idempotencyKey: IdempotencyKeySchema.optional(),
});
export type TableHandEvent = z.input<typeof TableHandEventSchema>;
export const TableAnswerEventSchema = z.object({ handId: IdSchema, idempotencyKey: IdempotencyKeySchema.optional() });
export type TableAnswerEvent = z.infer<typeof TableAnswerEventSchema>;

export const TableTypingSchema = z.object({
  tableId: IdSchema,
  person: z.object({ id: IdSchema, displayName: z.string() }),
  typing: z.boolean(),
});
export type TableTyping = z.infer<typeof TableTypingSchema>;

/** `floor:watch` / `floor:unwatch`: live floor changes of a space. */
export const FloorWatchEventSchema = z.object({
  slug: z.string().min(1).max(64),
  /** Filters for the first page (deltas carry every changed table: filter them the same way). */
  topic: z.string().trim().min(1).max(CAFE_LIMITS.topicMax).optional(),
  tag: TableTagSchema.optional(),
});
export type FloorWatchEvent = z.infer<typeof FloorWatchEventSchema>;

/**
 * `floor:delta` (server → watchers of a space's floor): the tables that changed since the last
 * delta, batched; `closed` lists tables that left the floor. Not stored: on reconnect, load the
 * floor again and watch again.
 */
export const FloorDeltaSchema = z.object({ spaceId: IdSchema, tables: z.array(CafeTableSchema), closed: z.array(IdSchema) });
export type FloorDelta = z.infer<typeof FloorDeltaSchema>;
