import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from '../../bench/harness/stats.js';

describe('bench stats', () => {
  it('takes the median of odd and even sample counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates percentiles between the closest ranks', () => {
    const xs = [10, 20, 30, 40, 50];
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile(xs, 25)).toBe(20);
    expect(percentile(xs, 10)).toBeCloseTo(14);
    expect(percentile(xs, 90)).toBeCloseTo(46);
    expect(percentile([1, 2], 50)).toBe(1.5);
  });

  it('summarizes without reordering the caller’s samples', () => {
    const samples = [3, 9, 1, 4];
    expect(summarize(samples)).toEqual({ n: 4, median: 3.5, min: 1, max: 9, p10: 1.6, p90: expect.closeTo(7.5, 10), mean: 4.25 });
    expect(samples).toEqual([3, 9, 1, 4]);
  });

  it('refuses empty input, non-finite samples and percentiles outside 0–100', () => {
    expect(() => summarize([])).toThrow(/no samples/);
    expect(() => median([1, Number.NaN])).toThrow(/finite/);
    expect(() => percentile([1], 101)).toThrow(/range/);
    expect(() => percentile([1], -1)).toThrow(/range/);
  });
});
