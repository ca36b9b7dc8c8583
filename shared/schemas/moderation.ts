import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.js';

export const CONTENT_KINDS = ['wave', 'blip', 'table-message', 'bio', 'display-name'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const ITEM_STATUSES = ['held', 'flagged', 'allowed', 'approved', 'rejected'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** Queue tabs: held waits for a decision; flagged is visible but wants a look; recent is what passed lately. */
export const QUEUE_TABS = ['held', 'flagged', 'recent'] as const;

export const ReasonSchema = z.object({ rule: z.string(), message: z.string() });
export type Reason = z.infer<typeof ReasonSchema>;

export const AuthorCardSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  joinedAt: IsoDateSchema.nullable(),
  approvedPosts: z.int(),
  rejectedPosts: z.int(),
  banned: z.boolean(),
  suspendedUntil: IsoDateSchema.nullable(),
});
export type AuthorCard = z.infer<typeof AuthorCardSchema>;

export const QueueItemSchema = z.object({
  id: IdSchema,
  kind: z.enum(CONTENT_KINDS),
  contentId: z.string(),
  status: z.enum(ITEM_STATUSES),
  body: z.string(),
  reasons: z.array(ReasonSchema),
  flags: z.array(ReasonSchema),
  createdAt: IsoDateSchema,
  author: AuthorCardSchema.nullable(),
  /** Where the item lives, for showing it in context. */
  context: z.object({ title: z.string(), waveId: IdSchema.nullable(), href: z.string() }).nullable(),
  decidedBy: z.object({ id: IdSchema, displayName: z.string() }).nullable(),
  decidedAt: IsoDateSchema.nullable(),
  decisionNote: z.string().nullable(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const QueueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).default('held'),
  /** Opaque: pass back `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const QueuePageSchema = z.object({ items: z.array(QueueItemSchema), nextCursor: z.string().nullable() });

export const ItemParamsSchema = z.object({ itemId: IdSchema });
export const ApproveBodySchema = z.object({ note: z.string().trim().max(500).optional() });
export const RejectBodySchema = z.object({ reason: z.string().trim().min(1, 'tell the author why').max(500) });
export const EditItemBodySchema = z.object({ body: z.string().trim().min(1).max(20_000), note: z.string().trim().max(500).optional() });
export const BulkDecisionBodySchema = z.object({
  itemIds: z.array(IdSchema).min(1).max(100),
  action: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).optional(),
});
export const BulkResultSchema = z.object({
  done: z.array(IdSchema),
  /** Items another moderator decided first. */
  alreadyHandled: z.array(z.object({ id: IdSchema, status: z.enum(ITEM_STATUSES), by: z.string().nullable() })),
});

export const SanctionBodySchema = z.object({
  userId: IdSchema,
  kind: z.enum(['ban', 'suspension']),
  /** Suspensions only: how long. */
  days: z.number().min(0.01).max(3650).optional(),
  reason: z.string().trim().min(1).max(500),
});
export const SanctionSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  kind: z.enum(['ban', 'suspension']),
  reason: z.string(),
  until: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  liftedAt: IsoDateSchema.nullable(),
});
export type Sanction = z.infer<typeof SanctionSchema>;
export const SanctionParamsSchema = z.object({ slug: z.string(), sanctionId: IdSchema });

export const RejectRecentBodySchema = z.object({ userId: IdSchema, reason: z.string().trim().min(1).max(500) });

export const FlagBodySchema = z.object({
  kind: z.enum(CONTENT_KINDS),
  contentId: IdSchema,
  reason: z.string().trim().min(1, 'say what is wrong').max(300),
});
