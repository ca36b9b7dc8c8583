import { fullGc } from './heap.js';
import { noteMeasured, setProfileLabel } from './profile.js';

/** One run's result: a number, or several named numbers from the same run (`{ wall, cpu }`). */
export type Sample = number | Readonly<Record<string, number>>;

export interface Variant {
  name: string;
  run: () => Promise<Sample> | Sample;
}

/**
 * Runs every variant once per round, alternating ours and baseline within the round and
 * reversing the order every other round (ABBA), so a noisy neighbour or a slow drift on a shared
 * machine lands on both sides. `warmup` rounds run first and are discarded (JIT, caches, and
 * V8 growing its young generation to the workload).
 *
 * `gc: true` forces a full GC before each run. It is off by default and should stay off for
 * Yjs work: right after a forced full GC, decoding and encoding the automerge-paper document
 * took 58 ms instead of 9–16 ms (V8 seems to restart its heap-growth heuristics and collect
 * again during the run), which is not how a running server behaves. Alternation spreads
 * ordinary GC over all variants instead.
 *
 * Returns the samples by variant name; a variant returning `{ wall, cpu }` yields `name.wall`
 * and `name.cpu`.
 */
export async function alternate(
  variants: readonly Variant[],
  options: { rounds: number; warmup?: number; gc?: boolean; onRound?: (round: number, samples: Record<string, number>) => void },
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = {};
  const warmup = options.warmup ?? 0;
  for (let round = -warmup; round < options.rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    const got: Record<string, number> = {};
    for (const variant of order) {
      if (options.gc) await settle();
      setProfileLabel(variant.name);
      const sample = await variant.run();
      if (typeof sample === 'number') got[variant.name] = sample;
      else for (const [key, value] of Object.entries(sample)) got[`${variant.name}.${key}`] = value;
    }
    if (round < 0) continue;
    for (const [name, value] of Object.entries(got)) (samples[name] ??= []).push(value);
    options.onRound?.(round, got);
  }
  return samples;
}

/** A full GC, then a short pause so its concurrent sweeping is not charged to the next run's CPU time. */
export async function settle(pauseMs = 20): Promise<void> {
  fullGc();
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
}

/** Wall-clock and CPU milliseconds of one measured run. */
export type Elapsed = {
  wall: number;
  /** User + system CPU time of the whole process (every thread) meanwhile: less sensitive to other processes. */
  cpu: number;
};

/** Starts measuring now; `stop()` returns the elapsed times and marks the window for --profile. */
export function stopwatch(): { stop(): Elapsed } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  return {
    stop() {
      const end = performance.now();
      const cpu = process.cpuUsage(cpuStart);
      noteMeasured(start, end);
      return { wall: end - start, cpu: (cpu.user + cpu.system) / 1000 };
    },
  };
}

/** Times `work` (see stopwatch). */
export async function timed(work: () => Promise<unknown> | unknown): Promise<Elapsed> {
  const watch = stopwatch();
  await work();
  return watch.stop();
}
