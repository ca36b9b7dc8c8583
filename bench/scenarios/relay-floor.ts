import { asPinnedGenerator, GENERATOR_CPU_LIMIT, SERVER_CORE, socketBudget, waitMeter } from '../harness/generator.js';
import { metric } from '../harness/metric.js';
import { alternate } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import { LoadGenerator, type PhaseResult } from './cafe-load.js';
import { startServerProcess, untilQuiet, type ServerProcess } from './cafe-procs.js';
import { SERVER_NAMES, SERVERS } from './presence.js';
import { fmtMs, pct } from '../harness/format.js';

const SCENARIO = 'relay-floor';

type FloorVariant = 'bare' | 'ws';

export interface FloorOptions {
  tables: number;
  fansPerTable: number;
  /** Messages per second per fan in the measured phase. */
  perFanRate: number;
  durationMs: number;
  drainMs: number;
  warmupMs: number;
  rounds: number;
  pin?: boolean;
  log?: (line: string) => void;
}

interface FloorRun {
  variant: FloorVariant;
  connectMs: number;
  warmup: PhaseResult;
  fixed: PhaseResult;
  serverCpuMs: number;
  /** Share of the measured phase the server's and this process's main threads spent runnable but waiting for a CPU. */
  serverWait: number;
  generatorWait: number;
}

/**
 * The floor under the cafe's relay: bare Socket.IO (bench/baselines/socketio-relay.ts) against
 * a plain `ws` relay writing one pre-built frame to every other member of a room
 * (bench/baselines/ws-relay.ts), with the cafe's own load generator and traffic (cafe-load.ts:
 * tables of fans posting on an open-loop schedule, latency from each message's intended send
 * time, the same frames on the wire for both). What it tells: how much of the bare relay's cost
 * per delivery is Socket.IO's own, and so how far under Socket.IO the machine itself goes.
 * Our server is not in it (the cafe scenario has ours ÷ bare Socket.IO).
 */
export async function runFloor(options: FloorOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const budget = socketBudget(options.tables * options.fansPerTable);
  const tables = Math.floor(budget.n / options.fansPerTable);
  const fans = tables * options.fansPerTable;
  const rate = fans * options.perFanRate;
  const perMessage = options.fansPerTable - 1;
  const runs: FloorRun[] = [];
  let runNo = 0;

  const once = async (variant: FloorVariant, pinned: boolean): Promise<Record<string, number>> => {
    const n = ++runNo;
    let server: ServerProcess | null = null;
    const generator = new LoadGenerator(options.fansPerTable, `${process.pid}-floor-${n}`);
    try {
      server = await startServerProcess(SERVERS[variant], [], pinned ? SERVER_CORE : null);
      const srv = server;
      const t0 = performance.now();
      await generator.connect({ kind: 'bare', url: srv.url, tables }, fans);
      const connectMs = performance.now() - t0;
      await untilQuiet(srv.cpuMs);
      const warmup = await generator.phase('warm-up', Math.min(100, rate), options.warmupMs, 5000);
      await untilQuiet(srv.cpuMs);
      let cpu0 = 0;
      let waits = { server: waitMeter(srv.pid), generator: waitMeter(process.pid) };
      const fixed = await generator.phase('fixed', rate, options.durationMs, options.drainMs, {
        onStart: () => {
          cpu0 = srv.cpuMs();
          waits = { server: waitMeter(srv.pid), generator: waitMeter(process.pid) };
        },
      });
      const serverCpuMs = srv.cpuMs() - cpu0;
      const run: FloorRun = { variant, connectMs, warmup, fixed, serverCpuMs, serverWait: waits.server.stop(), generatorWait: waits.generator.stop() };
      runs.push(run);
      const cpuPerDelivery = (serverCpuMs * 1000) / Math.max(1, fixed.delivered);
      log(
        `run ${n} ${SERVER_NAMES[variant]}: p50 ${fmtMs(fixed.p50)}, p99 ${fmtMs(fixed.p99)}, p99.9 ${fmtMs(fixed.p999)}; delivered ${pct(fixed.delivered / Math.max(1, fixed.expected))} of ${fixed.expected.toLocaleString('en-US')}; ` +
          `server ${cpuPerDelivery.toFixed(1)} µs CPU per delivery; generator ${pct(fixed.generatorCpu)}; waiting for a CPU: server ${pct(run.serverWait)}, generator ${pct(run.generatorWait)}`,
      );
      return {
        p50: fixed.p50,
        p99: fixed.p99,
        p999: fixed.p999,
        cpu: cpuPerDelivery,
        delivered: (100 * fixed.delivered) / Math.max(1, fixed.expected),
        rate: fixed.deliveriesPerSecond,
        gen: 100 * fixed.generatorCpu,
        serverWait: 100 * run.serverWait,
        genWait: 100 * run.generatorWait,
      };
    } finally {
      if (server) await server.kill();
      generator.close();
    }
  };

  const { samples, pinned } = await asPinnedGenerator(options.pin ?? true, async (pinned) => {
    log(
      `${tables.toLocaleString('en-US')} tables × ${options.fansPerTable} fans, ${options.perFanRate} msg/s each for ${options.durationMs / 1000} s ` +
        `(${rate.toLocaleString('en-US')} msgs/s, ${(rate * perMessage).toLocaleString('en-US')} deliveries/s); bare Socket.IO vs ws floor; ${pinned ? `server on core ${SERVER_CORE}, load generator on the other` : 'not pinned'}`,
    );
    const samples = await alternate(
      (['bare', 'ws'] as const).map((v) => ({ name: v, run: () => once(v, pinned) })),
      { rounds: options.rounds },
    );
    return { samples, pinned };
  });

  const label = `${rate.toLocaleString('en-US')} msgs/s`;
  const row = (name: string, unit: MetricResult['unit'], key: string) =>
    metric({
      scenario: SCENARIO,
      metric: `bare Socket.IO: ${name}, ${label}`,
      unit,
      ours: samples[`bare.${key}`]!,
      baseline: { name: SERVER_NAMES.ws, samples: samples[`ws.${key}`]! },
    });
  const metrics = [
    row('delivery p50', 'ms', 'p50'),
    row('delivery p99', 'ms', 'p99'),
    row('delivery p99.9', 'ms', 'p999'),
    row('server CPU per delivery', 'us', 'cpu'),
    row('delivered', 'percent', 'delivered'),
  ];
  const by = (v: FloorVariant) => runs.filter((r) => r.variant === v);
  const maxGen = Math.max(...runs.map((r) => r.fixed.generatorCpu));
  const capacity = (v: FloorVariant) => {
    const cpu = samples[`${v}.cpu`]!;
    const sorted = [...cpu].sort((a, b) => a - b);
    return Math.round(1e6 / sorted[Math.floor(sorted.length / 2)]!).toLocaleString('en-US');
  };
  const notes = [
    ...(budget.note ? [`${budget.note}: ${tables} tables`] : []),
    `${tables.toLocaleString('en-US')} tables × ${options.fansPerTable} fans, ${options.perFanRate} msg/s per fan for ${options.durationMs / 1000} s: ${rate.toLocaleString('en-US')} msgs/s, ` +
      `${(rate * perMessage).toLocaleString('en-US')} deliveries/s offered; ${options.rounds} rounds (ABBA order, a fresh server process per run); ${pinned ? `server pinned to core ${SERVER_CORE}, the load generator to the other` : 'not pinned'}`,
    `the cafe's load generator and lean Socket.IO client (cafe-load.ts, cafe-wire.ts) against both: the same frames on the wire; the ws floor builds each relayed frame once and writes the same bytes to every other member of the room`,
    `one core's worth of deliveries at the median CPU per delivery: bare Socket.IO ${capacity('bare')}/s, ws floor ${capacity('ws')}/s`,
    ...(['bare', 'ws'] as const).map(
      (v) =>
        `${SERVER_NAMES[v]}: delivered ${by(v).map((r) => pct(r.fixed.delivered / Math.max(1, r.fixed.expected))).join(', ')}; generator ${by(v).map((r) => pct(r.fixed.generatorCpu)).join(', ')}; ` +
        `connect ${by(v).map((r) => `${(r.connectMs / 1000).toFixed(1)} s`).join(', ')}; server waiting for a CPU ${by(v).map((r) => pct(r.serverWait)).join(', ')} of the phase`,
    ),
    `load generator: at most ${pct(maxGen)} of its core while sending; a run above ${pct(GENERATOR_CPU_LIMIT)} is invalid`,
  ];
  return {
    scenario: SCENARIO,
    params: {
      ...options,
      log: undefined,
      tables,
      pinned,
      runs: runs.map((r) => ({ variant: r.variant, connectMs: Math.round(r.connectMs), serverCpuMs: r.serverCpuMs, serverWait: r.serverWait, generatorWait: r.generatorWait, fixed: { ...r.fixed, outcomes: undefined } })),
    },
    metrics,
    notes,
    checks: {
      'load generator under 85% of its core while measuring': maxGen <= GENERATOR_CPU_LIMIT,
      'every warm-up message reached everyone else at its table': runs.every((r) => r.warmup.expected > 0 && r.warmup.delivered === r.warmup.expected),
    },
    raw: samples,
  };
}


export const relayFloor: Scenario = {
  name: SCENARIO,
  description: "the relay floor: bare Socket.IO vs a plain ws relay (pre-built frames) on the cafe's traffic; delivery latency and server CPU per delivery",
  run: ({ quick, rounds, log }) =>
    runFloor({
      tables: quick ? 50 : 1000,
      fansPerTable: 6,
      perFanRate: quick ? 1 : 0.25,
      durationMs: quick ? 2000 : 20_000,
      drainMs: quick ? 1000 : 5000,
      warmupMs: quick ? 1000 : 2000,
      rounds: rounds ?? (quick ? 1 : 5),
      log,
    }),
};
