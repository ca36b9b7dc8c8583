import { z } from 'zod';
import { IdSchema, IsoDateSchema, SlugSchema } from './common.js';
import { WAVE_STATUSES } from '../waves.js';

/**
 * The staff console's insights: catalysts (who makes others contribute, docs/catalysts.md) and the
 * space's analytics (docs/analytics.md). Staff of the space only.
 */

/** Catalyst windows, in days: the last 7, 30 or 90 UTC days including today. */
export const CATALYST_WINDOWS = [7, 30, 90] as const;
export type CatalystWindow = (typeof CATALYST_WINDOWS)[number];

export const INSIGHTS_LIMITS = {
  /** Most catalysts listed. */
  catalystsMax: 50,
  /** Most conversations shown as evidence per catalyst. */
  evidenceMax: 10,
  /** Analytics windows: 1 … 365 days, 30 by default. */
  analyticsDaysMax: 365,
  analyticsDaysDefault: 30,
  /** Longest personal message on an invitation to host a table. */
  inviteMessageMax: 500,
} as const;

const PersonRefSchema = z.object({ id: IdSchema, displayName: z.string() });

export const CatalystsQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((d): d is CatalystWindow => (CATALYST_WINDOWS as readonly number[]).includes(d), 'one of 7, 30, 90')
    .default(30),
});

/** How someone was drawn in: replied to them, edited a document after them, sat at their table, came back as a newcomer. */
export const CATALYST_WAYS = ['reply', 'coedit', 'guest', 'newcomer'] as const;
export type CatalystWay = (typeof CATALYST_WAYS)[number];

/** One conversation that shows the catalyst's effect: a wave (its thread or idea document) or a cafe table. */
export const CatalystEvidenceSchema = z.object({
  kind: z.enum(['wave', 'table']),
  /** The wave's or table's id. */
  id: IdSchema,
  /** The wave's title or the table's topic. */
  title: z.string(),
  /** The catalyst's blip that drew replies, when there is one (the link points at it). */
  blipId: IdSchema.nullable(),
  /** Fan-app path: `/s/<slug>/waves/<id>#blip-<blipId>` or `/s/<slug>/tables/<id>`. */
  href: z.string(),
  /** The people drawn in there (not staff, never the catalyst). */
  people: z.array(PersonRefSchema),
  ways: z.array(z.enum(CATALYST_WAYS)),
  lastAt: IsoDateSchema,
});
export type CatalystEvidence = z.infer<typeof CatalystEvidenceSchema>;

export const CatalystEntrySchema = z.object({
  rank: z.int().min(1),
  person: PersonRefSchema,
  /** reach / (volume + 2): see docs/catalysts.md. */
  score: z.number(),
  /** Distinct people drawn in, plus one more for each newcomer who came back. */
  reach: z.int(),
  components: z.object({
    /** Distinct others who replied to them (a top-level blip answers the wave's author). */
    repliers: z.int(),
    /** Distinct others who edited a document after them. */
    coEditors: z.int(),
    /** Distinct others who sat at a table they opened. */
    tableGuests: z.int(),
    /** Newcomers (first seen in the window) who talked with them and were active again on a later day. */
    returningNewcomers: z.int(),
    /** Their own contributions in the window: blips, waves started, tables opened, table messages, document-days edited. */
    volume: z.int(),
    volumeByKind: z.object({ blips: z.int(), waves: z.int(), edits: z.int(), tables: z.int(), messages: z.int() }),
  }),
  evidence: z.array(CatalystEvidenceSchema),
});
export type CatalystEntry = z.infer<typeof CatalystEntrySchema>;

export const InsightsWindowSchema = z.object({
  days: z.int(),
  /** Start of the first UTC day, inclusive. */
  from: IsoDateSchema,
  /** Now, exclusive. */
  to: IsoDateSchema,
});
export type InsightsWindow = z.infer<typeof InsightsWindowSchema>;

export const CatalystsSchema = z.object({
  window: InsightsWindowSchema,
  entries: z.array(CatalystEntrySchema),
});
export type Catalysts = z.infer<typeof CatalystsSchema>;

export const PersonInSpaceParamsSchema = z.object({ slug: SlugSchema, userId: IdSchema });

export const InviteHostBodySchema = z.object({
  /** A personal word from the staff member, shown in the notification. */
  message: z.string().trim().max(INSIGHTS_LIMITS.inviteMessageMax).optional(),
});
export type InviteHostBody = z.infer<typeof InviteHostBodySchema>;

export const InviteHostResultSchema = z.object({
  person: PersonRefSchema,
  /** False when the person turned host invitations off; a retry with the same Idempotency-Key answers as the first time. */
  notified: z.boolean(),
  /** Where the notification sends them: the space's cafe. */
  link: z.string(),
});
export type InviteHostResult = z.infer<typeof InviteHostResultSchema>;

// ---------------------------------------------------------------------------------------------
// Analytics

export const AnalyticsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(INSIGHTS_LIMITS.analyticsDaysMax).default(INSIGHTS_LIMITS.analyticsDaysDefault),
});

/** What `analytics.csv?metric=` exports; each is one table of the report. */
export const ANALYTICS_METRICS = ['hands', 'open-hands', 'active-fans', 'active-fans-weekly', 'conversations', 'ideas', 'moderation'] as const;
export type AnalyticsMetric = (typeof ANALYTICS_METRICS)[number];

export const AnalyticsCsvQuerySchema = AnalyticsQuerySchema.extend({ metric: z.enum(ANALYTICS_METRICS) });

/** `YYYY-MM-DD`, a UTC day. */
const DaySchema = z.string().describe('UTC day, YYYY-MM-DD');
const Seconds = z.number().nullable();

export const OpenHandSchema = z.object({
  handId: IdSchema,
  tableId: IdSchema,
  topic: z.string(),
  person: PersonRefSchema,
  question: z.string().nullable(),
  raisedAt: IsoDateSchema,
  waitSeconds: z.number(),
});
export type OpenHand = z.infer<typeof OpenHandSchema>;

export const AnalyticsSchema = z.object({
  window: InsightsWindowSchema,
  hands: z.object({
    /** Hands answered by staff in the window; the wait is answered − raised. */
    answered: z.int(),
    medianSeconds: Seconds,
    p90Seconds: Seconds,
    /** Hands that went down in the window without a staff answer (the fan lowered it, left, or the table closed). */
    loweredUnanswered: z.int(),
    /** Up now, longest waiting first. */
    open: z.array(OpenHandSchema),
    perDay: z.array(z.object({ day: DaySchema, answered: z.int(), medianSeconds: Seconds })),
  }),
  activeFans: z.object({
    /** Distinct fans (not staff) active in the whole window. */
    distinct: z.int(),
    perDay: z.array(z.object({ day: DaySchema, count: z.int() })),
    /** ISO weeks (Monday first); `partial` when the window covers only some of its days. */
    perWeek: z.array(z.object({ week: z.string(), from: DaySchema, to: DaySchema, count: z.int(), partial: z.boolean() })),
  }),
  conversations: z.object({
    total: z.int(),
    perDay: z.array(z.object({ day: DaySchema, waves: z.int(), threads: z.int(), tables: z.int(), total: z.int() })),
  }),
  ideas: z.object({
    total: z.int(),
    byStatus: z.array(
      z.object({
        status: z.enum(WAVE_STATUSES),
        /** Ideas in this status now. */
        count: z.int(),
        /** Median time the ideas now in this status have been in it. */
        medianSecondsNow: Seconds,
        /** Stays in this status that ended in the window (the idea moved on). */
        completed: z.int(),
        /** Their median length. */
        medianSecondsCompleted: Seconds,
      }),
    ),
  }),
  moderation: z.object({
    /** Items that entered the queue in the window (held or flagged, decided since or not). */
    queued: z.int(),
    /** Staff decisions in the window. */
    decided: z.int(),
    /** Created → decided, over the decisions in the window. */
    medianSecondsInQueue: Seconds,
    p90SecondsInQueue: Seconds,
    /** Held now, waiting for a decision. */
    waitingNow: z.int(),
    oldestWaitingSeconds: Seconds,
    perDay: z.array(z.object({ day: DaySchema, queued: z.int(), decided: z.int() })),
  }),
});
export type Analytics = z.infer<typeof AnalyticsSchema>;
