import { z } from 'zod';
import { CafeTableSchema, HandSchema } from './cafe.js';
import { IdSchema, IsoDateSchema } from './common.js';

export { STAFF_FLOOR } from '../staff-floor.js';

const PersonSchema = z.object({ id: IdSchema, displayName: z.string() });

export const ActivitySchema = z.object({
  /** Start of the first bucket's minute (UTC). */
  since: IsoDateSchema,
  /** Visible messages per minute, oldest first: `counts[i]` is the minute `since + i`; the last one is the current minute. */
  counts: z.array(z.int()),
});

/** The newest visible message of a table (staff may read every table). */
export const LastLineSchema = z.object({ id: IdSchema, author: PersonSchema, body: z.string(), at: IsoDateSchema });
export type LastLine = z.infer<typeof LastLineSchema>;

/** Watched words said at a table: visible messages the moderation pipeline flagged, not yet decided by staff. */
export const WatchedAlertSchema = z.object({
  /** How many such messages in the last `watchedMinutes` minutes. */
  count: z.int(),
  /** The newest one. */
  messageId: IdSchema,
  author: PersonSchema,
  body: z.string(),
  /** The pipeline's words for staff, e.g. "Mentions the watched word “refund”." */
  reason: z.string(),
  at: IsoDateSchema,
});
export type WatchedAlert = z.infer<typeof WatchedAlertSchema>;

/** One table as staff see it: the floor's table plus activity, the last line, the hands up and alerts. */
export const StaffTableSchema = CafeTableSchema.extend({
  activity: ActivitySchema,
  lastLine: LastLineSchema.nullable(),
  /** Hands still up at this table, longest waiting first. */
  hands: z.array(HandSchema),
  watched: WatchedAlertSchema.nullable(),
  /** As of the answer's `at`: no staff seated and busy (see STAFF_FLOOR); clients recompute it from `activity` as time passes. */
  busyWithoutStaff: z.boolean(),
});
export type StaffTable = z.infer<typeof StaffTableSchema>;

/** A staff member (or admin) of the space on the floor now: seated at a table, watching the staff floor, or both. */
export const StaffPresenceSchema = z.object({
  person: PersonSchema,
  /** Has the console's live floor open (a `staff-floor:watch` socket, on any process). */
  watching: z.boolean(),
  /** Where they sit (one seat per person per space); `away` while their connection is in its grace period. */
  seat: z.object({ tableId: IdSchema, topic: z.string(), away: z.boolean() }).nullable(),
});
export type StaffPresence = z.infer<typeof StaffPresenceSchema>;

/** The whole staff floor of a space: every open table, and who of the staff is on the floor. */
export const StaffFloorSchema = z.object({
  spaceId: IdSchema,
  tables: z.array(StaffTableSchema),
  coverage: z.array(StaffPresenceSchema),
  /** When it was read (the server's clock): `busyWithoutStaff` is as of this moment. */
  at: IsoDateSchema,
});
export type StaffFloor = z.infer<typeof StaffFloorSchema>;

/**
 * `staff-floor:delta` (server → the space's staff floor watchers): the tables that changed since
 * the last delta, each as it is now (replace or add), the ones that closed (remove), and the
 * coverage when it changed (null: unchanged). Batched, never the whole floor; not stored.
 */
export const StaffFloorDeltaSchema = z.object({
  spaceId: IdSchema,
  tables: z.array(StaffTableSchema),
  closed: z.array(IdSchema),
  coverage: z.array(StaffPresenceSchema).nullable(),
  at: IsoDateSchema,
});
export type StaffFloorDelta = z.infer<typeof StaffFloorDeltaSchema>;

/** `staff-floor:watch` / `staff-floor:unwatch`. */
export const StaffFloorWatchEventSchema = z.object({ slug: z.string().min(1).max(64) });
export type StaffFloorWatchEvent = z.infer<typeof StaffFloorWatchEventSchema>;
