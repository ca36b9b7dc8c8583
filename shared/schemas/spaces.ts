import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { ROLES } from '../roles.js';
import { IdSchema, IsoDateSchema, SlugSchema } from './common.js';
import { EmailSchema, UserSchema } from './auth.js';

export const MODERATION_MODES = ['off', 'new-members', 'all'] as const;

export const OriginSchema = z
  .string()
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'an origin like https://shop.example.com');

export const SpaceSettingsSchema = z.object({
  /** Pre-moderation: nothing, a new member's first posts, or everything. */
  moderationMode: z.enum(MODERATION_MODES),
  /** With `new-members`: how many first posts wait for review. */
  newMemberPosts: z.int().min(0).max(100),
  /** Browser origins (besides this server) that may embed the widget and call the API. */
  widgetOrigins: z.array(OriginSchema).max(50),
  /** Seats at a new cafe table unless its opener picks fewer. */
  tableCapacity: z.int().min(2).max(50),
  /** The most seats any table of this space may have. */
  maxTableCapacity: z.int().min(2).max(50),
  /** A cafe table nobody sits at closes after this many idle minutes (its history stays). */
  emptyTableCloseMinutes: z.int().min(1).max(10_080),
  /** Anonymous visitors may read (never write). */
  public: z.boolean(),
  /** Words that hold a post for review (matched on word boundaries after undoing l33t, accents and s p a c i n g). */
  bannedWords: z.array(z.string().trim().min(1).max(60)).max(500),
  /** Words that let a post through but flag it for staff attention. */
  watchedWords: z.array(z.string().trim().min(1).max(60)).max(500),
  /** Link hosts (and their subdomains) whose links hold a post, e.g. `spam-shop.example`. */
  blockedLinkSites: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+$/, 'a host name').max(253)).max(500),
  /** Flags from this many different people hold an item for review. */
  flagThreshold: z.int().min(1).max(100),
  /** Flooding: at most `posts` posts per person per `windowSeconds` in this space. */
  rateLimit: z.object({ posts: z.int().min(1).max(1000), windowSeconds: z.int().min(5).max(86_400) }),
});
export type SpaceSettings = z.infer<typeof SpaceSettingsSchema>;

export const DEFAULT_SPACE_SETTINGS: SpaceSettings = {
  moderationMode: 'off',
  newMemberPosts: 3,
  widgetOrigins: [],
  tableCapacity: 6,
  maxTableCapacity: 12,
  emptyTableCloseMinutes: 5,
  public: true,
  bannedWords: [],
  watchedWords: [],
  blockedLinkSites: [],
  flagThreshold: 3,
  rateLimit: { posts: 10, windowSeconds: 60 },
};

export const SpaceSchema = z.object({
  id: IdSchema,
  slug: SlugSchema,
  name: z.string(),
  public: z.boolean(),
  createdAt: IsoDateSchema,
  /** The viewer's role here; null for anonymous visitors. */
  viewerRole: z.enum(ROLES).nullable(),
});
export type Space = z.infer<typeof SpaceSchema>;

/** Settings as a whole must also agree with themselves. */
export const ConsistentSpaceSettingsSchema = SpaceSettingsSchema.refine((s) => s.tableCapacity <= s.maxTableCapacity, {
  message: 'must not exceed maxTableCapacity',
  path: ['tableCapacity'],
});

export const SpaceSettingsPatchSchema = SpaceSettingsSchema.partial();

export const CreateSpaceBodySchema = z.object({
  slug: SlugSchema,
  name: z.string().trim().min(1).max(LIMITS.spaceNameMax),
});

export const MemberSchema = z.object({ user: UserSchema, role: z.enum(ROLES), joinedAt: IsoDateSchema });
export type Member = z.infer<typeof MemberSchema>;

export const GrantRoleBodySchema = z.object({ email: EmailSchema, role: z.enum(ROLES) });

export const AuditEntrySchema = z.object({
  id: IdSchema,
  actorId: IdSchema.nullable(),
  /** Who acted, by name; null for the operator CLI or a removed account. */
  actor: z.object({ id: IdSchema, displayName: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  createdAt: IsoDateSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  actorId: IdSchema.optional(),
  action: z.string().max(60).optional(),
  targetType: z.string().max(40).optional(),
  /** Paging: the last entry's `createdAt` … */
  before: IsoDateSchema.optional(),
  /** … and its `id`, so entries sharing a timestamp are not skipped. */
  beforeId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
