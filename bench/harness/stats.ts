/** Summary of repeated timings (or sizes): what the tables and latest.json report. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  p10: number;
  p90: number;
  mean: number;
}

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('no samples');
  for (const s of samples) if (!Number.isFinite(s)) throw new Error(`not a finite sample: ${s}`);
  return [...samples].sort((a, b) => a - b);
}

/**
 * The p-th percentile (0–100) with linear interpolation between the closest ranks
 * (the "R-7" definition spreadsheets and NumPy use): p50 of [1, 2, 3, 4] is 2.5.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  return percentileOfSorted(sorted(samples), p);
}

function percentileOfSorted(xs: number[], p: number): number {
  const rank = (p / 100) * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (rank - lo);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): Summary {
  const xs = sorted(samples);
  return {
    n: xs.length,
    median: percentileOfSorted(xs, 50),
    min: xs[0]!,
    max: xs[xs.length - 1]!,
    p10: percentileOfSorted(xs, 10),
    p90: percentileOfSorted(xs, 90),
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  };
}
