import { z } from 'zod';
import { IdSchema, IsoDateSchema, SlugSchema } from './common.js';

/**
 * What a person is notified about (see docs/notifications.md):
 * - `reply`: someone replied to your blip;
 * - `mention`: someone mentioned you in a blip (wins over `reply` when a blip is both);
 * - `status`: an idea you support or helped write changed status (with the brand's reason);
 * - `shipped`: the same, when the new status is `shipped`;
 * - `hand-answered`: staff answered your raised hand at a cafe table;
 * - `staff-joined`: a staff member sat down at the table where you sit;
 * - `moderation`: staff approved or rejected your held post (with their reason);
 * - `spotlight`: staff put something of yours in the spotlight;
 * - `host-invite`: staff invite you to host cafe tables (the console's catalysts).
 */
export const NOTIFICATION_KINDS = ['reply', 'mention', 'status', 'shipped', 'hand-answered', 'staff-joined', 'moderation', 'spotlight', 'host-invite'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LIMITS = {
  /** Longest excerpt of the text that caused a notification, in characters. */
  excerptMax: 200,
  pageDefault: 30,
  pageMax: 100,
} as const;

/** Per-person choice of what to receive; every kind is on unless turned off. */
export const NotificationSettingsSchema = z.object({
  reply: z.boolean(),
  mention: z.boolean(),
  status: z.boolean(),
  shipped: z.boolean(),
  handAnswered: z.boolean(),
  staffJoined: z.boolean(),
  moderation: z.boolean(),
  spotlight: z.boolean(),
  hostInvite: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  reply: true,
  mention: true,
  status: true,
  shipped: true,
  handAnswered: true,
  staffJoined: true,
  moderation: true,
  spotlight: true,
  hostInvite: true,
};

/** Which setting turns a kind on or off. */
export const NOTIFICATION_SETTING_OF: Record<NotificationKind, keyof NotificationSettings> = {
  reply: 'reply',
  mention: 'mention',
  status: 'status',
  shipped: 'shipped',
  'hand-answered': 'handAnswered',
  'staff-joined': 'staffJoined',
  moderation: 'moderation',
  spotlight: 'spotlight',
  'host-invite': 'hostInvite',
};

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  /** The space it happened in; `link` is inside it. */
  space: z.object({ id: IdSchema, slug: z.string(), name: z.string() }),
  /** Who did it (the replier, the staff member); null for the system or a former member. */
  actor: z.object({ id: IdSchema, displayName: z.string() }).nullable(),
  waveId: IdSchema.nullable(),
  blipId: IdSchema.nullable(),
  tableId: IdSchema.nullable(),
  /** The wave's title, or the table's topic. */
  title: z.string(),
  /** The start of the text (the reply, the question, the held post), at most 200 characters; mentions as `@Name`. */
  excerpt: z.string().nullable(),
  /** The public reason of a status change, or the staff's note on a moderation decision. */
  reason: z.string().nullable(),
  /** `status`/`shipped`: the wave's new status; `moderation`: `approved` or `rejected`; else null. */
  status: z.string().nullable(),
  /** The fan-app path of the exact place, e.g. `/s/<slug>/waves/<waveId>#blip-<blipId>` or `/s/<slug>/tables/<tableId>`. */
  link: z.string(),
  createdAt: IsoDateSchema,
  /** Null while unread. */
  readAt: IsoDateSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** `unread` everywhere is the header number: this sign-in's unread notifications (a space-scoped sign-in: that space's). */
export const UnreadSchema = z.int().min(0);

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
  unread: UnreadSchema,
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const ListNotificationsQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_LIMITS.pageMax).default(NOTIFICATION_LIMITS.pageDefault),
  /** Only unread ones. */
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only those of one space. */
  space: SlugSchema.optional(),
});

export const UnreadCountsSchema = z.object({
  unread: UnreadSchema,
  /** Unread per space slug (spaces with none are left out). */
  bySpace: z.record(z.string(), z.int()),
});
export type UnreadCounts = z.infer<typeof UnreadCountsSchema>;

export const NotificationParamsSchema = z.object({ id: IdSchema });

export const MarkReadResultSchema = z.object({ notification: NotificationSchema, unread: UnreadSchema });

export const ReadAllBodySchema = z.object({
  /** Only this space's; everything when absent. */
  space: SlugSchema.optional(),
});
export const ReadAllQuerySchema = z.object({ space: SlugSchema.optional() });
export const ReadAllResultSchema = z.object({ unread: UnreadSchema });

/** Socket `notification:new`, to the recipient's sockets only, after the fact committed. */
export const NotificationNewSchema = z.object({ notification: NotificationSchema, unread: UnreadSchema });
export type NotificationNew = z.infer<typeof NotificationNewSchema>;

/** Socket `notification:read`, to the reader's other sockets (tabs): `ids` were read, or `all` (of `space`, or everywhere when null). */
export const NotificationReadSchema = z.object({
  ids: z.array(IdSchema).nullable(),
  all: z.boolean(),
  space: z.string().nullable(),
  unread: UnreadSchema,
});
export type NotificationRead = z.infer<typeof NotificationReadSchema>;
