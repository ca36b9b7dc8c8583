import { z } from 'zod';
import { IdempotencyKeySchema, IdSchema, IsoDateSchema } from './common.js';
import { NotificationSettingsSchema } from './notifications.js';
import { REACTIONS, SETTABLE_STATUSES, WAVE_LIMITS, WAVE_SORTS, WAVE_STATUSES } from '../waves.js';

export * from '../waves.js';

export const PersonSchema = z.object({ id: IdSchema, displayName: z.string() });
export type Person = z.infer<typeof PersonSchema>;

export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(WAVE_LIMITS.tagMax)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'letters, digits, spaces, - and _');

export const StatusChangeSchema = z.object({
  id: IdSchema,
  from: z.enum(WAVE_STATUSES).nullable(),
  to: z.enum(WAVE_STATUSES),
  reason: z.string(),
  actor: PersonSchema,
  at: IsoDateSchema,
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const WaveSummarySchema = z.object({
  id: IdSchema,
  spaceId: IdSchema,
  title: z.string(),
  status: z.enum(WAVE_STATUSES),
  tags: z.array(z.string()),
  author: PersonSchema,
  supporters: z.int(),
  /** Distinct people who edited the document or wrote a blip. */
  contributors: z.int(),
  replies: z.int(),
  locked: z.boolean(),
  mergedInto: IdSchema.nullable(),
  createdAt: IsoDateSchema,
  lastActivityAt: IsoDateSchema,
  /** False for anonymous viewers. */
  viewerSupports: z.boolean(),
});
export type WaveSummary = z.infer<typeof WaveSummarySchema>;

export const WaveDetailSchema = WaveSummarySchema.extend({
  /** The Yjs document of the idea: `wave:<id>` at `/yjs/wave:<id>`. */
  docName: z.string(),
  pinnedBlipId: IdSchema.nullable(),
  statusHistory: z.array(StatusChangeSchema),
  /** Whether the viewer may edit the document now (signed in, a member, not locked, or staff). */
  viewerCanEdit: z.boolean(),
  viewerIsStaff: z.boolean(),
  /**
   * Only when `shipped`: everyone who made it, named on the wave ("made with …"): the people who
   * wrote it (document edits, visible blips) most involved first, then those credited from a cafe
   * table, then its supporters in the order they supported it.
   */
  madeWith: z.array(PersonSchema).optional(),
});
export type WaveDetail = z.infer<typeof WaveDetailSchema>;

export const WavePageSchema = z.object({
  items: z.array(WaveSummarySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type WavePage = z.infer<typeof WavePageSchema>;

export const ListWavesQuerySchema = z.object({
  sort: z.enum(WAVE_SORTS).default('hot'),
  status: z.enum(WAVE_STATUSES).optional(),
  tag: TagSchema.optional(),
  /** Waves the viewer supports. */
  supported: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(WAVE_LIMITS.pageMax).default(20),
});

export const CreateWaveBodySchema = z.object({
  title: z.string().trim().min(WAVE_LIMITS.titleMin, `at least ${WAVE_LIMITS.titleMin} characters`).max(WAVE_LIMITS.titleMax),
  tags: z.array(TagSchema).max(WAVE_LIMITS.tagsMax).default([]),
  /** First draft of the idea as plain text; blank lines separate paragraphs. */
  draft: z.string().max(WAVE_LIMITS.draftMax).default(''),
});
export type CreateWaveBody = z.infer<typeof CreateWaveBodySchema>;

export const AnchorSchema = z.object({
  /** Character offset in the parent blip's body where the inline reply sits. */
  offset: z.int().min(0).max(WAVE_LIMITS.blipMax),
  /** The words of the parent it answers, for display if the parent is edited. */
  quote: z.string().max(WAVE_LIMITS.anchorQuoteMax),
});

export const BlipBodySchema = z
  .string()
  .trim()
  .min(1, 'a reply needs text')
  .max(WAVE_LIMITS.blipMax, `at most ${WAVE_LIMITS.blipMax} characters`);

export const ReactionCountSchema = z.object({ reaction: z.enum(REACTIONS), count: z.int(), by: z.array(IdSchema) });
export type ReactionCount = z.infer<typeof ReactionCountSchema>;

export const BlipSchema = z.object({
  id: IdSchema,
  waveId: IdSchema,
  parentId: IdSchema.nullable(),
  anchor: AnchorSchema.nullable(),
  author: PersonSchema,
  /** Plain text with light markdown (links, **bold**, _italic_, `code`); clients render it as text, never as HTML. */
  body: z.string(),
  mentions: z.array(PersonSchema),
  reactions: z.array(ReactionCountSchema),
  createdAt: IsoDateSchema,
  editedAt: IsoDateSchema.nullable(),
  deleted: z.boolean(),
  /** `held`: waiting for review, shown only to its author (and staff); `rejected`: shown only to its author. */
  visibility: z.enum(['visible', 'held', 'rejected']),
});
export type Blip = z.infer<typeof BlipSchema>;

export const BlipPageSchema = z.object({ items: z.array(BlipSchema), nextCursor: z.string().nullable() });
export const BlipRevisionSchema = z.object({ body: z.string(), at: IsoDateSchema });

export const PostBlipBodySchema = z.object({
  parentId: IdSchema.nullable().optional(),
  body: BlipBodySchema,
  anchor: AnchorSchema.optional(),
});
export const EditBlipBodySchema = z.object({ body: BlipBodySchema });

export const ChangeStatusBodySchema = z.object({
  status: z.enum(SETTABLE_STATUSES),
  reason: z.string().trim().min(1, 'a public reason is required').max(WAVE_LIMITS.reasonMax),
});
export const MergeBodySchema = z.object({
  into: IdSchema,
  reason: z.string().trim().min(1, 'a public reason is required').max(WAVE_LIMITS.reasonMax),
});
export const LockBodySchema = z.object({ locked: z.boolean() });
export const PinBodySchema = z.object({ blipId: IdSchema.nullable() });

export const SupportResultSchema = z.object({ waveId: IdSchema, supporters: z.int(), supported: z.boolean() });
export type SupportResult = z.infer<typeof SupportResultSchema>;

export const ContributorSchema = z.object({
  person: PersonSchema,
  /** Characters this person typed into the idea document. */
  documentChars: z.int(),
  /** Stored document updates by this person. */
  documentEdits: z.int(),
  blips: z.int(),
  /** Cafe tables this person sat at whose conversation became this wave. */
  tables: z.int(),
});
export type Contributor = z.infer<typeof ContributorSchema>;

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(WAVE_LIMITS.searchMax).default(20),
});
export const SearchHitSchema = z.object({
  wave: z.object({ id: IdSchema, title: z.string(), status: z.enum(WAVE_STATUSES) }),
  kind: z.enum(['title', 'document', 'blip']),
  blipId: IdSchema.nullable(),
  /** Plain text around the match; the matched words are wrapped in « and ». */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const PeopleQuerySchema = z.object({
  q: z.string().trim().max(60).default(''),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const HistorySchema = z.object({
  /** Stored document updates in all. */
  count: z.int(),
  /**
   * The moments a slider stops at, oldest first: document updates (at most WAVE_LIMITS.playbackMarks,
   * evenly spread, always the first and the newest) and every posted blip. Play back a mark with
   * `?updateId=<updateId>&at=<at>`; a blip's mark carries the newest document update before it.
   */
  marks: z.array(
    z.object({ updateId: z.int(), at: IsoDateSchema, author: PersonSchema.nullable(), kind: z.enum(['edit', 'blip']) }),
  ),
  /** When blips were posted, to show them on the slider. */
  blipTimes: z.array(IsoDateSchema),
});
export type History = z.infer<typeof HistorySchema>;

export const PlaybackQuerySchema = z.object({
  updateId: z.coerce.number().int().min(0),
  /** The moment for the thread; default: the time of update `updateId`. */
  at: IsoDateSchema.optional(),
});
export const PlaybackSchema = z.object({
  updateId: z.int(),
  at: IsoDateSchema.nullable(),
  /** Base64 of a Yjs update holding the document exactly as it was after `updateId`. */
  state: z.string(),
  /** Blips that existed then, with the text they had then. */
  blips: z.array(BlipSchema),
});
export type Playback = z.infer<typeof PlaybackSchema>;

export const UserSettingsSchema = z.object({
  /** Let others see my blip drafts as I type them. */
  shareDrafts: z.boolean(),
  /** What to be notified of (all on by default); see docs/notifications.md. */
  notifications: NotificationSettingsSchema,
});
export type UserSettings = z.infer<typeof UserSettingsSchema>;

/** `PATCH /me/settings`: any of the settings; `notifications` may name only the kinds to change. */
export const UserSettingsPatchSchema = z.object({
  shareDrafts: z.boolean().optional(),
  notifications: NotificationSettingsSchema.partial().optional(),
});
export type UserSettingsPatch = z.infer<typeof UserSettingsPatchSchema>;

export const WaveParamsSchema = z.object({ waveId: IdSchema });
export const BlipParamsSchema = z.object({ blipId: IdSchema });
export const ReactionParamsSchema = z.object({ blipId: IdSchema, reaction: z.enum(REACTIONS) });

// Socket payloads: the REST bodies plus what the URL would have carried, and an idempotency key.
export const PostBlipEventSchema = PostBlipBodySchema.extend({ waveId: IdSchema, idempotencyKey: IdempotencyKeySchema });
export const EditBlipEventSchema = EditBlipBodySchema.extend({ blipId: IdSchema, idempotencyKey: IdempotencyKeySchema });
export const DeleteBlipEventSchema = z.object({ blipId: IdSchema, idempotencyKey: IdempotencyKeySchema });
export const ReactionEventSchema = z.object({
  blipId: IdSchema,
  reaction: z.enum(REACTIONS),
  on: z.boolean(),
  idempotencyKey: IdempotencyKeySchema,
});
export const SupportEventSchema = z.object({ waveId: IdSchema, support: z.boolean(), idempotencyKey: IdempotencyKeySchema });
export const DraftEventSchema = z.object({
  waveId: IdSchema,
  parentId: IdSchema.nullable().optional(),
  /** The draft as it stands; empty when the writer stopped or posted. */
  text: z.string().max(WAVE_LIMITS.blipMax),
});

export type PostBlipEvent = z.infer<typeof PostBlipEventSchema>;
export type EditBlipEvent = z.infer<typeof EditBlipEventSchema>;
export type DeleteBlipEvent = z.infer<typeof DeleteBlipEventSchema>;
export type ReactionEvent = z.infer<typeof ReactionEventSchema>;
export type SupportEvent = z.infer<typeof SupportEventSchema>;
export type DraftEvent = z.infer<typeof DraftEventSchema>;

export const DraftingSchema = z.object({
  waveId: IdSchema,
  parentId: IdSchema.nullable(),
  author: PersonSchema,
  /** Null when the writer does not share drafts: show only that they are writing. Empty: they stopped. */
  text: z.string().nullable(),
  at: IsoDateSchema,
});
export type Drafting = z.infer<typeof DraftingSchema>;
