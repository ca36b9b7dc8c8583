import { z } from 'zod';
import { FORGET_CONFIRMATION, PEOPLE_LIMITS, PROMISE_STATUSES } from '../people.js';
import { ROLES } from '../roles.js';
import { WAVE_STATUSES } from '../waves.js';
import { DisplayNameSchema } from './auth.js';
import { IdSchema, IsoDateSchema, SlugSchema } from './common.js';
import { QueueItemSchema, SanctionSchema } from './moderation.js';
import { PersonSchema } from './waves.js';

export * from '../people.js';

/**
 * People: public profiles, staff fan cards with shared notes and promises, spotlights, and a
 * person's own data (export, forget me). Routes: docs/protocol.md#people; model: docs/people.md.
 * Names here are a contract (the fan app's profile pages and the console read them): keep them.
 */

// ---------------------------------------------------------------------------------------------
// References

export const WaveRefSchema = z.object({ id: IdSchema, title: z.string(), status: z.enum(WAVE_STATUSES) });
export type WaveRef = z.infer<typeof WaveRefSchema>;

/** A wave this person helped shape (not one they started), and how. */
export const ShapedWaveSchema = WaveRefSchema.extend({
  /** They wrote in its idea document. */
  document: z.boolean(),
  /** Their visible blips on it. */
  blips: z.int(),
  /** Credited from a cafe table whose conversation became the wave. */
  table: z.boolean(),
});
export type ShapedWave = z.infer<typeof ShapedWaveSchema>;

/** A cafe table this person sat at (`table_visits`). */
export const TableRefSchema = z.object({
  id: IdSchema,
  topic: z.string(),
  firstSatAt: IsoDateSchema,
  lastSatAt: IsoDateSchema,
  /** They host it now (opened or reopened it). */
  hosted: z.boolean(),
  closed: z.boolean(),
});
export type TableRef = z.infer<typeof TableRefSchema>;

/** A public thank-you from staff, on the person's profile and in the space. */
export const SpotlightSchema = z.object({
  id: IdSchema,
  person: PersonSchema,
  text: z.string(),
  /** The staff member; null when their account is gone. */
  by: PersonSchema.nullable(),
  at: IsoDateSchema,
  /** The contribution it thanks for, when there is one. */
  wave: WaveRefSchema.nullable(),
});
export type Spotlight = z.infer<typeof SpotlightSchema>;

/** "Made with …": a shipped wave this person started or shaped, and the others who made it. */
export const CreditSchema = z.object({
  wave: WaveRefSchema,
  status: z.literal('shipped'),
  /** The other people who started or shaped it (at most 10). */
  with: z.array(PersonSchema),
});
export type Credit = z.infer<typeof CreditSchema>;

// ---------------------------------------------------------------------------------------------
// Public profile

/** The person's own profile text still waiting for review (only shown to them and to staff). */
export const PendingProfileSchema = z.object({ displayName: z.string().nullable(), bio: z.string().nullable() });
export type PendingProfile = z.infer<typeof PendingProfileSchema>;

export const ProfileSchema = z.object({
  person: PersonSchema,
  /** The approved bio ('' for none). */
  bio: z.string(),
  interests: z.array(z.string()),
  joinedAt: IsoDateSchema,
  role: z.enum(ROLES),
  /** Waves they started, newest first (visible ones). */
  started: z.array(WaveRefSchema),
  /** Waves they helped shape (document, blips, table credit) and did not start, most recent first. */
  shaped: z.array(ShapedWaveSchema),
  /** Waves they support, most recent first. */
  supported: z.array(WaveRefSchema),
  /** Cafe tables they sat at, latest visit first. */
  tables: z.array(TableRefSchema),
  spotlights: z.array(SpotlightSchema),
  credits: z.array(CreditSchema),
  /** Their held profile changes: set only when the viewer is this person or staff of the space. */
  pending: PendingProfileSchema.nullable(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const PersonParamsSchema = z.object({ slug: SlugSchema, userId: IdSchema });

// ---------------------------------------------------------------------------------------------
// Editing your profile

export const InterestSchema = z
  .string()
  .trim()
  .min(1)
  .max(PEOPLE_LIMITS.interestMax)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '&_-]*$/u, 'letters, digits, spaces and - _ \' &');

export const ProfilePatchSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    bio: z.string().trim().max(PEOPLE_LIMITS.bioMax, `at most ${PEOPLE_LIMITS.bioMax} characters`).optional(),
    interests: z.array(InterestSchema).max(PEOPLE_LIMITS.interestsMax, `at most ${PEOPLE_LIMITS.interestsMax} interests`).optional(),
  })
  .refine((p) => p.displayName !== undefined || p.bio !== undefined || p.interests !== undefined, { message: 'nothing to change' });
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

/** `GET`/`PATCH /me/profile`: what others see now, and what still waits for review. */
export const MyProfileSchema = z.object({
  displayName: z.string(),
  bio: z.string(),
  interests: z.array(z.string()),
  pending: PendingProfileSchema,
});
export type MyProfile = z.infer<typeof MyProfileSchema>;

// ---------------------------------------------------------------------------------------------
// Notes and promises (staff of the space only)

/** A date without time, `YYYY-MM-DD` (the day a promise is due). */
export const DueDateSchema = z.iso.date();

export const NotePromiseSchema = z.object({
  status: z.enum(PROMISE_STATUSES),
  due: DueDateSchema.nullable(),
  doneAt: IsoDateSchema.nullable(),
  doneBy: PersonSchema.nullable(),
});
export type NotePromise = z.infer<typeof NotePromiseSchema>;

export const NoteSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  text: z.string(),
  /** Null when the author's account is gone. */
  author: PersonSchema.nullable(),
  createdAt: IsoDateSchema,
  /** When the text last changed; null if never. */
  editedAt: IsoDateSchema.nullable(),
  /** Set when the note is a promise made to the person. */
  promise: NotePromiseSchema.nullable(),
  /** The viewer wrote it (only the author edits the text). */
  viewerIsAuthor: z.boolean(),
});
export type Note = z.infer<typeof NoteSchema>;

/** One version of a note: what it said and its promise state from `at` on, and who made that change. */
export const NoteRevisionSchema = z.object({
  text: z.string(),
  promise: z.object({ status: z.enum(PROMISE_STATUSES), due: DueDateSchema.nullable() }).nullable(),
  by: PersonSchema.nullable(),
  at: IsoDateSchema,
});
export type NoteRevision = z.infer<typeof NoteRevisionSchema>;

export const NoteTextSchema = z.string().trim().min(1, 'a note needs text').max(PEOPLE_LIMITS.noteMax, `at most ${PEOPLE_LIMITS.noteMax} characters`);

export const CreateNoteBodySchema = z.object({
  text: NoteTextSchema,
  /** Makes the note an open promise, optionally due on a day. */
  promise: z.object({ due: DueDateSchema.nullable().optional() }).optional(),
});
export type CreateNoteBody = z.infer<typeof CreateNoteBodySchema>;

export const EditNoteBodySchema = z
  .object({
    /** Only the author may change the text. */
    text: NoteTextSchema.optional(),
    /** Any staff member of the space may open or close a promise and set its due day; null (the author only) makes it a plain note again. */
    promise: z.object({ status: z.enum(PROMISE_STATUSES), due: DueDateSchema.nullable().optional() }).nullable().optional(),
  })
  .refine((b) => b.text !== undefined || b.promise !== undefined, { message: 'nothing to change' });
export type EditNoteBody = z.infer<typeof EditNoteBodySchema>;

export const NoteParamsSchema = z.object({ noteId: IdSchema });

export const PromisesQuerySchema = z.object({
  status: z.enum([...PROMISE_STATUSES, 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** A promise in the space's list: the note and who it was made to. */
export const PromiseItemSchema = z.object({
  note: NoteSchema,
  person: PersonSchema,
  /** Open and due before today (UTC). */
  overdue: z.boolean(),
});
export type PromiseItem = z.infer<typeof PromiseItemSchema>;

// ---------------------------------------------------------------------------------------------
// Fan card (staff of the space only)

export const PersonCountsSchema = z.object({
  wavesStarted: z.int(),
  documentsShaped: z.int(),
  blips: z.int(),
  supports: z.int(),
  tablesHosted: z.int(),
  tablesSatAt: z.int(),
  ideasShipped: z.int(),
  spotlights: z.int(),
});
export type PersonCounts = z.infer<typeof PersonCountsSchema>;

export const CONVERSATION_KINDS = ['table', 'hand', 'reply'] as const;

/** A time this person and staff talked: sat at the same table, a hand staff answered, a staff reply to their blip. */
export const ConversationSchema = z.object({
  kind: z.enum(CONVERSATION_KINDS),
  at: IsoDateSchema,
  /** The staff members involved (a table may have had several). */
  staff: z.array(PersonSchema),
  /** The table's topic or the wave's title. */
  title: z.string(),
  /** The question of a hand, or the staff reply's text (≤ 200 characters). */
  excerpt: z.string().nullable(),
  /** Fan-app path to it. */
  href: z.string(),
  tableId: IdSchema.nullable(),
  waveId: IdSchema.nullable(),
  blipId: IdSchema.nullable(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const FanCardSchema = ProfileSchema.extend({
  counts: PersonCountsSchema,
  /** Newest first. */
  conversations: z.array(ConversationSchema),
  moderation: z.object({
    /** Their moderation items in this space (what passed the pipeline with a note, was held, flagged, decided), newest first. */
    items: z.array(QueueItemSchema),
    /** Bans and suspensions in this space, newest first. */
    sanctions: z.array(SanctionSchema),
  }),
  /** Staff notes about them, newest first; open promises are notes with `promise.status: "open"`. */
  notes: z.array(NoteSchema),
});
export type FanCard = z.infer<typeof FanCardSchema>;

export const DirectoryQuerySchema = z.object({
  /** Part of a display name (case-insensitive). */
  q: z.string().trim().max(60).default(''),
  /** Opaque: pass back `nextCursor`. */
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(PEOPLE_LIMITS.directoryPageMax).default(25),
});

export const DirectoryEntrySchema = z.object({
  person: PersonSchema,
  role: z.enum(ROLES),
  joinedAt: IsoDateSchema,
  counts: z.object({ wavesStarted: z.int(), blips: z.int(), tablesSatAt: z.int() }),
  notes: z.int(),
  openPromises: z.int(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

export const DirectoryPageSchema = z.object({ items: z.array(DirectoryEntrySchema), nextCursor: z.string().nullable() });
export type DirectoryPage = z.infer<typeof DirectoryPageSchema>;

// ---------------------------------------------------------------------------------------------
// Spotlights

export const SpotlightBodySchema = z.object({
  text: z.string().trim().min(1, 'say thank you for what').max(PEOPLE_LIMITS.spotlightMax),
  /** The wave the thanks is for (of this space), if any. */
  waveId: IdSchema.optional(),
});
export type SpotlightBody = z.infer<typeof SpotlightBodySchema>;

// ---------------------------------------------------------------------------------------------
// Your data

export const ExportQuerySchema = z.object({
  /** One space's data; without it, every space you are a member of. */
  space: SlugSchema.optional(),
});

const ExportBlipSchema = z.object({
  id: IdSchema,
  waveId: IdSchema,
  parentId: IdSchema.nullable(),
  body: z.string(),
  visibility: z.string(),
  createdAt: IsoDateSchema,
  editedAt: IsoDateSchema.nullable(),
  deletedAt: IsoDateSchema.nullable(),
  /** Earlier texts, oldest first. */
  revisions: z.array(z.object({ body: z.string(), writtenAt: IsoDateSchema, replacedAt: IsoDateSchema })),
});

/** Everything a space stores about one person, except staff notes (which are the staff's own memory). */
export const SpaceExportSchema = z.object({
  space: z.object({ id: IdSchema, slug: z.string(), name: z.string() }),
  membership: z.object({ role: z.enum(ROLES), joinedAt: IsoDateSchema }).nullable(),
  waves: z.array(z.object({ id: IdSchema, title: z.string(), status: z.string(), visibility: z.string(), createdAt: IsoDateSchema })),
  blips: z.array(ExportBlipSchema),
  supports: z.array(z.object({ wave: WaveRefSchema, at: IsoDateSchema })),
  reactions: z.array(z.object({ blipId: IdSchema, reaction: z.string(), at: IsoDateSchema })),
  documentContributions: z.array(z.object({ wave: WaveRefSchema, chars: z.int(), edits: z.int(), firstAt: IsoDateSchema, lastAt: IsoDateSchema })),
  tableMessages: z.array(z.object({ id: IdSchema, tableId: IdSchema, topic: z.string(), body: z.string(), visibility: z.string(), createdAt: IsoDateSchema })),
  tableVisits: z.array(z.object({ tableId: IdSchema, topic: z.string(), staff: z.boolean(), firstSatAt: IsoDateSchema, lastSatAt: IsoDateSchema })),
  hands: z.array(z.object({ id: IdSchema, tableId: IdSchema, question: z.string().nullable(), raisedAt: IsoDateSchema, loweredAt: IsoDateSchema.nullable(), answeredAt: IsoDateSchema.nullable() })),
  credits: z.array(z.object({ waveId: IdSchema, source: z.string(), at: IsoDateSchema })),
  spotlights: z.array(SpotlightSchema),
  notifications: z.array(z.object({ id: IdSchema, kind: z.string(), title: z.string(), excerpt: z.string().nullable(), link: z.string(), createdAt: IsoDateSchema, readAt: IsoDateSchema.nullable() })),
  moderation: z.object({
    /** Moderation decisions about your content: the text as submitted, its status and the reasons. */
    items: z.array(z.object({ id: IdSchema, kind: z.string(), contentId: z.string(), status: z.string(), body: z.string(), reasons: z.array(z.object({ rule: z.string(), message: z.string() })), createdAt: IsoDateSchema, decidedAt: IsoDateSchema.nullable(), decisionNote: z.string().nullable() })),
    sanctions: z.array(SanctionSchema),
  }),
  /** Your flags on others' content. */
  flags: z.array(z.object({ contentKind: z.string(), contentId: z.string(), reason: z.string(), at: IsoDateSchema })),
});
export type SpaceExport = z.infer<typeof SpaceExportSchema>;

export const DataExportSchema = z.object({
  exportedAt: IsoDateSchema,
  account: z.object({
    id: IdSchema,
    displayName: z.string(),
    email: z.string().nullable(),
    bio: z.string(),
    interests: z.array(z.string()),
    createdAt: IsoDateSchema,
    pending: PendingProfileSchema,
    /** Brand sign-ins linked to this account (space and the brand's id for you). */
    ssoIdentities: z.array(z.object({ space: z.string(), subject: z.string(), createdAt: IsoDateSchema })),
    sessions: z.array(z.object({ createdAt: IsoDateSchema, expiresAt: IsoDateSchema, revokedAt: IsoDateSchema.nullable(), space: z.string().nullable() })),
    settings: z.unknown(),
  }),
  spaces: z.array(SpaceExportSchema),
});
export type DataExport = z.infer<typeof DataExportSchema>;

export const ForgetBodySchema = z.object({
  confirm: z.literal(FORGET_CONFIRMATION, { error: `type “${FORGET_CONFIRMATION}” to confirm` }),
});

export const ForgetResultSchema = z.object({
  /** Content kept in place under "Former member". */
  anonymized: z.object({ waves: z.int(), blips: z.int(), tableMessages: z.int() }),
});
export type ForgetResult = z.infer<typeof ForgetResultSchema>;

// ---------------------------------------------------------------------------------------------
// Stream event

/** `person:spotlighted` on `space:<spaceId>`. */
export const SpotlightEventSchema = z.object({ spotlight: SpotlightSchema });
