/**
 * A latency histogram in microseconds with log-linear buckets (HdrHistogram's layout): exact
 * below 256 µs, then 128 buckets per power of two, so any recorded value is known to within
 * 0.4%. Millions of samples cost a few kilobytes, and histograms of runs add up.
 */
const SUB_BITS = 8;
const SUB = 1 << SUB_BITS; // 256
const HALF = SUB >> 1; // 128
/** Up to 2^40 µs (12 days): more than any run. */
const BUCKETS = SUB + (40 - SUB_BITS) * HALF;

function bucketOf(us: number): number {
  const v = Math.max(0, Math.floor(us));
  if (v < SUB) return v;
  const magnitude = Math.floor(Math.log2(v)); // ≥ SUB_BITS
  const shift = magnitude - SUB_BITS + 1;
  const sub = Math.floor(v / 2 ** shift); // in [HALF, SUB)
  return Math.min(BUCKETS - 1, SUB + (magnitude - SUB_BITS) * HALF + (sub - HALF));
}

/** The middle of a bucket's range, in µs. */
function valueOf(bucket: number): number {
  if (bucket < SUB) return bucket;
  const magnitude = Math.floor((bucket - SUB) / HALF) + SUB_BITS;
  const sub = ((bucket - SUB) % HALF) + HALF;
  const shift = magnitude - SUB_BITS + 1;
  return sub * 2 ** shift + 2 ** shift / 2;
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  max = 0;

  /** Records `n` samples of `us` microseconds. */
  record(us: number, n = 1): void {
    if (!(n > 0)) return;
    this.counts[bucketOf(us)]! += n;
    this.count += n;
    if (us > this.max) this.max = us;
  }

  /** Records a latency given in milliseconds. */
  recordMs(ms: number, n = 1): void {
    this.record(ms * 1000, n);
  }

  add(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
  }

  /** The p-th percentile (0–100) in µs: the bucket holding the sample of that rank; NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(valueOf(i), this.max);
    }
    return this.max;
  }

  /** The p-th percentile in milliseconds. */
  percentileMs(p: number): number {
    return this.percentile(p) / 1000;
  }

  /** How many samples are at most `us`. */
  countAtMost(us: number): number {
    const last = bucketOf(us);
    let n = 0;
    for (let i = 0; i <= last; i++) n += this.counts[i]!;
    return n;
  }
}
