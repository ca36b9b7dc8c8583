/**
 * The staff floor's rules without zod, so the console and the server compute the same thing
 * (the console recomputes the time-dependent ones as the clock moves, without asking again).
 */
export const STAFF_FLOOR = {
  /** The sparkline: visible messages per minute over this many minutes (the last bucket is the current minute). */
  sparklineMinutes: 15,
  /** "Busy without staff": no staff seated and at least `busyMessages` visible messages… */
  busyMessages: 10,
  /** …in the last `busyMinutes` minute buckets (the current minute included). */
  busyMinutes: 5,
  /** A watched word said at a table is an alert for this long, or until staff decide on the message. */
  watchedMinutes: 30,
  /** Seats, topics, hands, staff: at most one staff delta per space in this time. */
  batchMs: 500,
  /** A table whose only news is a message waits at most this long (staff want the last line sooner than fans). */
  activityMs: 2_000,
} as const;

const MINUTE = 60_000;

/** Messages per minute, in whole-minute buckets (UTC), oldest first: `counts[i]` is the minute `since + i`. */
export interface Activity {
  /** ISO start of the first bucket's minute. */
  since: string;
  counts: number[];
}

/** The start of the minute `at` falls in, as epoch milliseconds. */
export function minuteOf(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / MINUTE) * MINUTE;
}

/** The ISO start of the first bucket of a window of `minutes` ending with the minute of `now`. */
export function windowStart(now: Date | number, minutes: number = STAFF_FLOOR.sparklineMinutes): string {
  return new Date(minuteOf(now) - (minutes - 1) * MINUTE).toISOString();
}

/**
 * The last `minutes` buckets as of `now` (oldest first), from activity counted earlier: buckets
 * that slid out are dropped, minutes nothing was counted for are 0. So a sparkline stays right
 * as time passes without a new delta.
 */
export function bucketsAt(activity: Activity, now: Date | number, minutes: number = STAFF_FLOOR.sparklineMinutes): number[] {
  const since = Date.parse(activity.since);
  const first = minuteOf(now) - (minutes - 1) * MINUTE;
  return Array.from({ length: minutes }, (_, i) => {
    const index = Math.round((first + i * MINUTE - since) / MINUTE);
    return index >= 0 && index < activity.counts.length ? (activity.counts[index] ?? 0) : 0;
  });
}

/** Visible messages in the last `minutes` minute buckets (the current one included). */
export function messagesInLast(activity: Activity, now: Date | number, minutes: number): number {
  return bucketsAt(activity, now, minutes).reduce((a, b) => a + b, 0);
}

/** No staff seated, and busy: at least `busyMessages` in the last `busyMinutes` minutes. */
export function isBusyWithoutStaff(table: { staffPresent: number; activity: Activity }, now: Date | number): boolean {
  return table.staffPresent === 0 && messagesInLast(table.activity, now, STAFF_FLOOR.busyMinutes) >= STAFF_FLOOR.busyMessages;
}

/** A watched-word alert still counts: said within `watchedMinutes` of `now`. */
export function isFreshAlert(at: string, now: Date | number): boolean {
  const ms = typeof now === 'number' ? now : now.getTime();
  return ms - Date.parse(at) < STAFF_FLOOR.watchedMinutes * MINUTE;
}
