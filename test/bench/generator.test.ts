import { describe, expect, it } from 'vitest';
import { cpuMeter, inPool, seededRandom, socketBudget, withTimeout } from '../../bench/harness/generator.js';
import { openFilesLimit } from '../../bench/scenarios/cafe-procs.js';

describe('load generator helpers', () => {
  it('cuts the number of sockets to what the open-files limit allows, and says so', () => {
    expect(socketBudget(10)).toMatchObject({ n: 10, note: null });
    const limit = openFilesLimit();
    if (limit === null) return; // not Linux: nothing to cut
    const cut = socketBudget(limit * 2, { perClient: 2, reserve: 100 });
    expect(cut.n).toBe(Math.floor((limit - 100) / 2));
    expect(cut.note).toContain(`the open files limit here is ${limit.toLocaleString('en-US')}`);
  });

  it('runs work with bounded concurrency', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inPool(20, 3, async (i) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      done.push(i);
    });
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('draws the same numbers in [0, 1) for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
    expect(seededRandom(8)()).not.toBe(xs[0]);
  });

  it('times out, and measures this process as a share of one core', async () => {
    await expect(withTimeout(new Promise(() => {}), 5, 'never')).rejects.toThrow('never within 5 ms');
    const meter = cpuMeter();
    const end = performance.now() + 30;
    while (performance.now() < end); // busy (how much of a core that gets depends on the machine's load)
    const share = meter.stop();
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(4);
  });
});
