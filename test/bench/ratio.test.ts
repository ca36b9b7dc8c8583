import { describe, expect, it } from 'vitest';
import { metric } from '../../bench/harness/metric.js';
import { formatRatio, formatTarget, meetsTarget, ratio } from '../../bench/harness/ratio.js';
import { summarize } from '../../bench/harness/stats.js';

describe('bench ratios', () => {
  it('divides ours by the baseline, using medians of summaries', () => {
    expect(ratio(30, 20)).toBe(1.5);
    expect(ratio(summarize([10, 30, 20]), summarize([8, 12, 10, 100, 9]))).toBe(2);
  });

  it('has no ratio without a usable baseline', () => {
    expect(ratio(5, 0)).toBeNaN();
    expect(ratio(5, null)).toBeNaN();
    expect(ratio(Number.POSITIVE_INFINITY, 2)).toBeNaN();
    expect(formatRatio(Number.NaN)).toBe('n/a');
  });

  it('formats ratios and targets', () => {
    expect(formatRatio(1.0949)).toBe('1.09×');
    expect(formatRatio(0.5, 1)).toBe('0.5×');
    expect(formatTarget({ max: 1.1 })).toBe('≤ 1.10×');
    expect(formatTarget(null)).toBe('—');
  });

  it('passes at or under the target, fails above it, and does not judge without one', () => {
    expect(meetsTarget(1.1, { max: 1.1 })).toBe(true);
    expect(meetsTarget(1.1001, { max: 1.1 })).toBe(false);
    expect(meetsTarget(3, null)).toBeNull();
    expect(meetsTarget(Number.NaN, { max: 1.1 })).toBeNull();
  });

  it('builds a table row from raw samples', () => {
    const row = metric({
      scenario: 's',
      metric: 'm',
      unit: 'ms',
      ours: [12, 10, 11],
      baseline: { name: 'bare', samples: [10, 9, 10] },
      target: { max: 1.1 },
    });
    expect(row.ratio).toBeCloseTo(1.1);
    expect(row.pass).toBe(true);
    expect(row.samples.ours).toEqual([12, 10, 11]);
    expect(row.paired).toMatchObject({ n: 3, median: expect.closeTo(1.1111, 3), min: expect.closeTo(1.1, 6), max: expect.closeTo(1.2, 6) });
    const alone = metric({ scenario: 's', metric: 'm', unit: 'MB', ours: [1] });
    expect(alone).toMatchObject({ baseline: null, ratio: null, paired: null, pass: null, baselineName: null });
  });
});
