import { meetsTarget, ratio, type RatioTarget } from './ratio.js';
import { summarize, type Summary } from './stats.js';
import type { MetricResult, Unit } from './types.js';

/** Round-by-round ratios, when both sides have one sample per round. */
export function pairedRatios(ours: readonly number[], baseline: readonly number[] | undefined): Summary | null {
  if (!baseline || baseline.length !== ours.length || ours.length === 0 || baseline.some((b) => !(b > 0))) return null;
  return summarize(ours.map((o, i) => o / baseline[i]!));
}

/** Builds a table row from raw samples; the ratio is median(ours) ÷ median(baseline). */
export function metric(args: {
  scenario: string;
  metric: string;
  unit: Unit;
  ours: number[];
  baseline?: { name: string; samples: number[] } | null;
  target?: RatioTarget | null;
}): MetricResult {
  const ours = summarize(args.ours);
  const baseline = args.baseline ? summarize(args.baseline.samples) : null;
  const r = baseline ? ratio(ours, baseline) : null;
  const target = args.target ?? null;
  return {
    scenario: args.scenario,
    metric: args.metric,
    unit: args.unit,
    ours,
    baselineName: args.baseline?.name ?? null,
    baseline,
    ratio: r !== null && Number.isFinite(r) ? r : null,
    paired: pairedRatios(args.ours, args.baseline?.samples),
    target,
    pass: r === null ? null : meetsTarget(r, target, baseline?.median),
    samples: { ours: [...args.ours], baseline: args.baseline ? [...args.baseline.samples] : null },
  };
}
