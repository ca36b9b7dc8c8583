/**
 * The small maths of insights, pure and unit-tested: windows of UTC days, percentiles, day and
 * ISO-week series, time in status. Timestamps are ISO-8601 UTC text throughout (as stored).
 */

const DAY_MS = 86_400_000;

export interface Window {
  days: number;
  /** Start of the first UTC day, inclusive. */
  from: string;
  /** Now, exclusive. */
  to: string;
}

/** The last `days` UTC days including today: from the start of the first one until now. */
export function windowOf(days: number, now: Date): Window {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { days, from: new Date(today - (days - 1) * DAY_MS).toISOString(), to: now.toISOString() };
}

/** `YYYY-MM-DD` of every day in the window, oldest first. */
export function daysOf(window: Pick<Window, 'from' | 'to'>): string[] {
  const out: string[] = [];
  const last = window.to.slice(0, 10);
  for (let t = Date.parse(window.from.slice(0, 10) + 'T00:00:00.000Z'); ; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > last) break;
    out.push(day);
  }
  return out;
}

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between the closest ranks (Excel's
 * PERCENTILE.INC, NumPy's default): the median of [1, 2, 3, 4] is 2.5, its p90 is 3.7. Null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(Math.max(p, 0), 1) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/** Whole seconds from one ISO time to another (never negative: clocks of different processes may disagree a little). */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/** The ISO week of a UTC day: `2026-W48`, weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(day: string): { week: string; monday: string; sunday: string } {
  const t = Date.parse(day + 'T00:00:00.000Z');
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = t - weekday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return {
    week: `${year}-W${String(week).padStart(2, '0')}`,
    monday: new Date(monday).toISOString().slice(0, 10),
    sunday: new Date(monday + 6 * DAY_MS).toISOString().slice(0, 10),
  };
}

/** Distinct people per day and per ISO week, from (person, day) pairs; every day of the window is listed. */
export function activeSeries(pairs: readonly { person: string; day: string }[], days: readonly string[]) {
  const perDay = new Map<string, Set<string>>(days.map((d) => [d, new Set()]));
  const weeks = new Map<string, { week: string; from: string; to: string; people: Set<string>; days: number }>();
  for (const day of days) {
    const w = isoWeekOf(day);
    const entry = weeks.get(w.week) ?? { week: w.week, from: w.monday, to: w.sunday, people: new Set<string>(), days: 0 };
    entry.days += 1;
    weeks.set(w.week, entry);
  }
  const everyone = new Set<string>();
  for (const { person, day } of pairs) {
    const set = perDay.get(day);
    if (!set) continue;
    set.add(person);
    everyone.add(person);
    weeks.get(isoWeekOf(day).week)!.people.add(person);
  }
  return {
    distinct: everyone.size,
    perDay: days.map((day) => ({ day, count: perDay.get(day)!.size })),
    perWeek: [...weeks.values()].map((w) => ({ week: w.week, from: w.from, to: w.to, count: w.people.size, partial: w.days < 7 })),
  };
}

export interface StatusChangeRow {
  waveId: string;
  to: string;
  at: string;
}

export interface StatusStay {
  waveId: string;
  status: string;
  from: string;
  /** Null while the wave is still in this status. */
  until: string | null;
}

/**
 * Each wave's stays in a status, from its status changes in order (by wave, then time). Setting the
 * status a wave already has records a new public response, not a new stay: it does not split it.
 */
export function statusStays(changes: readonly StatusChangeRow[]): StatusStay[] {
  const stays: StatusStay[] = [];
  let current: StatusStay | null = null;
  for (const change of changes) {
    if (current && current.waveId === change.waveId) {
      if (current.status === change.to) continue;
      current.until = change.at;
    }
    current = { waveId: change.waveId, status: change.to, from: change.at, until: null };
    stays.push(current);
  }
  return stays;
}

/**
 * Per status: how long the ideas now in it have been there (median), and the stays that ended in
 * the window (count and median length).
 */
export function timeInStatus(stays: readonly StatusStay[], window: Pick<Window, 'from' | 'to'>, statuses: readonly string[]) {
  return statuses.map((status) => {
    const now = stays.filter((s) => s.status === status && s.until === null).map((s) => secondsBetween(s.from, window.to));
    const done = stays
      .filter((s) => s.status === status && s.until !== null && s.until >= window.from && s.until < window.to)
      .map((s) => secondsBetween(s.from, s.until!));
    return { status, count: now.length, medianSecondsNow: median(now), completed: done.length, medianSecondsCompleted: median(done) };
  });
}
