import { describe, expect, it } from 'vitest';
import { Histogram } from '../../bench/harness/histogram.js';
import { percentile } from '../../bench/harness/stats.js';

describe('latency histogram', () => {
  it('is exact below 256 µs', () => {
    const h = new Histogram();
    for (let us = 0; us < 256; us++) h.record(us);
    expect(h.count).toBe(256);
    expect(h.percentile(50)).toBe(127);
    expect(h.percentile(100)).toBe(255);
    expect(h.countAtMost(99)).toBe(100);
  });

  it('keeps every value within 0.4% above that, up to hours', () => {
    for (const us of [256, 300, 1234, 99_999, 1_000_000, 3_600_000_000]) {
      const h = new Histogram();
      h.record(us);
      // The only sample: its bucket's middle, capped at the largest value recorded.
      expect(Math.abs(h.percentile(50) - us) / us).toBeLessThanOrEqual(0.004);
    }
    const h = new Histogram();
    h.record(1500);
    h.record(1_000_000);
    expect(Math.abs(h.percentile(10) - 1500) / 1500).toBeLessThanOrEqual(0.004);
  });

  it('gives p50, p99 and p99.9 close to the exact percentiles of the samples', () => {
    const h = new Histogram();
    const samples: number[] = [];
    let s = 12345;
    for (let i = 0; i < 100_000; i++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const ms = 0.5 + 200 * (s / 2 ** 31) ** 4; // a long tail
      samples.push(ms);
      h.recordMs(ms);
    }
    for (const p of [50, 99, 99.9]) {
      const exact = percentile(samples, p);
      expect(Math.abs(h.percentileMs(p) - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.max / 1000).toBeCloseTo(Math.max(...samples), 6);
  });

  it('records weighted samples, adds histograms up, and is NaN when empty', () => {
    const a = new Histogram();
    a.recordMs(1, 99);
    const b = new Histogram();
    b.recordMs(100);
    a.add(b);
    expect(a.count).toBe(100);
    expect(a.percentileMs(99)).toBeCloseTo(1, 2); // 1,000 µs lies in a bucket 8 µs wide
    expect(a.percentileMs(99.9)).toBeCloseTo(100, 0);
    a.record(5, 0); // no samples: ignored
    expect(a.count).toBe(100);
    expect(new Histogram().percentile(50)).toBeNaN();
  });
});
