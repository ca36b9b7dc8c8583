import { rmSync } from 'node:fs';
import { asPinnedGenerator, cpuMeter, inPool, SERVER_CORE, socketBudget, startProbedServer, withTimeout, type HeapReport, type ProbedServer } from '../harness/generator.js';
import { metric } from '../harness/metric.js';
import { alternate } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import type { WireClient } from './cafe-wire.js';
import { untilQuiet } from './cafe-procs.js';
import { joinPresence, seedSpace, SERVER_NAMES, SERVERS, type PresenceTarget, type SeededSpace } from './presence.js';

const SCENARIO = 'idle';

export type IdleVariant = 'ours' | 'bare' | 'ws';

export interface IdleOptions {
  /** Signed-in clients, each in the presence room (the issue: 10,000). Cut to what the open-files limit allows. */
  clients: number;
  rounds: number;
  /** Clients connected, put in the room and closed again before the "before" heap, so first-use allocations are not counted per connection. */
  warmupClients?: number;
  /** Connections opened at once while connecting. */
  concurrency?: number;
  /** Default: ours, bare Socket.IO, ws floor. */
  variants?: IdleVariant[];
  pin?: boolean;
  log?: (line: string) => void;
}

interface IdleRun {
  variant: IdleVariant;
  clients: number;
  before: HeapReport;
  after: HeapReport;
  connectMs: number;
  serverCpuMs: number;
  generatorCpu: number;
  disconnects: number;
}

/**
 * Idle connections (the Benchmarks issue): `clients` signed-in clients each in a presence room
 * (presence.ts: ours subscribes to the space's stream with a real session token; the baselines
 * join a room), then nothing. Measured inside each server process (bench/servers/probed.ts):
 * heapUsed after a forced full GC with every client connected and the server quiet, minus the
 * same before any of them connected, ÷ clients. Compared in alternating runs with a bare
 * Socket.IO server and the ws floor, a fresh server process each.
 */
export async function runIdle(options: IdleOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const variants = options.variants ?? ['ours', 'bare', 'ws'];
  const budget = socketBudget(options.clients);
  const n = budget.n;
  const warm = options.warmupClients ?? Math.min(20, n);
  const concurrency = options.concurrency ?? 100;
  const runs: IdleRun[] = [];
  let runNo = 0;
  if (budget.note) log(budget.note);

  const once = async (variant: IdleVariant, pinned: boolean): Promise<Record<string, number>> => {
    const runIndex = ++runNo;
    let seeded: SeededSpace | null = null;
    let server: ProbedServer | null = null;
    const clients: WireClient[] = [];
    let disconnects = 0;
    let counting = true;
    try {
      if (variant === 'ours') seeded = await seedSpace(n + warm);
      server = await startProbedServer(SERVERS[variant], seeded ? [seeded.file] : [], { pin: pinned });
      const target: PresenceTarget = seeded ? { kind: 'ours', url: server.url, spaceId: seeded.spaceId } : { kind: variant as 'bare' | 'ws', url: server.url };
      const open = async (i: number, token: string | undefined) => {
        const client = await withTimeout(joinPresence(target, token), 60_000, `client ${i} did not connect and join`);
        client.onClose = () => {
          if (counting) disconnects++;
        };
        return client;
      };

      // Warm-up: the whole path a few times (JIT, lazily built state), then those clients leave.
      const warmClients: WireClient[] = [];
      await inPool(warm, 10, async (i) => void warmClients.push(await open(i, seeded?.tokens[n + i])));
      counting = false;
      for (const c of warmClients) c.close();
      await untilQuiet(server.cpuMs);
      await new Promise((resolve) => setTimeout(resolve, 300));
      counting = true;
      const before = await server.heap();

      const cpu0 = server.cpuMs();
      const meter = cpuMeter();
      const t0 = performance.now();
      await inPool(n, concurrency, async (i) => void (clients[i] = await open(i, seeded?.tokens[i])));
      const connectMs = performance.now() - t0;
      const generatorCpu = meter.stop();
      const serverCpuMs = server.cpuMs() - cpu0;
      await untilQuiet(server.cpuMs, { maxMs: 60_000 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = await server.heap();
      const run: IdleRun = { variant, clients: n, before, after, connectMs, serverCpuMs, generatorCpu, disconnects };
      runs.push(run);
      const per = (key: keyof HeapReport) => (after[key] - before[key]) / n;
      log(
        `run ${runIndex} ${SERVER_NAMES[variant]}: ${n.toLocaleString('en-US')} connected in ${(connectMs / 1000).toFixed(1)} s; ` +
          `heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB: ${Math.round(per('heapUsed')).toLocaleString('en-US')} B per connection ` +
          `(+ ${Math.round(per('external')).toLocaleString('en-US')} B external; RSS ${Math.round(per('rss')).toLocaleString('en-US')} B)${disconnects ? `; ${disconnects} dropped` : ''}`,
      );
      counting = false;
      return {
        heap: per('heapUsed'),
        external: per('external'),
        rss: per('rss'),
        connectMs,
        cpuPerConnect: (serverCpuMs * 1000) / n,
        gen: 100 * generatorCpu,
      };
    } finally {
      counting = false;
      if (server) await server.kill();
      for (const c of clients) c?.close();
      if (seeded) rmSync(seeded.dir, { recursive: true, force: true });
    }
  };

  const { samples, pinned } = await asPinnedGenerator(options.pin ?? true, async (pinned) => {
    log(
      `${n.toLocaleString('en-US')} signed-in clients per server, each in the presence room; ${variants.map((v) => SERVER_NAMES[v]).join(', ')}; ` +
        `${pinned ? `server on core ${SERVER_CORE}, load generator on the other` : 'not pinned'}`,
    );
    const samples = await alternate(
      variants.map((v) => ({ name: v, run: () => once(v, pinned) })),
      { rounds: options.rounds },
    );
    return { samples, pinned };
  });

  const row = (num: IdleVariant, den: IdleVariant, target?: MetricResult['target']) =>
    metric({
      scenario: SCENARIO,
      metric: num === 'ours' ? 'heap per connection' : `${SERVER_NAMES[num]}: heap per connection`,
      unit: 'bytes',
      ours: samples[`${num}.heap`]!,
      baseline: { name: SERVER_NAMES[den], samples: samples[`${den}.heap`]! },
      target,
    });
  const metrics: MetricResult[] = [];
  if (variants.includes('ours') && variants.includes('bare')) metrics.push(row('ours', 'bare', { max: 1.25 }));
  if (variants.includes('ours') && variants.includes('ws')) metrics.push(row('ours', 'ws'));
  if (variants.includes('bare') && variants.includes('ws')) metrics.push(row('bare', 'ws'));

  const by = (v: IdleVariant) => runs.filter((r) => r.variant === v);
  const disconnects = runs.reduce((s, r) => s + r.disconnects, 0);
  const notes = [
    ...(budget.note ? [`${budget.note}: the figures are for ${n.toLocaleString('en-US')} connections`] : []),
    `${n.toLocaleString('en-US')} clients per server (open files limit ${budget.limit ?? 'unknown'}), ${options.rounds} rounds (ABBA order, a fresh server process per run); ` +
      `${pinned ? `server pinned to core ${SERVER_CORE}, the load generator to the other` : 'not pinned'}; heap per connection = (heapUsed after − before) ÷ clients, each after a forced full GC in the server process; ` +
      `${warm} clients connected, joined and left before "before"`,
    'ours: a session token in the handshake (auth.token), then stream:subscribe to space:<id>; the baselines: join a room. All clients in one room.',
    ...variants.map(
      (v) =>
        `${SERVER_NAMES[v]}: heap per connection ${by(v).map((r) => `${Math.round((r.after.heapUsed - r.before.heapUsed) / r.clients).toLocaleString('en-US')} B`).join(', ')}; ` +
        `external ${by(v).map((r) => `${Math.round((r.after.external - r.before.external) / r.clients)}`).join(', ')} B; RSS ${by(v).map((r) => `${Math.round((r.after.rss - r.before.rss) / r.clients)}`).join(', ')} B; ` +
        `connecting took ${by(v).map((r) => `${(r.connectMs / 1000).toFixed(1)} s`).join(', ')}`,
    ),
    'the heap figure is not a timing: the load generator is not held to its CPU limit while connecting (it connects as fast as it can)',
  ];
  if (disconnects > 0) notes.push(`${disconnects} connections dropped while idle`);

  return {
    scenario: SCENARIO,
    params: { clients: n, asked: options.clients, rounds: options.rounds, warmupClients: warm, concurrency, variants, pinned, openFilesLimit: budget.limit, runs },
    metrics,
    notes,
    checks: { 'no connection dropped while idle': disconnects === 0 },
    raw: samples,
  };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export const idle: Scenario = {
  name: SCENARIO,
  description: 'idle: 10,000 signed-in clients each in a presence room; heap per connection in the server vs bare Socket.IO and the ws floor',
  run: ({ quick, rounds, log }) => runIdle({ clients: quick ? 500 : 10_000, rounds: rounds ?? (quick ? 1 : 5), log }),
};
