import type { Summary } from './stats.js';

/** A target on `ours ÷ baseline`: pass when the ratio is at most `max`. */
export interface RatioTarget {
  max: number;
}

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

export function formatTarget(target: RatioTarget | null | undefined): string {
  return target ? `≤ ${target.max.toFixed(2)}×` : '—';
}

/** null when there is no target or no ratio to judge: neither pass nor fail. */
export function meetsTarget(r: number, target: RatioTarget | null | undefined): boolean | null {
  if (!target || !Number.isFinite(r)) return null;
  return r <= target.max;
}
