import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { Result } from '../../shared/protocol/result.js';
import type { Blip } from '../../shared/schemas/waves.js';
import { streamName } from '../../shared/streams.js';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { insertSpace, upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import { createSession } from '../../server/features/users/sessions.js';
import { insertUser } from '../../server/features/users/users.repository.js';
import { insertWave } from '../../server/features/waves/waves.repository.js';
import { newId } from '../../server/lib/ids.js';
import { Histogram } from '../harness/histogram.js';
import { metric } from '../harness/metric.js';
import { benchSynchronous } from '../harness/synchronous.js';
import { hrUs, summarizeServerProfiles } from '../harness/profile.js';
import { alternate } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import { GENERATOR_CPU_LIMIT } from './cafe.js';
import { chatSentences } from './cafe-load.js';
import { startIpcProcess, type IpcProcess } from '../harness/ipc-process.js';
import { canPin, openFilesLimit, pinSelf, untilQuiet } from './cafe-procs.js';
import { WireClient } from './cafe-wire.js';
import { readTag, SioWatcher } from '../harness/sio-watcher.js';
import { fmtMs, pct } from '../harness/format.js';

const SCENARIO = 'big-wave';
const OURS_SERVER = join(import.meta.dirname, '..', 'servers', 'ours.ts');
const BARE_SERVER = join(import.meta.dirname, '..', 'baselines', 'socketio-relay.ts');
const SERVER_CORE = 0;
const GENERATOR_CORE = 1;
const ROOM = 'big-wave';

export interface BigWaveOptions {
  watchers: number;
  /** Messages per second from the one sender (the issue: 10). */
  rate: number;
  durationMs: number;
  drainMs: number;
  warmupMs: number;
  rounds: number;
  /** SQLite synchronous for our server; default the server's (FULL). */
  synchronous?: 'FULL' | 'NORMAL';
  pin?: boolean;
  profileFile?: string;
  log?: (line: string) => void;
}

type Variant = 'ours' | 'bare';

/** `#bw<k>@<intended>#` in every body: the message number and its intended send time (performance.now()). */
const TAG_START = '#bw';
const TAG_BYTES = Buffer.from(TAG_START);

export interface WavePhase {
  label: string;
  sent: number;
  /** Messages the server accepted for everyone (ours: visible blips). */
  counted: number;
  /** Per message, ms from its intended send time until the last watcher had it (missing: until the end of the drain). */
  lastMs: number[];
  /** Messages every watcher received. */
  complete: number;
  deliveries: number;
  expectedDeliveries: number;
  /** Every delivery's latency. */
  each: Histogram;
  generatorCpu: number;
  lateSends: number;
  outcomes: { visible: number; held: number; refused: Record<string, number>; unanswered: number };
  /** Bytes of one delivered frame (the first), to compare payloads. */
  frameBytes: number;
}

/**
 * The big wave (the Benchmarks issue): one person posts 10 blips a second to a wave that 5,000
 * people are watching; how long until the last watcher has each one (p50/p99 over messages,
 * from the intended send time: open loop). Ours: `blip:post` over Socket.IO through the whole
 * product path (access, moderation, storage, the wave stream), delivered as `stream:event` to
 * 5,000 anonymous Socket.IO subscribers of the wave's stream in a public space. Baseline: the bare
 * Socket.IO relay (bench/baselines/socketio-relay.ts) broadcasting a payload of the same shape
 * (the event JSON) to a room of 5,000. Runs alternate, each with a fresh server process pinned to
 * core 0 while this process, the load generator with every watcher, is pinned to core 1.
 */
export async function runBigWave(options: BigWaveOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const pin = (options.pin ?? true) && canPin();
  const restore = pin ? pinSelf(GENERATOR_CORE) : () => {};
  const corpus = chatSentences();
  const records: { variant: Variant; warmup: WavePhase; fixed: WavePhase; serverCpuMs: number; connectMs: number; disconnects: number }[] = [];
  const profiles: { variant: Variant; file: string; windows: { label: string; from: number; to: number }[] }[] = [];
  let runNo = 0;

  const runOnce = async (variant: Variant): Promise<Record<string, number>> => {
    const n = ++runNo;
    let server: IpcProcess | null = null;
    let dir: string | null = null;
    const watchers: SioWatcher[] = [];
    let sender: WireClient | null = null;
    let disconnects = 0;
    let closing = false;
    const windows: { label: string; from: number; to: number }[] = [];
    const profileFile =
      options.profileFile && !profiles.some((p) => p.variant === variant)
        ? variant === 'ours'
          ? options.profileFile
          : options.profileFile.replace(/(\.cpuprofile)?$/, '-bare.cpuprofile')
        : null;
    let active: ActivePhase | null = null;
    const onFrame = (frame: Buffer) => {
      const now = performance.now();
      const phase = active;
      if (!phase) return;
      const tag = readTag(frame, TAG_BYTES);
      if (!tag) return;
      const k = tag.k - phase.k0;
      if (!(k >= 0 && k < phase.n)) return;
      if (phase.frameBytes === 0) phase.frameBytes = frame.byteLength;
      const latency = now - tag.intended;
      phase.count[k]!++;
      phase.deliveries++;
      if (latency > phase.last[k]!) phase.last[k] = latency;
      phase.each.recordMs(latency);
    };
    try {
      const env = profileFile ? { BENCH_CPU_PROFILE: profileFile } : undefined;
      let post: (body: string, key: string, done: (outcome: 'visible' | 'held' | { refused: string }) => void) => void;
      const connectStart = performance.now();
      if (variant === 'ours') {
        dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-wave-'));
        const seeded = await seedWave(join(dir, 'bench.db'));
        server = await startIpcProcess(OURS_SERVER, [seeded.file, ...(options.synchronous ? [options.synchronous] : [])], pin ? SERVER_CORE : null, { env });
        const url = server.url;
        await connectAll(options.watchers, async () => {
          const ws = await SioWatcher.connect(url, { protocolVersion: PROTOCOL_VERSION });
          const sub = (await ws.emitWithAck('stream:subscribe', { stream: streamName.wave(seeded.waveId) })) as Result<unknown>;
          if (!sub.ok) throw new Error(`a watcher could not subscribe: ${sub.error.code} ${sub.error.message}`);
          return ws;
        }, watchers);
        const s = await WireClient.connect(url, { token: seeded.token, protocolVersion: PROTOCOL_VERSION });
        sender = s;
        post = (body, key, done) =>
          s.emit('blip:post', { waveId: seeded.waveId, body, idempotencyKey: key }, (reply) => {
            const res = reply as Result<{ blip: Blip }>;
            done(!res.ok ? { refused: res.error.code } : res.data.blip.visibility === 'visible' ? 'visible' : 'held');
          });
      } else {
        server = await startIpcProcess(BARE_SERVER, [], pin ? SERVER_CORE : null, { env });
        const url = server.url;
        await connectAll(options.watchers, async () => {
          const ws = await SioWatcher.connect(url, null);
          await ws.emitWithAck('join', ROOM);
          return ws;
        }, watchers);
        const s = await WireClient.connect(url, null);
        sender = s;
        // The same shape as our stream event, so the frames are about the same size.
        post = (body, _key, done) => s.emit('say', { room: ROOM, body: JSON.stringify(lookalikeEvent(body)) }, () => done('visible'));
      }
      const connectMs = performance.now() - connectStart;
      for (const w of watchers) {
        w.onEvent = onFrame;
        w.onClose = () => {
          if (!closing) disconnects++;
        };
      }
      const srv = server;
      await untilQuiet(srv.cpuMs);

      let k0 = 0;
      const phase = async (label: string, rate: number, durationMs: number, drainMs: number, measured: boolean) => {
        const count = Math.max(1, Math.round((rate * durationMs) / 1000));
        const p = newPhase(label, k0, count, options.watchers);
        k0 += count;
        active = p;
        const cpu0 = srv.cpuMs();
        const from = hrUs();
        const result = await sendPhase(p, rate, drainMs, (i, body, key, done) => post(`${corpus[(k0 + i) % corpus.length]!} ${body}`, `${key}-${n}`, done));
        active = null;
        if (measured) windows.push({ label: variant, from, to: hrUs() });
        return { result, serverCpuMs: srv.cpuMs() - cpu0 };
      };
      // Warm-up: a low rate, not measured; every message must reach every watcher (a check of correctness, not speed).
      const warmup = (await phase('warm-up', Math.min(options.rate, 2), options.warmupMs, 10_000, false)).result;
      await untilQuiet(srv.cpuMs);
      const fixed = await phase('fixed', options.rate, options.durationMs, options.drainMs, true);
      const record = { variant, warmup, fixed: fixed.result, serverCpuMs: fixed.serverCpuMs, connectMs, disconnects };
      records.push(record);
      const f = fixed.result;
      const lastHist = histOf(f.lastMs);
      log(
        `run ${n} ${variant}: connect ${(connectMs / 1000).toFixed(1)} s; last watcher p50 ${fmtMs(lastHist.percentileMs(50))}, p99 ${fmtMs(lastHist.percentileMs(99))}; ` +
          `every delivery p50 ${fmtMs(f.each.percentileMs(50))}, p99 ${fmtMs(f.each.percentileMs(99))}; ${f.complete}/${f.counted} messages reached all ${options.watchers.toLocaleString('en-US')}; ` +
          `generator ${pct(f.generatorCpu)}, server ${(fixed.serverCpuMs / Math.max(1, f.sent)).toFixed(1)} ms CPU per message; frame ${f.frameBytes} B`,
      );
      return {
        p50: lastHist.percentileMs(50),
        p99: lastHist.percentileMs(99),
        eachP50: f.each.percentileMs(50),
        eachP99: f.each.percentileMs(99),
        cpuPerMessage: fixed.serverCpuMs / Math.max(1, f.sent),
        delivered: (100 * f.deliveries) / Math.max(1, f.expectedDeliveries),
        gen: 100 * f.generatorCpu,
        connect: connectMs,
      };
    } finally {
      closing = true;
      sender?.close();
      for (const w of watchers) w.close();
      if (server) {
        if (profileFile) {
          await server.stop('SIGUSR2');
          if (existsSync(profileFile)) profiles.push({ variant, file: profileFile, windows });
        } else await server.stop('SIGKILL');
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  };

  let samples: Record<string, number[]>;
  try {
    log(
      `${options.watchers.toLocaleString('en-US')} watchers, 1 sender at ${options.rate} msg/s for ${options.durationMs / 1000} s; ` +
        `${pin ? `server on core ${SERVER_CORE}, load generator on core ${GENERATOR_CORE}` : 'not pinned'}`,
    );
    samples = await alternate(
      [
        { name: 'ours', run: () => runOnce('ours') },
        { name: 'bare', run: () => runOnce('bare') },
      ],
      { rounds: options.rounds },
    );
  } finally {
    restore();
  }

  const row = (name: string, unit: MetricResult['unit'], key: string, target?: MetricResult['target']) =>
    metric({ scenario: SCENARIO, metric: name, unit, ours: samples[`ours.${key}`]!, baseline: { name: 'bare Socket.IO room', samples: samples[`bare.${key}`]! }, target });
  const label = `${options.watchers.toLocaleString('en-US')} watchers`;
  const metrics: MetricResult[] = [
    row(`last watcher has it, p50, ${label}`, 'ms', 'p50', { max: 1.1 }),
    row(`last watcher has it, p99, ${label}`, 'ms', 'p99', { max: 1.1 }),
    row('every delivery, p50', 'ms', 'eachP50'),
    row('every delivery, p99', 'ms', 'eachP99'),
    row('server CPU per message', 'ms', 'cpuPerMessage'),
  ];
  const by = (v: Variant) => records.filter((r) => r.variant === v);
  const maxGen = Math.max(...records.map((r) => r.fixed.generatorCpu));
  const disconnects = records.reduce((a, r) => a + r.disconnects, 0);
  const outcomes = by('ours').reduce(
    (acc, r) => {
      for (const o of [r.warmup.outcomes, r.fixed.outcomes]) {
        acc.held += o.held;
        acc.unanswered += o.unanswered;
        for (const [c, k] of Object.entries(o.refused)) acc.refused[c] = (acc.refused[c] ?? 0) + k;
      }
      return acc;
    },
    { held: 0, unanswered: 0, refused: {} as Record<string, number> },
  );
  const refused = Object.values(outcomes.refused).reduce((a, b) => a + b, 0);
  const notes = [
    `${options.watchers.toLocaleString('en-US')} watchers (Socket.IO frames over \`ws\`, bench/harness/sio-watcher.ts; ours: anonymous visitors of a public space subscribed to the wave's stream), 1 sender posting ${options.rate} msg/s for ${options.durationMs / 1000} s; ` +
      `${options.rounds} A/B pairs, a fresh server process per run; our server on SQLite synchronous=${options.synchronous ?? 'FULL (the server default)'}; open files limit ${openFilesLimit() ?? 'unknown'}`,
    `${pin ? `server pinned to core ${SERVER_CORE}, this process (watchers and sender) to core ${GENERATOR_CORE} with taskset` : 'not pinned (no taskset, or one core)'}; ` +
      `"last watcher has it": per message, from its intended send time to its arrival at the last of the watchers (p50/p99 over messages); messages that never reached everyone count until the end of the drain`,
    `delivered frame: ours ${by('ours').map((r) => r.fixed.frameBytes).join(', ')} B, bare ${by('bare').map((r) => r.fixed.frameBytes).join(', ')} B (the bare body is the same event JSON, as a string)`,
    ...(['ours', 'bare'] as const).map(
      (v) =>
        `${v}: messages that reached every watcher ${by(v).map((r) => `${r.fixed.complete}/${r.fixed.counted}`).join(', ')}; load generator ${by(v).map((r) => pct(r.fixed.generatorCpu)).join(', ')} of its core; connect ${by(v).map((r) => `${(r.connectMs / 1000).toFixed(1)} s`).join(', ')}`,
    ),
    `ours, all phases: ${outcomes.held} posts held, ${refused} refused${refused ? ` (${JSON.stringify(outcomes.refused)})` : ''}, ${outcomes.unanswered} unanswered at the end of a phase`,
    `load generator: at most ${pct(maxGen)} of its core while measuring; a run above ${pct(GENERATOR_CPU_LIMIT)} is invalid`,
  ];
  if (disconnects > 0) notes.push(`${disconnects} watcher connections dropped during the runs`);
  const profiled = summarizeServerProfiles(profiles);
  if (profiled) notes.push(profiled.note);
  const profile = profiled?.profile;
  return {
    scenario: SCENARIO,
    params: {
      watchers: options.watchers,
      rate: options.rate,
      durationMs: options.durationMs,
      drainMs: options.drainMs,
      rounds: options.rounds,
      pinned: pin,
      runs: records.map((r) => ({
        variant: r.variant,
        connectMs: Math.round(r.connectMs),
        sent: r.fixed.sent,
        counted: r.fixed.counted,
        complete: r.fixed.complete,
        deliveries: r.fixed.deliveries,
        expectedDeliveries: r.fixed.expectedDeliveries,
        generatorCpu: Math.round(r.fixed.generatorCpu * 100) / 100,
        lateSends: r.fixed.lateSends,
        frameBytes: r.fixed.frameBytes,
        serverCpuMs: Math.round(r.serverCpuMs),
      })),
    },
    metrics,
    notes,
    checks: {
      'load generator under 85% of its core while measuring': maxGen <= GENERATOR_CPU_LIMIT,
      'every warm-up message reached every watcher': records.every((r) => r.warmup.counted > 0 && r.warmup.complete === r.warmup.counted),
      'our server refused no post': refused === 0,
      'no watcher connection dropped': disconnects === 0,
    },
    raw: samples,
    profile,
  };
}

interface ActivePhase {
  label: string;
  k0: number;
  n: number;
  watchers: number;
  count: Uint32Array;
  last: Float64Array;
  excluded: Uint8Array;
  deliveries: number;
  each: Histogram;
  frameBytes: number;
  outcomes: WavePhase['outcomes'];
  answered: number;
}

function newPhase(label: string, k0: number, n: number, watchers: number): ActivePhase {
  return {
    label,
    k0,
    n,
    watchers,
    count: new Uint32Array(n),
    last: new Float64Array(n),
    excluded: new Uint8Array(n),
    deliveries: 0,
    each: new Histogram(),
    frameBytes: 0,
    outcomes: { visible: 0, held: 0, refused: {}, unanswered: 0 },
    answered: 0,
  };
}

/** Sends message i at start + i ÷ rate (open loop), then waits for every watcher to have each one, or `drainMs`. */
async function sendPhase(
  p: ActivePhase,
  rate: number,
  drainMs: number,
  send: (i: number, tag: string, key: string, done: (outcome: 'visible' | 'held' | { refused: string }) => void) => void,
): Promise<WavePhase> {
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  let lateSends = 0;
  let i = 0;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, start - performance.now())));
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < p.n && start + i * interval <= now) {
        const intended = start + i * interval;
        if (now - intended > 10) lateSends++;
        const slot = i;
        send(slot, `${TAG_START}${p.k0 + slot}@${intended.toFixed(3)}#`, `bw-${p.k0 + slot}-${Math.round(start)}`, (outcome) => {
          p.answered++;
          if (outcome === 'visible') p.outcomes.visible++;
          else {
            p.excluded[slot] = 1;
            if (outcome === 'held') p.outcomes.held++;
            else p.outcomes.refused[outcome.refused] = (p.outcomes.refused[outcome.refused] ?? 0) + 1;
          }
        });
        i++;
      }
      if (i >= p.n) return resolve();
      setTimeout(tick, Math.max(0, start + i * interval - performance.now() - 1));
    };
    tick();
  });
  const cpu = process.cpuUsage(cpu0);
  const generatorCpu = (cpu.user + cpu.system) / 1000 / Math.max(1, performance.now() - wall0);
  const sendEnd = start + p.n * interval;
  const deadline = sendEnd + drainMs;
  const allIn = () => {
    if (p.answered < p.n) return false;
    for (let j = 0; j < p.n; j++) if (!p.excluded[j] && p.count[j]! < p.watchers) return false;
    return true;
  };
  while (!allIn() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const endedAt = performance.now();
  const lastMs: number[] = [];
  let complete = 0;
  let counted = 0;
  for (let j = 0; j < p.n; j++) {
    if (p.excluded[j]) continue;
    counted++;
    if (p.count[j]! >= p.watchers) {
      complete++;
      lastMs.push(p.last[j]!);
    } else {
      const censored = endedAt - (start + j * interval);
      lastMs.push(censored);
      p.each.recordMs(censored, p.watchers - p.count[j]!);
    }
  }
  return {
    label: p.label,
    sent: p.n,
    counted,
    lastMs,
    complete,
    deliveries: p.deliveries,
    expectedDeliveries: counted * p.watchers,
    each: p.each,
    generatorCpu,
    lateSends,
    outcomes: { ...p.outcomes, unanswered: p.n - p.answered },
    frameBytes: p.frameBytes,
  };
}

/** Opens `n` connections, 100 at a time. */
async function connectAll(n: number, open: () => Promise<SioWatcher>, into: SioWatcher[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      into.push(await open());
    }
  };
  await Promise.all(Array.from({ length: Math.min(100, n) }, worker));
}

/** A fresh database: a public space that lets one person post far faster than the benchmark does, a wave, and the sender (a member with a session). */
async function seedWave(file: string): Promise<{ file: string; waveId: string; token: string }> {
  const db = createDb({ file, synchronous: 'NORMAL' });
  try {
    await migrateToLatest(db.kysely);
    const now = new Date();
    const iso = now.toISOString();
    const space = await insertSpace(db.kysely, {
      slug: 'big-wave',
      name: 'Big wave',
      ssoSecret: 'x'.repeat(40),
      now: iso,
      settings: { rateLimit: { posts: 1000, windowSeconds: 5 } },
    });
    const user = await insertUser(db.kysely, { email: null, passwordHash: null, displayName: 'Host', now: iso });
    await upsertMembership(db.kysely, space.id, user.id, 'staff', iso);
    const waveId = newId();
    await insertWave(db.kysely, { id: waveId, spaceId: space.id, title: 'The big wave', authorId: user.id, now: iso });
    const { token } = await createSession(db.kysely, { userId: user.id, spaceId: null, now, days: 1 });
    return { file, waveId, token };
  } finally {
    await db.close();
  }
}

/** What our wave stream carries for a blip, with made-up ids: the bare relay's payload. */
function lookalikeEvent(body: string) {
  const at = new Date().toISOString();
  const author = { id: newId(), displayName: 'Host' };
  const waveId = newId();
  return {
    stream: `wave:${waveId}`,
    seq: 1,
    type: 'blip:created',
    data: {
      blip: { id: newId(), waveId, parentId: null, anchor: null, author, body, mentions: [], reactions: [], createdAt: at, editedAt: null, deleted: false, visibility: 'visible' },
    },
    actorId: author.id,
    createdAt: at,
  };
}

function histOf(values: number[]): Histogram {
  const h = new Histogram();
  for (const v of values) h.recordMs(v);
  return h;
}


export const bigWave: Scenario = {
  name: SCENARIO,
  description: '1 sender posting 10 blips/s to a wave watched by 5,000 Socket.IO subscribers: time until the last watcher has each, vs a bare Socket.IO room broadcast',
  run: ({ quick, rounds, profileFile, log }) =>
    runBigWave({
      watchers: quick ? 200 : 5000,
      rate: 10,
      durationMs: quick ? 1500 : 30_000,
      drainMs: quick ? 1000 : 5000,
      warmupMs: quick ? 1000 : 2000,
      rounds: rounds ?? (quick ? 1 : 5),
      // BENCH_SYNCHRONOUS=NORMAL: every SQLite of the scenario without an fsync per commit.
      synchronous: benchSynchronous(),
      profileFile,
      log,
    }),
};
