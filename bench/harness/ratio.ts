import type { Summary } from './stats.js';

/**
 * A target on `ours ÷ baseline`: pass when the ratio is at most `max` (lower is better) or at
 * least `min` (higher is better, e.g. throughput). `plus` adds an allowance in the metric's own
 * unit to `max`: `{ max: 1.2, plus: 1 }` on a latency in ms passes when ours ≤ 1.2 × baseline + 1 ms.
 */
export type RatioTarget = { max: number; plus?: number; min?: undefined } | { min: number; max?: undefined; plus?: undefined };

/** ours ÷ baseline of the medians; NaN when the baseline is zero or missing. */
export function ratio(ours: number | Summary, baseline: number | Summary | null | undefined): number {
  if (baseline == null) return Number.NaN;
  const a = typeof ours === 'number' ? ours : ours.median;
  const b = typeof baseline === 'number' ? baseline : baseline.median;
  if (!(b > 0) || !Number.isFinite(a)) return Number.NaN;
  return a / b;
}

/** "1.23×"; "n/a" when the ratio could not be computed. */
export function formatRatio(r: number, digits = 2): string {
  return Number.isFinite(r) ? `${r.toFixed(digits)}×` : 'n/a';
}

/** "≤ 1.10×", "≤ 1.20× + 1 ms" (with the unit's suffix), "≥ 0.85×"; "—" without a target. */
export function formatTarget(target: RatioTarget | null | undefined, unitSuffix = ''): string {
  if (!target) return '—';
  if (target.min !== undefined) return `≥ ${target.min.toFixed(2)}×`;
  return `≤ ${target.max.toFixed(2)}×${target.plus ? ` + ${target.plus}${unitSuffix ? ` ${unitSuffix}` : ''}` : ''}`;
}

/**
 * null when there is no target or no ratio to judge: neither pass nor fail. A target with
 * `plus` needs the baseline's median (the allowance is absolute): ratio ≤ max + plus ÷ baseline.
 */
export function meetsTarget(r: number, target: RatioTarget | null | undefined, baseline?: number): boolean | null {
  if (!target || !Number.isFinite(r)) return null;
  if (target.min !== undefined) return r >= target.min;
  if (target.plus) {
    if (!(baseline !== undefined && baseline > 0)) return null;
    return r <= target.max + target.plus / baseline;
  }
  return r <= target.max;
}
