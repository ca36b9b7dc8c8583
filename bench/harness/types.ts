import type { RatioTarget } from './ratio.js';
import type { Summary } from './stats.js';

/** `us`: microseconds; `per-s`: a rate (per second); `percent`: 0–100. */
export type Unit = 'ms' | 'us' | 'MB' | 'bytes' | 'count' | 'per-s' | 'percent';

/** One row of the results table: our samples against a baseline measured in the same run. */
export interface MetricResult {
  scenario: string;
  metric: string;
  unit: Unit;
  ours: Summary;
  /** What the baseline is, in a few words ("build+encode in memory"). */
  baselineName: string | null;
  baseline: Summary | null;
  /** median(ours) ÷ median(baseline); null without a baseline. */
  ratio: number | null;
  /**
   * ours[i] ÷ baseline[i] for samples taken in the same round, summarized: steadier than the
   * ratio of medians when the machine's speed drifts during the run. Null without equal counts.
   */
  paired: Summary | null;
  target: RatioTarget | null;
  /** null: no target, or nothing to judge. */
  pass: boolean | null;
  samples: { ours: number[]; baseline: number[] | null };
}

export interface ScenarioResult {
  scenario: string;
  /** The sizes and counts the run used, for latest.json. */
  params: Record<string, unknown>;
  metrics: MetricResult[];
  /** Plain facts worth printing under the table (sizes, row counts). */
  notes: string[];
  /** Correctness checks the run made along the way (e.g. every synced client held the expected text). */
  checks: Record<string, boolean>;
  /** Every sample by variant (`name.wall`, `name.cpu`…), including what the table leaves out. */
  raw?: Record<string, number[]>;
  /** With --profile: where the measured time went, per variant. */
  profile?: string;
}

export interface RunOptions {
  quick: boolean;
  /** Overrides the scenario's default number of A/B rounds. */
  rounds?: number;
  /** Scenarios built on an editing trace replay only its first `ops` operations. */
  ops?: number;
  /** Write a CPU profile of the measured rounds here (a .cpuprofile path); timings run slower meanwhile. */
  profileFile?: string;
  /** Progress lines (stderr in `npm run bench`). */
  log: (line: string) => void;
}

export interface Scenario {
  name: string;
  description: string;
  run(options: RunOptions): Promise<ScenarioResult>;
}
