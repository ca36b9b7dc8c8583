import { describe, expect, it } from 'vitest';
import { intendedAt, openLoop, type Clock } from '../../bench/harness/open-loop.js';

/** A clock that only moves when slept on, or when a test says the work took time. */
function fakeClock(start = 1000): Clock & { advance(ms: number): void; sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    advance: (ms) => void (t += ms),
    sleep: async (ms) => {
      sleeps.push(ms);
      t += Math.max(ms, 1); // a timer never fires early, and at least a millisecond later
    },
  };
}

describe('open-loop schedule', () => {
  it('fires every event once, in order, at or after its intended time, and hands over the intended time', async () => {
    const clock = fakeClock();
    const fired: { i: number; intended: number; at: number }[] = [];
    const result = await openLoop({ count: 5, intervalMs: 10, startAt: 1020, clock }, (i, intended) => fired.push({ i, intended, at: clock.now() }));
    expect(fired.map((f) => f.i)).toEqual([0, 1, 2, 3, 4]);
    expect(fired.map((f) => f.intended)).toEqual([1020, 1030, 1040, 1050, 1060]);
    for (const f of fired) expect(f.at).toBeGreaterThanOrEqual(f.intended);
    expect(result).toMatchObject({ count: 5, startAt: 1020, endAt: 1070, lateStarts: 0 });
    expect(result.maxLagMs).toBeLessThanOrEqual(1);
  });

  it('does not wait for slow work: a stall makes the overdue events fire at once, late, with their original intended times', async () => {
    const clock = fakeClock();
    const fired: { i: number; intended: number; at: number }[] = [];
    const result = await openLoop({ count: 6, intervalMs: 10, startAt: 1000, clock }, (i, intended) => {
      fired.push({ i, intended, at: clock.now() });
      if (i === 1) clock.advance(35); // event 1's work blocks the loop for 35 ms
    });
    // Events 2, 3 and 4 came due during the stall: fired back to back at 1045, not pushed later.
    expect(fired.map((f) => [f.i, f.intended, f.at])).toEqual([
      [0, 1000, 1000],
      [1, 1010, 1010],
      [2, 1020, 1045],
      [3, 1030, 1045],
      [4, 1040, 1045],
      [5, 1050, 1050],
    ]);
    expect(result.lateStarts).toBe(2); // 25 ms and 15 ms late; 5 ms is within the 10 ms allowance
    expect(result.maxLagMs).toBe(25);
    // The schedule itself never moved: the latency of each event is measured from `intended`.
    expect(result.endAt).toBe(1060);
  });

  it('sleeps until just before the next event instead of spinning', async () => {
    const clock = fakeClock(0);
    await openLoop({ count: 3, intervalMs: 100, startAt: 50, clock }, () => {});
    expect(clock.sleeps.every((ms) => ms >= 0)).toBe(true);
    expect(clock.sleeps.length).toBeLessThan(10);
  });

  it('computes intended times from the start and the interval alone, and handles nothing to do', async () => {
    expect(intendedAt(100, 2.5, 4)).toBe(110);
    const result = await openLoop({ count: 0, intervalMs: 10, startAt: 0, clock: fakeClock() }, () => {
      throw new Error('nothing should fire');
    });
    expect(result).toMatchObject({ count: 0, lateStarts: 0 });
    await expect(openLoop({ count: 1.5, intervalMs: 10 }, () => {})).rejects.toThrow(/whole number/);
  });

  it('keeps to the schedule on the real clock', async () => {
    const t0 = performance.now();
    const times: number[] = [];
    const result = await openLoop({ count: 10, intervalMs: 5 }, (_i, intended) => times.push(performance.now() - intended));
    expect(times).toHaveLength(10);
    for (const lag of times) expect(lag).toBeGreaterThanOrEqual(0);
    expect(result.firedAllAt - t0).toBeGreaterThanOrEqual(45 + 20 - 1);
  });
});
