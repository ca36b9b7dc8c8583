import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hrUs, summarizeServerProfiles } from '../harness/profile.js';
import { metric } from '../harness/metric.js';
import { alternate } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import { LoadGenerator, refusedCount, type ClientKind, type Outcomes, type PhaseResult, type Target } from './cafe-load.js';
import { canPin, openFilesLimit, pinSelf, startServerProcess, untilQuiet, type ServerProcess } from './cafe-procs.js';
import { seedCafe, type SeededCafe } from './cafe-seed.js';
import { fmtMs, pct, round2, sum } from '../harness/format.js';

const SCENARIO = 'cafe';
const OURS_SERVER = join(import.meta.dirname, '..', 'servers', 'ours.ts');
const BARE_SERVER = join(import.meta.dirname, '..', 'baselines', 'socketio-relay.ts');
const SERVER_CORE = 0;
const GENERATOR_CORE = 1;
/** A run is invalid when the load generator used more of its core than this while measuring. */
export const GENERATOR_CPU_LIMIT = 0.85;

export interface CafeOptions {
  tables: number;
  fansPerTable: number;
  /** Messages per second per fan in the fixed-rate phase (the issue: 1). */
  perFanRate: number;
  /** Length of the fixed-rate phase. */
  durationMs: number;
  /** After the fixed-rate phase, how long to wait for deliveries still on their way. */
  drainMs: number;
  /** The rising-to-saturation search; null skips it. */
  ramp: RampOptions | null;
  /** Measured A/B pairs: one run of ours and one of the bare relay each (ABBA order). */
  rounds: number;
  /** A first phase at a low rate, not measured (JIT, caches); it also checks every message arrives. */
  warmupMs: number;
  /** `wire` (default): the lean Socket.IO client of cafe-wire.ts; or socket.io-client itself. */
  client?: ClientKind;
  /** SQLite `synchronous` for our server; default the server's own default (FULL). */
  synchronous?: 'FULL' | 'NORMAL';
  /** Pin the server to core 0 and this process to core 1 with taskset (default: when there are 2+ cores and taskset). */
  pin?: boolean;
  /** Write CPU profiles of the first round's servers here (ours; the bare relay beside it with `-bare`). */
  profileFile?: string;
  log?: (line: string) => void;
}

export interface RampOptions {
  /** Length of each step. */
  stepMs: number;
  /** A step is sustained when its p99 stays under this (undelivered messages count as late)… */
  p99LimitMs: number;
  /** …and at least this share of its deliveries arrived by the end of the step + 250 ms. */
  minDelivered: number;
  /** Stop refining when the highest sustained rate and the lowest failed one are within this factor. */
  resolution: number;
  maxSteps: number;
  /** The first step's rate in msgs/s (default: a quarter of the fixed rate, at most 100). */
  startRate?: number;
}

type Variant = 'ours' | 'bare';

interface RunRecord {
  variant: Variant;
  connectMs: number;
  warmup: PhaseResult;
  steps: { result: PhaseResult; serverCpuMs: number; pass: boolean; why: string }[];
  best: { result: PhaseResult; serverCpuMs: number } | null;
  /** Why the ramp stopped where it did. */
  rampEnd: string;
  fixed: PhaseResult;
  fixedServerCpuMs: number;
  disconnects: number;
  stray: number;
}

/**
 * The cafe at scale (the Benchmarks issue): `tables` × `fansPerTable` fans seated over
 * Socket.IO, each posting `perFanRate` messages a second on an open-loop schedule, every message
 * delivered to the other people at the table. Latency from each message's intended send time,
 * deliveries per second, server CPU per delivery, then a rising-rate search for the highest
 * sustained delivery rate. Compared in the same run, in alternating runs, with a bare Socket.IO
 * relay carrying the same traffic between rooms (bench/baselines/socketio-relay.ts). Each run
 * starts a fresh server process pinned to one core; this process, pinned to the other, is the
 * load generator, and a run whose generator used more than 85% of its core is invalid.
 */
export async function runCafe(options: CafeOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const fans = options.tables * options.fansPerTable;
  const fixedRate = fans * options.perFanRate;
  const perMessage = options.fansPerTable - 1;
  const pin = (options.pin ?? true) && canPin();
  const restore = pin ? pinSelf(GENERATOR_CORE) : () => {};
  const records: RunRecord[] = [];
  const prior: Partial<Record<Variant, number>> = {};
  const profiles: { variant: Variant; file: string; windows: { label: string; from: number; to: number }[] }[] = [];
  let runNo = 0;
  let sentences = 0;

  const once = async (variant: Variant) => {
    const profileFile =
      options.profileFile && !profiles.some((p) => p.variant === variant)
        ? variant === 'ours'
          ? options.profileFile
          : options.profileFile.replace(/(\.cpuprofile)?$/, '-bare.cpuprofile')
        : null;
    const record = await runOnce(variant, ++runNo, profileFile);
    records.push(record);
    // The next search starts a little under the highest rate this variant has sustained so far.
    const satRate = record.best?.result.rate;
    if (satRate) prior[variant] = Math.max(prior[variant] ?? 0, satRate);
    return sampleOf(record);
  };

  const runOnce = async (variant: Variant, n: number, profileFile: string | null): Promise<RunRecord> => {
    let seeded: SeededCafe | null = null;
    let server: ServerProcess | null = null;
    const windows: { label: string; from: number; to: number }[] = [];
    const generator = new LoadGenerator(options.fansPerTable, `${process.pid}-${n}`, options.client ?? 'wire');
    sentences = generator.sentences;
    try {
      const env = profileFile ? { BENCH_CPU_PROFILE: profileFile } : undefined;
      let target: Target;
      if (variant === 'ours') {
        seeded = await seedCafe(options.tables, options.fansPerTable);
        server = await startServerProcess(OURS_SERVER, [seeded.file, ...(options.synchronous ? [options.synchronous] : [])], pin ? SERVER_CORE : null, { env });
        target = { kind: 'ours', url: server.url, tokens: seeded.tokens, tableIds: seeded.tableIds };
      } else {
        server = await startServerProcess(BARE_SERVER, [], pin ? SERVER_CORE : null, { env });
        target = { kind: 'bare', url: server.url, tables: options.tables };
      }
      const srv = server;
      const connectStart = performance.now();
      await generator.connect(target, fans);
      const connectMs = performance.now() - connectStart;
      await untilQuiet(srv.cpuMs);

      const measured = async (label: string, rate: number, durationMs: number, drainMs: number, graceMs?: number) => {
        let cpu0 = 0;
        let from = 0;
        const result = await generator.phase(label, rate, durationMs, drainMs, {
          graceMs,
          onStart: () => {
            cpu0 = srv.cpuMs();
            from = hrUs();
          },
        });
        const serverCpuMs = srv.cpuMs() - cpu0;
        windows.push({ label: variant, from, to: hrUs() });
        return { result, serverCpuMs };
      };

      // Warm-up: a low rate, not measured; every message must arrive.
      const warmup = await generator.phase('warm-up', Math.min(100, fixedRate), options.warmupMs, 5000);
      await untilQuiet(srv.cpuMs);

      // Rising to saturation: the highest rate whose deliveries keep up (p99 and share delivered).
      const steps: RunRecord['steps'] = [];
      let best: RunRecord['best'] = null;
      let rampEnd = 'no ramp';
      if (options.ramp) {
        const ramp = options.ramp;
        let lo = 0;
        let hi = Number.POSITIVE_INFINITY;
        let hiWhy = '';
        const known = prior[variant];
        // Failing steps leave a backlog to wait out, so the first search starts low and doubles.
        let rate = known ? known / ramp.resolution ** 2 : (ramp.startRate ?? Math.min(fixedRate / 4, 100));
        const up = known ? ramp.resolution : 2;
        rampEnd = 'step limit';
        for (let s = 0; s < ramp.maxSteps; s++) {
          const label = `ramp ${Math.round(rate)}/s`;
          let step = await measured(label, rate, ramp.stepMs, 1000);
          let why = verdict(step.result, ramp);
          await untilQuiet(srv.cpuMs);
          if (why && !why.startsWith('load generator')) {
            // A step fails only when it fails twice: one hiccup of a shared machine does not end the search.
            steps.push({ ...step, pass: false, why: `${why}, tried again` });
            step = await measured(label, rate, ramp.stepMs, 1000);
            why = verdict(step.result, ramp);
            await untilQuiet(srv.cpuMs);
          }
          const r = step.result;
          const pass = why === '';
          steps.push({ ...step, pass, why });
          if (r.generatorCpu > GENERATOR_CPU_LIMIT) {
            rampEnd = `generator-bound: ${why} at ${Math.round(rate)} msgs/s`;
            break;
          }
          if (pass) {
            lo = rate;
            if (!best || r.rate > best.result.rate) best = step;
          } else if (rate < hi) {
            hi = rate;
            hiWhy = why;
          }
          if (lo === 0) rate /= 2;
          else if (!Number.isFinite(hi)) rate = lo * up;
          else if (lo * ramp.resolution < hi * 0.999) rate = lo * ramp.resolution;
          else {
            rampEnd = `${Math.round(hi)} msgs/s failed: ${hiWhy}`;
            break;
          }
          if (rate < 1) {
            rampEnd = 'nothing sustained';
            break;
          }
        }
      }

      // The issue's fixed rate: every fan posts perFanRate messages a second for durationMs.
      const fixed = await measured('fixed', fixedRate, options.durationMs, options.drainMs);
      const record: RunRecord = {
        variant,
        connectMs,
        warmup,
        steps,
        best,
        rampEnd,
        fixed: fixed.result,
        fixedServerCpuMs: fixed.serverCpuMs,
        disconnects: generator.disconnects,
        stray: generator.stray,
      };
      log(describeRun(n, record, perMessage));
      return record;
    } finally {
      if (server) {
        if (profileFile) {
          await server.stop('SIGUSR2');
          if (existsSync(profileFile)) profiles.push({ variant, file: profileFile, windows });
        } else await server.kill();
      }
      generator.close();
      if (seeded) rmSync(seeded.dir, { recursive: true, force: true });
    }
  };

  let samples: Record<string, number[]>;
  try {
    log(
      `${options.tables.toLocaleString('en-US')} tables × ${options.fansPerTable} fans = ${fans.toLocaleString('en-US')} connections per server, ` +
        `${options.perFanRate} msg/s each for ${options.durationMs / 1000} s (${fixedRate.toLocaleString('en-US')} msgs/s, ` +
        `${(fixedRate * perMessage).toLocaleString('en-US')} deliveries/s offered); ${pin ? `server on core ${SERVER_CORE}, load generator on core ${GENERATOR_CORE}` : 'not pinned'}`,
    );
    samples = await alternate(
      [
        { name: 'ours', run: () => once('ours') },
        { name: 'bare', run: () => once('bare') },
      ],
      { rounds: options.rounds },
    );
  } finally {
    restore();
  }

  const bare = (key: string) => ({ name: 'bare Socket.IO relay', samples: samples[`bare.${key}`]! });
  const row = (name: string, unit: MetricResult['unit'], key: string, target?: MetricResult['target']) =>
    metric({ scenario: SCENARIO, metric: name, unit, ours: samples[`ours.${key}`]!, baseline: bare(key), target });
  const fixedLabel = `${options.durationMs / 1000} s at ${options.perFanRate}/s/fan`;
  const metrics: MetricResult[] = [
    row(`delivery p50, ${fixedLabel}`, 'ms', 'p50'),
    row(`delivery p99, ${fixedLabel}`, 'ms', 'p99', { max: 1.2, plus: 1 }),
    row(`delivery p99.9, ${fixedLabel}`, 'ms', 'p999'),
    row(`deliveries/s, ${fixedLabel}`, 'per-s', 'rate'),
    row(`delivered, ${fixedLabel}`, 'percent', 'delivered'),
    row(`server CPU per delivery, ${fixedLabel}`, 'us', 'cpu', { max: 1.15 }),
  ];
  if (options.ramp) {
    // A ramp that ran out of steps before a step failed has not found the server's limit: no verdict on it.
    const found = records.every((r) => r.rampEnd.includes('failed'));
    const at = found ? 'at saturation' : 'at the highest step (saturation not reached)';
    metrics.push(
      row(`deliveries/s ${at}`, 'per-s', 'satRate', found ? { min: 0.85 } : undefined),
      // Like for like: each server at the highest rate it sustains (at the fixed rate ours is far past it).
      row(`server CPU per delivery ${at}`, 'us', 'satCpu', found ? { max: 1.15 } : undefined),
      row(`delivery p99 ${at}`, 'ms', 'satP99'),
    );
  }

  const by = (v: Variant) => records.filter((r) => r.variant === v);
  const outcomes = sumOutcomes(by('ours').flatMap((r) => [r.warmup, ...r.steps.map((s) => s.result), r.fixed]));
  const maxGen = Math.max(...records.flatMap((r) => [r.fixed.generatorCpu, ...r.steps.filter((s) => s.pass).map((s) => s.result.generatorCpu)]));
  const notes = [
    `${options.tables.toLocaleString('en-US')} tables × ${options.fansPerTable} fans (${fans.toLocaleString('en-US')} connections), ${options.perFanRate} msg/s per fan for ${options.durationMs / 1000} s: ` +
      `${fixedRate.toLocaleString('en-US')} msgs/s, ${(fixedRate * perMessage).toLocaleString('en-US')} deliveries/s offered; ${options.rounds} A/B pairs (a fresh server process per run, ABBA order)`,
    `${pin ? `server pinned to core ${SERVER_CORE}, this process (the load generator) to core ${GENERATOR_CORE} with taskset` : 'not pinned (no taskset, or one core)'}; ` +
      `open files limit ${openFilesLimit() ?? 'unknown'}; client ${options.client ?? 'wire'}; our server on SQLite synchronous=${options.synchronous ?? 'FULL (the server default)'}; ${sentences} chat sentences from ../shared/fixtures/discussions`,
    `latency from each message's intended send time; deliveries still missing ${options.drainMs / 1000} s after the last send count at (that moment − intended time), a lower bound`,
    `ours, all phases: ${outcomes.visible.toLocaleString('en-US')} posts shown, ${outcomes.held} held, ${outcomes.folded} folded as double posts, ${refusedCount(outcomes)} refused${refusedCount(outcomes) ? ` (${JSON.stringify(outcomes.refused)})` : ''}; ` +
      `after the fixed phase ${sum(by('ours').map((r) => r.fixed.outcomes.unanswered)).toLocaleString('en-US')} posts were still unanswered when the server was stopped`,
    ...(['ours', 'bare'] as const).map(
      (v) =>
        `${v}: fixed phase delivered ${by(v).map((r) => pct(r.fixed.delivered / Math.max(1, r.fixed.expected))).join(', ')}; ` +
        `highest sustained ${by(v).map((r) => `${r.best ? `${Math.round(r.best.result.rate)} msgs/s` : 'none'} (${r.rampEnd})`).join(', ')}; ` +
        `load generator ${by(v).map((r) => pct(r.fixed.generatorCpu)).join(', ')} of its core at the fixed rate; connect ${by(v).map((r) => `${(r.connectMs / 1000).toFixed(1)} s`).join(', ')}`,
    ),
  ];
  notes.push(`load generator: at most ${pct(maxGen)} of its core in any measured phase (the fixed phase and every sustained ramp step); a run above ${pct(GENERATOR_CPU_LIMIT)} is invalid`);
  const disconnects = sum(records.map((r) => r.disconnects));
  if (disconnects > 0) notes.push(`${disconnects} connections dropped during the runs`);

  const profiled = summarizeServerProfiles(profiles);
  if (profiled) notes.push(profiled.note);
  const profile = profiled?.profile;

  return {
    scenario: SCENARIO,
    params: {
      tables: options.tables,
      fansPerTable: options.fansPerTable,
      perFanRate: options.perFanRate,
      durationMs: options.durationMs,
      drainMs: options.drainMs,
      ramp: options.ramp,
      rounds: options.rounds,
      warmupMs: options.warmupMs,
      client: options.client ?? 'wire',
      synchronous: options.synchronous ?? 'FULL',
      pinned: pin,
      runs: records.map((r) => ({
        variant: r.variant,
        connectMs: Math.round(r.connectMs),
        rampEnd: r.rampEnd,
        steps: r.steps.map((s) => ({ rate: Math.round(s.result.rate), pass: s.pass, why: s.why, ...brief(s.result), serverCpuMs: s.serverCpuMs })),
        fixed: { ...brief(r.fixed), serverCpuMs: r.fixedServerCpuMs, outcomes: r.fixed.outcomes },
        disconnects: r.disconnects,
        stray: r.stray,
      })),
    },
    metrics,
    notes,
    checks: {
      'load generator under 85% of its core while measuring': maxGen <= GENERATOR_CPU_LIMIT,
      'every warm-up message reached everyone else at its table': records.every((r) => r.warmup.expected > 0 && r.warmup.delivered === r.warmup.expected),
      'our server refused no post': refusedCount(outcomes) === 0,
      'no connection dropped': disconnects === 0,
    },
    raw: samples,
    profile,
  };

  function sampleOf(r: RunRecord): Record<string, number> {
    const f = r.fixed;
    const sat = r.best;
    return {
      p50: f.p50,
      p99: f.p99,
      p999: f.p999,
      rate: f.deliveriesPerSecond,
      delivered: (100 * f.delivered) / Math.max(1, f.expected),
      // A run that delivered nothing charges all its CPU to one delivery (a lower bound of ∞).
      cpu: (r.fixedServerCpuMs * 1000) / Math.max(1, f.delivered),
      satRate: sat ? sat.result.deliveriesPerSecond : 0,
      satCpu: sat ? (sat.serverCpuMs * 1000) / Math.max(1, sat.result.delivered) : 0,
      satP99: sat ? sat.result.p99 : 0,
      gen: 100 * Math.max(f.generatorCpu, ...r.steps.filter((s) => s.pass).map((s) => s.result.generatorCpu)),
      connect: r.connectMs,
    };
  }
}

/** Why a ramp step does not count as sustained; '' when it does. */
function verdict(r: PhaseResult, ramp: RampOptions): string {
  if (r.generatorCpu > GENERATOR_CPU_LIMIT) return `load generator at ${pct(r.generatorCpu)} of its core`;
  if (r.p99 > ramp.p99LimitMs) return `p99 ${fmtMs(r.p99)}`;
  if (r.deliveredInGrace < ramp.minDelivered * r.expected) return `${pct(r.deliveredInGrace / Math.max(1, r.expected))} delivered in time`;
  return '';
}

function describeRun(n: number, r: RunRecord, perMessage: number): string {
  const f = r.fixed;
  const ramp = r.steps.map((s) => `${Math.round(s.result.rate)}${s.pass ? '✓' : `✗ (${s.why})`}`).join(' ');
  return (
    `run ${n} ${r.variant}: connect ${(r.connectMs / 1000).toFixed(1)} s; ramp ${ramp || '—'}` +
    `${r.best ? ` → ${Math.round(r.best.result.deliveriesPerSecond).toLocaleString('en-US')} deliveries/s sustained` : ''}; ` +
    `fixed: p50 ${fmtMs(f.p50)}, p99 ${fmtMs(f.p99)}, p99.9 ${fmtMs(f.p999)}, ${Math.round(f.deliveriesPerSecond).toLocaleString('en-US')} deliveries/s, ` +
    `delivered ${pct(f.delivered / Math.max(1, f.expected))} of ${f.expected.toLocaleString('en-US')} (${perMessage} per message), generator ${pct(f.generatorCpu)}`
  );
}

const brief = (r: PhaseResult) => ({
  sent: r.sent,
  expected: r.expected,
  delivered: r.delivered,
  deliveredInGrace: r.deliveredInGrace,
  deliveriesPerSecond: Math.round(r.deliveriesPerSecond),
  p50: round2(r.p50),
  p99: round2(r.p99),
  p999: round2(r.p999),
  generatorCpu: round2(r.generatorCpu),
  lateSends: r.lateSends,
});

function sumOutcomes(results: PhaseResult[]): Outcomes {
  const total: Outcomes = { visible: 0, held: 0, folded: 0, refused: {}, unanswered: 0 };
  for (const { outcomes } of results) {
    total.visible += outcomes.visible;
    total.held += outcomes.held;
    total.folded += outcomes.folded;
    total.unanswered += outcomes.unanswered;
    for (const [code, n] of Object.entries(outcomes.refused)) total.refused[code] = (total.refused[code] ?? 0) + n;
  }
  return total;
}


export const cafe: Scenario = {
  name: SCENARIO,
  description: 'cafe tables at scale: 1,000 tables × 6 fans posting 1 msg/s over Socket.IO, delivery latency, throughput and server CPU vs a bare Socket.IO relay',
  run: ({ quick, rounds, profileFile, log }) =>
    runCafe({
      tables: quick ? 30 : 1000,
      fansPerTable: 6,
      perFanRate: 1,
      durationMs: quick ? 2000 : 30_000,
      drainMs: quick ? 1000 : 5000,
      ramp: { stepMs: quick ? 800 : 3000, p99LimitMs: 1000, minDelivered: 0.95, resolution: 1.25, maxSteps: quick ? 4 : 12, startRate: quick ? 200 : undefined },
      rounds: rounds ?? (quick ? 1 : 5),
      warmupMs: quick ? 500 : 2000,
      // CAFE_SYNCHRONOUS=NORMAL npm run bench -- cafe: our server without an fsync per commit.
      synchronous: process.env.CAFE_SYNCHRONOUS === 'NORMAL' || process.env.CAFE_SYNCHRONOUS === 'FULL' ? process.env.CAFE_SYNCHRONOUS : undefined,
      profileFile,
      log,
    }),
};
