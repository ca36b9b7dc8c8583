import { existsSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { SignJWT } from 'jose';
import { asPinnedGenerator, cpuMeter, GENERATOR_CPU_LIMIT, inPool, SERVER_CORE, socketBudget, waitMeter } from '../harness/generator.js';
import { Histogram } from '../harness/histogram.js';
import { metric } from '../harness/metric.js';
import { hrUs, summarizeProfile } from '../harness/profile.js';
import { openLoop } from '../harness/open-loop.js';
import { alternate } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import type { WireClient } from './cafe-wire.js';
import { startServerProcess, untilQuiet, type ServerProcess } from './cafe-procs.js';
import { joinPresence, seedSpace, SERVER_NAMES, SERVERS, type PresenceTarget, type SeededSpace } from './presence.js';
import { fmtMs, pct } from '../harness/format.js';

const SCENARIO = 'storm';

export type StormVariant = 'ours' | 'bare' | 'ws';

export interface StormOptions {
  /** Clients arriving (the issue: 2,000). */
  clients: number;
  /** Over how long their arrivals are spread, evenly, open loop (the issue: 5 s). */
  windowMs: number;
  rounds: number;
  /** Clients that go through the whole path, unmeasured, before the storm (JIT, lazily built state). */
  warmupClients?: number;
  /** A client not joined this long after the window ends counts as joined then (a lower bound) and as failed. */
  timeoutMs?: number;
  /** Default: ours, bare Socket.IO, ws floor. */
  variants?: StormVariant[];
  /** SQLite `synchronous` for our server; default the server's own (FULL: an fsync per commit). */
  synchronous?: 'FULL' | 'NORMAL';
  /** CPU-profile the first run of our server (bench/servers/cpu-profile.ts) and write it here. */
  profileFile?: string;
  pin?: boolean;
  log?: (line: string) => void;
}

interface StormRun {
  variant: StormVariant;
  clients: number;
  joined: number;
  failed: number;
  errors: Record<string, number>;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  /** Ours: the sign-in request alone. */
  signIn: { p50: number; p99: number } | null;
  serverCpuMs: number;
  generatorCpu: number;
  /** Share of the storm the server's and this process's main threads spent runnable but waiting for a CPU (the machine's other work). */
  serverWait: number;
  generatorWait: number;
  lateStarts: number;
  maxLagMs: number;
}

/**
 * Connect storm (the Benchmarks issue): `clients` people arrive within `windowMs`, evenly spaced
 * on an open-loop schedule (client i is due at start + i × window ÷ clients, whatever happened to
 * the others). Each one, on ours, signs in the way a widget does, exchanging its brand's token
 * (an HS256 JWT the brand's server signed, made before the storm) for a session token with
 * `POST /api/v1/spaces/:slug/sso` on a connection of its own; then opens Socket.IO with that
 * token and subscribes to the space's stream. On the baselines it connects and joins a room, no
 * sign-in. Measured: time from each client's intended start to its joined acknowledgement
 * (p50/p99/p99.9), and the server's CPU (user + system, from /proc) from the storm's start until
 * it is quiet again ÷ clients joined.
 */
export async function runStorm(options: StormOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const variants = options.variants ?? ['ours', 'bare', 'ws'];
  // Ours: the sign-in's connection and the socket's.
  const budget = socketBudget(options.clients, { perClient: 2 });
  const n = budget.n;
  const warm = options.warmupClients ?? Math.min(20, n);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const runs: StormRun[] = [];
  let runNo = 0;
  if (budget.note) log(budget.note);
  /** --profile: the first run of our server samples its CPU; these are its storm windows (profiler clock, µs). */
  const windows: { label: string; from: number; to: number }[] = [];
  let profiling = false;
  let profiled = false;

  const once = async (variant: StormVariant, pinned: boolean): Promise<Record<string, number>> => {
    const runIndex = ++runNo;
    let seeded: SeededSpace | null = null;
    let server: ServerProcess | null = null;
    const clients: WireClient[] = [];
    try {
      let brandTokens: string[] = [];
      if (variant === 'ours') {
        seeded = await seedSpace(0);
        // The brand's server signs these; not part of the storm.
        const key = new TextEncoder().encode(seeded.ssoSecret);
        brandTokens = await Promise.all(
          Array.from({ length: n + warm }, (_, i) =>
            new SignJWT({ sub: `storm-${process.pid}-${runIndex}-${i}`, name: `Visitor ${i + 1}` })
              .setProtectedHeader({ alg: 'HS256' })
              .setIssuedAt()
              .setExpirationTime('15m')
              .sign(key),
          ),
        );
      }
      profiling = !!options.profileFile && variant === 'ours' && !profiled;
      const args = seeded ? [seeded.file, ...(options.synchronous ? [options.synchronous] : [])] : [];
      server = await startServerProcess(SERVERS[variant], args, pinned ? SERVER_CORE : null, profiling ? { env: { BENCH_CPU_PROFILE: options.profileFile! } } : {});
      const srv = server;
      const target: PresenceTarget = seeded ? { kind: 'ours', url: srv.url, spaceId: seeded.spaceId } : { kind: variant as 'bare' | 'ws', url: srv.url };
      let signIns = new Histogram();
      const arrive = async (i: number): Promise<WireClient> => {
        if (!seeded) return joinPresence(target);
        const t = performance.now();
        const token = await ssoSignIn(srv.port, seeded.slug, brandTokens[i]!);
        signIns.recordMs(performance.now() - t);
        return joinPresence(target, token);
      };

      // Warm-up, unmeasured: a few arrivals through the whole path; they stay.
      await inPool(warm, 5, async (i) => void clients.push(await arrive(n + i)));
      signIns = new Histogram();
      await untilQuiet(srv.cpuMs);

      const joinedIn = new Histogram();
      const done = new Uint8Array(n);
      const intendedOf = new Float64Array(n);
      let joined = 0;
      let failed = 0;
      const errors: Record<string, number> = {};
      let allSettled: () => void = () => {};
      const settled = new Promise<void>((resolve) => (allSettled = resolve));
      const finish = () => {
        if (joined + failed === n) allSettled();
      };
      const cpu0 = srv.cpuMs();
      const from = hrUs();
      const meter = cpuMeter();
      const serverWaits = waitMeter(srv.pid);
      const generatorWaits = waitMeter(process.pid);
      const schedule = await openLoop({ count: n, intervalMs: options.windowMs / n }, (i, intended) => {
        intendedOf[i] = intended;
        arrive(i).then(
          (client) => {
            clients.push(client);
            if (done[i]) return; // already given up on
            done[i] = 1;
            joinedIn.recordMs(performance.now() - intended);
            joined++;
            finish();
          },
          (err: Error) => {
            if (done[i]) return;
            // Never joined: counted at the end like those still waiting (a person would have had to try again).
            done[i] = 2;
            failed++;
            const key = err.message.slice(0, 80);
            errors[key] = (errors[key] ?? 0) + 1;
            finish();
          },
        );
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, schedule.endAt + timeoutMs - performance.now()))))]);
      clearTimeout(timer);
      const generatorCpu = meter.stop();
      const serverWait = serverWaits.stop();
      const generatorWait = generatorWaits.stop();
      // Whoever has not joined by now, or failed, counts at (now − intended): a lower bound, and a failure.
      const end = performance.now();
      for (let i = 0; i < n; i++) {
        if (done[i] === 1) continue;
        if (done[i] === 0) {
          failed++;
          errors['not joined in time'] = (errors['not joined in time'] ?? 0) + 1;
        }
        done[i] = 1;
        joinedIn.recordMs(end - intendedOf[i]!);
      }
      await untilQuiet(srv.cpuMs, { maxMs: 60_000 });
      const serverCpuMs = srv.cpuMs() - cpu0;
      if (profiling) windows.push({ label: 'ours', from, to: hrUs() });

      const run: StormRun = {
        variant,
        clients: n,
        joined,
        failed,
        errors,
        p50: joinedIn.percentileMs(50),
        p99: joinedIn.percentileMs(99),
        p999: joinedIn.percentileMs(99.9),
        max: joinedIn.max / 1000,
        signIn: seeded ? { p50: signIns.percentileMs(50), p99: signIns.percentileMs(99) } : null,
        serverCpuMs,
        generatorCpu,
        serverWait,
        generatorWait,
        lateStarts: schedule.lateStarts,
        maxLagMs: schedule.maxLagMs,
      };
      runs.push(run);
      log(
        `run ${runIndex} ${SERVER_NAMES[variant]}: ${joined}/${n} joined; to joined p50 ${fmtMs(run.p50)}, p99 ${fmtMs(run.p99)}, p99.9 ${fmtMs(run.p999)}` +
          `${run.signIn ? ` (sign-in alone p50 ${fmtMs(run.signIn.p50)}, p99 ${fmtMs(run.signIn.p99)})` : ''}; ` +
          `server CPU ${((serverCpuMs * 1000) / Math.max(1, joined)).toFixed(0)} µs per connect; generator ${pct(generatorCpu)}; waiting for a CPU: server ${pct(serverWait)}, generator ${pct(generatorWait)}${failed ? `; ${failed} failed: ${JSON.stringify(errors)}` : ''}`,
      );
      return {
        p50: run.p50,
        p99: run.p99,
        p999: run.p999,
        cpuPerConnect: (serverCpuMs * 1000) / Math.max(1, joined),
        joined: (100 * joined) / n,
        gen: 100 * generatorCpu,
        serverWait: 100 * serverWait,
        genWait: 100 * generatorWait,
        ...(run.signIn ? { signInP50: run.signIn.p50, signInP99: run.signIn.p99 } : {}),
      };
    } finally {
      if (server && profiling) {
        await server.stop('SIGUSR2');
        profiled = existsSync(options.profileFile!);
      } else if (server) await server.kill();
      for (const c of clients) c.close();
      if (seeded) rmSync(seeded.dir, { recursive: true, force: true });
    }
  };

  const { samples, pinned } = await asPinnedGenerator(options.pin ?? true, async (pinned) => {
    log(
      `${n.toLocaleString('en-US')} arrivals spread evenly over ${options.windowMs / 1000} s (open loop); ours: SSO sign-in, then Socket.IO with the token and stream:subscribe; ` +
        `${variants.map((v) => SERVER_NAMES[v]).join(', ')}; ${pinned ? `server on core ${SERVER_CORE}, load generator on the other` : 'not pinned'}`,
    );
    const samples = await alternate(
      variants.map((v) => ({ name: v, run: () => once(v, pinned) })),
      { rounds: options.rounds },
    );
    return { samples, pinned };
  });

  const metrics: MetricResult[] = [];
  const row = (name: string, unit: MetricResult['unit'], key: string, num: StormVariant, den: StormVariant, target?: MetricResult['target']) => {
    if (!variants.includes(num) || !variants.includes(den)) return;
    metrics.push(
      metric({
        scenario: SCENARIO,
        metric: num === 'ours' ? name : `${SERVER_NAMES[num]}: ${name}`,
        unit,
        ours: samples[`${num}.${key}`]!,
        baseline: { name: SERVER_NAMES[den], samples: samples[`${den}.${key}`]! },
        target,
      }),
    );
  };
  row('time to joined p50', 'ms', 'p50', 'ours', 'bare');
  row('time to joined p99', 'ms', 'p99', 'ours', 'bare', { max: 2 });
  row('time to joined p99.9', 'ms', 'p999', 'ours', 'bare');
  row('server CPU per connect', 'us', 'cpuPerConnect', 'ours', 'bare');
  row('time to joined p99', 'ms', 'p99', 'ours', 'ws');
  row('server CPU per connect', 'us', 'cpuPerConnect', 'ours', 'ws');
  row('time to joined p99', 'ms', 'p99', 'bare', 'ws');
  row('server CPU per connect', 'us', 'cpuPerConnect', 'bare', 'ws');

  const by = (v: StormVariant) => runs.filter((r) => r.variant === v);
  const maxGen = Math.max(...runs.map((r) => r.generatorCpu));
  const failed = runs.reduce((s, r) => s + r.failed, 0);
  const notes = [
    ...(budget.note ? [`${budget.note}: the figures are for ${n.toLocaleString('en-US')} arrivals`] : []),
    `${n.toLocaleString('en-US')} arrivals over ${options.windowMs / 1000} s, evenly spaced, open loop; latency from each arrival's intended time to its joined acknowledgement; ` +
      `${options.rounds} rounds (ABBA order, a fresh server process per run, ${warm} unmeasured arrivals first); ${pinned ? `server pinned to core ${SERVER_CORE}, the load generator to the other` : 'not pinned'}`,
    'ours: each arrival is a first-time visitor signing in through SSO (POST /api/v1/spaces/:slug/sso with a brand-signed JWT, on a new connection: a user, an identity, a membership and a session written), then Socket.IO with auth.token and stream:subscribe to space:<id>; baselines: connect and join, no sign-in',
    'server CPU per connect: user + system time of the server process from the first arrival until it was quiet again, ÷ arrivals joined',
    ...variants.map(
      (v) =>
        `${SERVER_NAMES[v]}: p99 ${by(v).map((r) => fmtMs(r.p99)).join(', ')}; max ${by(v).map((r) => fmtMs(r.max)).join(', ')}` +
        `${v === 'ours' ? `; sign-in alone p50 ${by(v).map((r) => fmtMs(r.signIn?.p50 ?? Number.NaN)).join(', ')}, p99 ${by(v).map((r) => fmtMs(r.signIn?.p99 ?? Number.NaN)).join(', ')}` : ''}; ` +
        `late starts ${by(v).map((r) => r.lateStarts).join(', ')}; generator ${by(v).map((r) => pct(r.generatorCpu)).join(', ')}; ` +
        `server waiting for a CPU ${by(v).map((r) => pct(r.serverWait)).join(', ')} of the storm`,
    ),
    `load generator: at most ${pct(maxGen)} of its core during a storm; a run above ${pct(GENERATOR_CPU_LIMIT)} is invalid`,
    `waiting for a CPU (runnable, another process on the core; /proc/<pid>/schedstat), share of the storm: server ${pct(Math.max(...runs.map((r) => r.serverWait)))}, ` +
      `load generator ${pct(Math.max(...runs.map((r) => r.generatorWait)))} at most`,
  ];
  if (options.synchronous) notes.push(`our server on SQLite synchronous=${options.synchronous}`);
  let profile: string | undefined;
  if (profiled) {
    profile = summarizeProfile(JSON.parse(readFileSync(options.profileFile!, 'utf8')) as Parameters<typeof summarizeProfile>[0], windows, 20);
    notes.push(`profile of the first run of our server: ${options.profileFile} (the profiler slows it down)`);
  }
  if (failed > 0) notes.push(`${failed} arrivals failed or did not join in time: ${runs.filter((r) => r.failed).map((r) => `${SERVER_NAMES[r.variant]} ${JSON.stringify(r.errors)}`).join('; ')}`);

  return {
    scenario: SCENARIO,
    params: { clients: n, asked: options.clients, windowMs: options.windowMs, rounds: options.rounds, warmupClients: warm, variants, pinned, openFilesLimit: budget.limit, runs },
    metrics,
    notes,
    checks: {
      'load generator under 85% of its core while measuring': maxGen <= GENERATOR_CPU_LIMIT,
      'every arrival joined': failed === 0,
    },
    raw: samples,
    profile,
  };
}


/** The widget's sign-in: a brand token for a session token, on a connection of its own. */
function ssoSignIn(port: number, slug: string, brandToken: string): Promise<string> {
  const body = JSON.stringify({ token: brandToken });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/spaces/${slug}/sso`,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`sign-in answered ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            resolve((JSON.parse(text) as { token: string }).token);
          } catch (err) {
            reject(err as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}


export const storm: Scenario = {
  name: SCENARIO,
  description: 'connect storm: 2,000 sign-ins + join within 5 s (open loop); time to joined p50/p99/p99.9 and server CPU per connect vs bare Socket.IO and the ws floor',
  run: ({ quick, rounds, profileFile, log }) =>
    runStorm({
      clients: quick ? 100 : 2000,
      windowMs: quick ? 1000 : 5000,
      rounds: rounds ?? (quick ? 1 : 5),
      // STORM_SYNCHRONOUS=NORMAL npm run bench -- storm: our server without an fsync per commit.
      synchronous: process.env.STORM_SYNCHRONOUS === 'NORMAL' || process.env.STORM_SYNCHRONOUS === 'FULL' ? process.env.STORM_SYNCHRONOUS : undefined,
      profileFile,
      log,
    }),
};
