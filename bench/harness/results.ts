import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { ScenarioResult } from './types.js';

export const RESULTS_FILE = join(import.meta.dirname, '..', 'results', 'latest.json');

export interface RunRecord {
  date: string;
  args: string[];
  quick: boolean;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; totalMemMB: number; loadavgAtStart: number[] };
  commit: string | null;
  scenarios: ScenarioResult[];
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

export function runRecord(args: string[], quick: boolean, loadAtStart: number[]): Omit<RunRecord, 'scenarios'> {
  return {
    date: new Date().toISOString(),
    args,
    quick,
    machine: {
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      totalMemMB: Math.round(totalmem() / 2 ** 20),
      loadavgAtStart: loadAtStart,
    },
    commit: gitCommit(),
  };
}

export const currentLoad = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Writes the run (every sample included) to bench/results/latest.json, which git ignores. */
export function writeResults(record: RunRecord, file = RESULTS_FILE): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
