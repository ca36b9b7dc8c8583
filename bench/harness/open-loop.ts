/**
 * An open-loop schedule: event i is due at `startAt + i × intervalMs`, fixed in advance, and is
 * fired when due whatever happened to the ones before (no waiting for answers, no slowing down
 * when the system under test, or this process, falls behind). Whoever times the work measures
 * from the *intended* time it is handed, not from when it actually started, so a stall shows as
 * latency of everything due during it instead of as fewer events (no coordinated omission).
 * Events found overdue are all fired at once, in order, and counted as late.
 */
export interface OpenLoopOptions {
  /** How many events. */
  count: number;
  /** Time between two intended starts, in ms (1000 ÷ rate). */
  intervalMs: number;
  /** performance.now() of event 0; default: 20 ms from now. */
  startAt?: number;
  /** An event fired more than this after its intended time counts as late (default 10 ms). */
  lateMs?: number;
  /** For tests: a clock and a sleep to use instead of performance.now() and setTimeout. */
  clock?: Clock;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface OpenLoopResult {
  count: number;
  /** Intended time of event 0 and one interval after the last event. */
  startAt: number;
  endAt: number;
  /** Events fired more than `lateMs` after their intended time. */
  lateStarts: number;
  /** The largest (actual − intended) start, in ms. */
  maxLagMs: number;
  /** When the last event was fired. */
  firedAllAt: number;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The intended time of event `i`. */
export const intendedAt = (startAt: number, intervalMs: number, i: number): number => startAt + i * intervalMs;

/**
 * Fires `fire(i, intended)` for i = 0 … count − 1 on the schedule; resolves once all have been
 * fired (not when the work they started is done). `fire` must not block: start the work and return.
 */
export async function openLoop(options: OpenLoopOptions, fire: (i: number, intended: number) => void): Promise<OpenLoopResult> {
  const clock = options.clock ?? realClock;
  const { count, intervalMs } = options;
  if (!(count >= 0) || !Number.isInteger(count)) throw new Error(`count must be a whole number: ${count}`);
  if (!(intervalMs >= 0)) throw new Error(`intervalMs must be at least 0: ${intervalMs}`);
  const lateMs = options.lateMs ?? 10;
  const startAt = options.startAt ?? clock.now() + 20;
  let lateStarts = 0;
  let maxLagMs = 0;
  let i = 0;
  while (i < count) {
    // Everything due by now, back to back (the clock is read again after each: firing takes time too).
    for (let now = clock.now(); i < count && intendedAt(startAt, intervalMs, i) <= now; now = clock.now()) {
      const intended = intendedAt(startAt, intervalMs, i);
      const lag = now - intended;
      if (lag > lateMs) lateStarts++;
      if (lag > maxLagMs) maxLagMs = lag;
      fire(i, intended);
      i++;
    }
    if (i >= count) break;
    // Wake a little early: timers fire late, never early, and a busy-wait would burn the generator's core.
    await clock.sleep(Math.max(0, intendedAt(startAt, intervalMs, i) - clock.now() - 1));
  }
  return { count, startAt, endAt: intendedAt(startAt, intervalMs, count), lateStarts, maxLagMs, firedAllAt: clock.now() };
}
