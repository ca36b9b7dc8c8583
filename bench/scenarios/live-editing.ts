import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docName } from '../../shared/doc-names.js';
import { DocPersistence } from '../../server/collab/persistence.js';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { insertSpace, upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import { createSession } from '../../server/features/users/sessions.js';
import { insertUser } from '../../server/features/users/users.repository.js';
import { insertWave } from '../../server/features/waves/waves.repository.js';
import { systemClock } from '../../server/lib/clock.js';
import { newId } from '../../server/lib/ids.js';
import type { DocServerStats } from '../harness/doc-server-process.js';
import { buildEditScript, loadConcurrentTrace, type EditScript } from '../harness/edit-script.js';
import { toMB } from '../harness/heap.js';
import { startIpcProcess, type IpcProcess } from '../harness/ipc-process.js';
import { metric } from '../harness/metric.js';
import { benchSynchronous } from '../harness/synchronous.js';
import { seedRelayDocs } from '../harness/persisted-relay.js';
import { hrUs, summarizeServerProfiles } from '../harness/profile.js';
import { alternate } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import { EditorsLoad, type EditPhaseResult } from '../harness/y-editors.js';
import { canPin, pinSelf, untilQuiet } from './cafe-procs.js';
import { GENERATOR_CPU_LIMIT } from './cafe.js';
import { fmtMs, pct, round2 } from '../harness/format.js';

const SCENARIO = 'live-editing';
const DOC_SERVER = join(import.meta.dirname, '..', 'harness', 'doc-server-process.ts');
const SERVER_CORE = 0;
const GENERATOR_CORE = 1;

export interface LiveEditingOptions {
  docs: number;
  editorsPerDoc: number;
  /** Edits per second per editor (the issue: 5), so docs × editors × this in all. */
  editsPerSecond: number;
  /** Awareness updates per second per editor (the issue: 1). */
  awarenessHz: number;
  /** The fixed-rate phase. */
  durationMs: number;
  drainMs: number;
  warmupMs: number;
  /** The search for the highest rate whose p99 stays under `p99LimitMs`; null skips it. */
  ramp: { stepMs: number; p99LimitMs: number; minDelivered: number; resolution: number; maxSteps: number } | null;
  rounds: number;
  /** Edits of the trace to prepare (the run must not need more per document). */
  maxEdits?: number;
  /**
   * Before the heap at start is read, this many other documents are edited for a second and
   * left (default min(docs, 10)): code compiled, caches filled, so that "back to the start"
   * compares documents left behind, not a process that has never run.
   */
  prewarmDocs?: number;
  synchronous?: 'FULL' | 'NORMAL';
  pin?: boolean;
  profileFile?: string;
  log?: (line: string) => void;
}

type Variant = 'ours' | 'relay';

interface RunRecord {
  variant: Variant;
  warmup: EditPhaseResult;
  fixed: EditPhaseResult;
  fixedServerCpuMs: number;
  steps: { result: EditPhaseResult; pass: boolean; why: string }[];
  best: EditPhaseResult | null;
  rampEnd: string;
  /** Heap of the process just started, before anything ran. */
  heapCold: number;
  heapStart: number;
  heapActive: number;
  heapAfter: number;
  unloadMs: number;
  disconnects: number;
}

/**
 * Live editing (the Benchmarks issue): `docs` documents × `editorsPerDoc` editors typing
 * `editsPerSecond` keystrokes a second each plus an awareness update a second, replayed from the
 * friendsforever trace (two people really typing one document at once; EditScript deals their
 * keystrokes to the editors). Measured: how long until the other editors of a document have each
 * edit (from its intended send time), the highest edit rate whose p99 stays under a limit, the
 * server's heap per active document, and its heap once every editor left and the documents were
 * unloaded. Ours: our whole app in a process of its own (bearer tokens, wave access, the document
 * log with snapshots, search indexing hooks, limits); baseline: the bare y-protocols relay with
 * persistence to the same SQLite. Runs alternate; each starts a fresh server process and database,
 * the server pinned to one core and this process (the load generator) to the other.
 */
export async function runLiveEditing(options: LiveEditingOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const trace = loadConcurrentTrace('friendsforever-concurrent');
  const built = performance.now();
  const script = buildEditScript(trace, { editors: options.editorsPerDoc, maxEdits: options.maxEdits });
  log(
    `${trace.name}: ${script.edits.length.toLocaleString('en-US')} edits for ${options.editorsPerDoc} editors in ${((performance.now() - built) / 1000).toFixed(1)} s` +
      `${script.matchesEndContent ? ' (reproduces the trace’s final text)' : ''}`,
  );
  const ratePerDoc = options.editsPerSecond * options.editorsPerDoc;
  const pin = (options.pin ?? true) && canPin();
  const restore = pin ? pinSelf(GENERATOR_CORE) : () => {};
  const records: RunRecord[] = [];
  const prior: Partial<Record<Variant, number>> = {};
  const profiles: { variant: Variant; file: string; windows: { label: string; from: number; to: number }[] }[] = [];
  let runNo = 0;

  const runOnce = async (variant: Variant): Promise<Record<string, number>> => {
    const n = ++runNo;
    const dir = mkdtempSync(join(tmpdir(), `commonplace-bench-live-${variant}-`));
    const file = join(dir, 'bench.db');
    const load = new EditorsLoad(script, options.docs);
    let server: IpcProcess | null = null;
    const profileFile =
      options.profileFile && !profiles.some((p) => p.variant === variant)
        ? variant === 'ours'
          ? options.profileFile
          : options.profileFile.replace(/(\.cpuprofile)?$/, '-relay.cpuprofile')
        : null;
    const windows: { label: string; from: number; to: number }[] = [];
    try {
      const prewarmDocs = options.prewarmDocs ?? Math.min(options.docs, 10);
      const total = options.docs + prewarmDocs;
      const url = variant === 'ours' ? await seedOurs(file, total, options, script) : seedRelay(file, total, script);
      server = await startIpcProcess(DOC_SERVER, [variant, file, ...(options.synchronous ? [options.synchronous] : [])], pin ? SERVER_CORE : null, {
        env: profileFile ? { BENCH_CPU_PROFILE: profileFile } : undefined,
      });
      const srv = server;
      await untilQuiet(srv.cpuMs);
      const heapCold = (await srv.request<{ heapUsed: number }>('heap')).heapUsed;
      const wsBase = srv.url.replace(/^http/, 'ws');
      if (prewarmDocs > 0) {
        const prewarm = new EditorsLoad(script, prewarmDocs);
        try {
          await prewarm.connect((d, e) => url(wsBase, options.docs + d, e));
          await prewarm.phase('pre-warm', ratePerDoc, Math.min(1000, options.durationMs), Math.min(3000, options.drainMs), { awarenessHz: options.awarenessHz });
          await prewarm.leave();
        } finally {
          prewarm.close();
        }
        await untilUnloaded(srv);
      }
      await untilQuiet(srv.cpuMs);
      const heapStart = (await srv.request<{ heapUsed: number }>('heap')).heapUsed;
      await load.connect((d, e) => url(wsBase, d, e));
      await untilQuiet(srv.cpuMs);

      const measured = async (label: string, rate: number, durationMs: number, drainMs: number) => {
        let cpu0 = 0;
        let from = 0;
        const result = await load.phase(label, rate, durationMs, drainMs, {
          awarenessHz: options.awarenessHz,
          onStart: () => {
            cpu0 = srv.cpuMs();
            from = hrUs();
          },
        });
        windows.push({ label: variant, from, to: hrUs() });
        return { result, serverCpuMs: srv.cpuMs() - cpu0 };
      };

      // Warm-up: a low rate (100 edits/s at most in all), not measured; every edit must arrive.
      const warmup = await load.phase('warm-up', Math.min(ratePerDoc, 100 / options.docs), options.warmupMs, 5000, { awarenessHz: options.awarenessHz });
      await untilQuiet(srv.cpuMs);
      const fixed = await measured('fixed', ratePerDoc, options.durationMs, options.drainMs);
      await untilQuiet(srv.cpuMs);
      const heapActive = (await srv.request<{ heapUsed: number }>('heap')).heapUsed;

      const steps: RunRecord['steps'] = [];
      let best: EditPhaseResult | null = null;
      let rampEnd = 'no ramp';
      if (options.ramp) {
        const ramp = options.ramp;
        let lo = 0;
        let hi = Number.POSITIVE_INFINITY;
        let hiWhy = '';
        const known = prior[variant];
        // The first search starts at a quarter of the issue's rate and doubles; later ones start a little under the best so far.
        let rate = known ? known / ramp.resolution ** 2 : ratePerDoc / 4;
        const up = known ? ramp.resolution : 2;
        rampEnd = 'step limit';
        for (let s = 0; s < ramp.maxSteps; s++) {
          let step = (await measured(`ramp ${Math.round(rate * options.docs)}/s`, rate, ramp.stepMs, 1000)).result;
          let why = verdict(step, ramp);
          await untilQuiet(srv.cpuMs);
          if (why && !why.startsWith('load generator') && !why.startsWith('script')) {
            steps.push({ result: step, pass: false, why: `${why}, tried again` });
            step = (await measured(`ramp ${Math.round(rate * options.docs)}/s`, rate, ramp.stepMs, 1000)).result;
            why = verdict(step, ramp);
            await untilQuiet(srv.cpuMs);
          }
          const pass = why === '';
          steps.push({ result: step, pass, why });
          if (why.startsWith('load generator') || why.startsWith('script')) {
            rampEnd = `${why.startsWith('script') ? 'script ran out' : 'generator-bound'} at ${Math.round(rate * options.docs)} edits/s`;
            break;
          }
          if (pass) {
            lo = rate;
            if (!best || step.deliveriesPerSecond > best.deliveriesPerSecond) best = step;
          } else if (rate < hi) {
            hi = rate;
            hiWhy = why;
          }
          if (lo === 0) rate /= 2;
          else if (!Number.isFinite(hi)) rate = lo * up;
          else if (lo * ramp.resolution < hi * 0.999) rate = Math.sqrt(lo * hi);
          else {
            rampEnd = `${Math.round(hi * options.docs)} edits/s failed: ${hiWhy}`;
            break;
          }
        }
        if (best) prior[variant] = Math.max(prior[variant] ?? 0, best.rate / options.docs);
      }

      // Everyone leaves; the server should let go of every document.
      const left = performance.now();
      await load.leave();
      const stats = await untilUnloaded(srv);
      const unloadMs = performance.now() - left;
      await untilQuiet(srv.cpuMs);
      const heapAfter = (await srv.request<{ heapUsed: number }>('heap')).heapUsed;
      const record: RunRecord = {
        variant,
        warmup,
        fixed: fixed.result,
        fixedServerCpuMs: fixed.serverCpuMs,
        steps,
        best,
        rampEnd,
        heapCold,
        heapStart,
        heapActive,
        heapAfter: stats.docs > 0 ? Number.NaN : heapAfter,
        unloadMs,
        disconnects: load.disconnects,
      };
      records.push(record);
      log(describe(n, record, options.docs));
      const f = record.fixed;
      return {
        p50: f.p50,
        p99: f.p99,
        p999: f.p999,
        rate: f.deliveriesPerSecond,
        delivered: (100 * f.delivered) / Math.max(1, f.expected),
        cpu: (fixed.serverCpuMs * 1000) / Math.max(1, f.delivered),
        satUpdates: best ? (best.sent * 1000) / best.durationMs : 0,
        satDeliveries: best ? best.deliveriesPerSecond : 0,
        satP99: best ? best.p99 : 0,
        heapPerDoc: (heapActive - heapStart) / options.docs,
        heapCold,
        heapStart,
        heapAfter: record.heapAfter,
      };
    } finally {
      load.close();
      if (server) {
        if (profileFile) {
          await server.stop('SIGUSR2');
          if (existsSync(profileFile)) profiles.push({ variant, file: profileFile, windows });
        } else await server.stop('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };

  let samples: Record<string, number[]>;
  try {
    log(
      `${options.docs} documents × ${options.editorsPerDoc} editors at ${options.editsPerSecond} edits/s + awareness ${options.awarenessHz} Hz: ` +
        `${(ratePerDoc * options.docs).toLocaleString('en-US')} edits/s; ${pin ? `server on core ${SERVER_CORE}, load generator on core ${GENERATOR_CORE}` : 'not pinned'}`,
    );
    samples = await alternate(
      [
        { name: 'ours', run: () => runOnce('ours') },
        { name: 'relay', run: () => runOnce('relay') },
      ],
      { rounds: options.rounds },
    );
  } finally {
    restore();
  }

  const relay = (key: string, name = 'bare relay + SQLite') => ({ name, samples: samples[`relay.${key}`]! });
  const row = (name: string, unit: MetricResult['unit'], key: string, target?: MetricResult['target']) =>
    metric({ scenario: SCENARIO, metric: name, unit, ours: samples[`ours.${key}`]!, baseline: relay(key), target });
  const fixedLabel = `${options.editsPerSecond}/s/editor`;
  const mb = (key: string) => samples[key]!.map(toMB);
  const metrics: MetricResult[] = [
    row(`update p50, ${fixedLabel}`, 'ms', 'p50'),
    row(`update p99, ${fixedLabel}`, 'ms', 'p99'),
    row(`update p99.9, ${fixedLabel}`, 'ms', 'p999'),
    row(`server CPU per delivery, ${fixedLabel}`, 'us', 'cpu'),
  ];
  if (options.ramp) {
    metrics.push(
      row(`edits/s at p99 ≤ ${options.ramp.p99LimitMs} ms`, 'per-s', 'satUpdates', { min: 0.9 }),
      row('update p99 at that rate', 'ms', 'satP99'),
    );
  }
  metrics.push(
    metric({ scenario: SCENARIO, metric: 'heap per active doc', unit: 'MB', ours: mb('ours.heapPerDoc'), baseline: { name: 'bare relay + SQLite', samples: mb('relay.heapPerDoc') } }),
  );
  const finite = (xs: number[]) => xs.every(Number.isFinite);
  if (finite(samples['ours.heapAfter']!)) {
    metrics.push(
      metric({ scenario: SCENARIO, metric: 'ours: heap after all left', unit: 'MB', ours: mb('ours.heapAfter'), baseline: { name: 'heap at start (pre-warmed)', samples: mb('ours.heapStart') }, target: { max: 1.1 } }),
    );
  }
  if (finite(samples['relay.heapAfter']!)) {
    metrics.push(
      metric({ scenario: SCENARIO, metric: 'relay: heap after all left', unit: 'MB', ours: mb('relay.heapAfter'), baseline: { name: 'heap at start (pre-warmed)', samples: mb('relay.heapStart') } }),
    );
  }

  const by = (v: Variant) => records.filter((r) => r.variant === v);
  const maxGen = Math.max(...records.flatMap((r) => [r.fixed.generatorCpu, ...r.steps.filter((s) => s.pass).map((s) => s.result.generatorCpu)]));
  const disconnects = records.reduce((a, r) => a + r.disconnects, 0);
  const notes = [
    `${options.docs} documents × ${options.editorsPerDoc} editors, ${options.editsPerSecond} edits/s each (${(ratePerDoc * options.docs).toLocaleString('en-US')} edits/s, ${(ratePerDoc * options.docs * (options.editorsPerDoc - 1)).toLocaleString('en-US')} deliveries/s) ` +
      `and awareness at ${options.awarenessHz} Hz for ${options.durationMs / 1000} s; ${options.rounds} A/B pairs, a fresh server process and database per run; synchronous=${options.synchronous ?? 'FULL (the server default)'}`,
    `edits: ${trace.name} replayed concurrently as it was typed (${script.matchesEndContent ? 'the whole replay reproduces the trace’s final text' : 'a prefix'}), its two typists dealt over ${options.editorsPerDoc} Yjs clients; raw y-protocols clients, one update message per keystroke (${Math.round(avgBytes(script))} B on average)`,
    `${pin ? `server pinned to core ${SERVER_CORE}, this process (the load generator) to core ${GENERATOR_CORE} with taskset` : 'not pinned (no taskset, or one core)'}; latency from each edit's intended send time; missing deliveries count at the end of the drain (a lower bound)`,
    ...(['ours', 'relay'] as const).map(
      (v) =>
        `${v}: fixed phase delivered ${by(v).map((r) => pct(r.fixed.delivered / Math.max(1, r.fixed.expected))).join(', ')}; awareness received ${by(v).map((r) => `${r.fixed.awarenessReceived}/${r.fixed.awarenessSent * (options.editorsPerDoc - 1)}`).join(', ')}; ` +
        `highest sustained ${by(v).map((r) => `${r.best ? `${Math.round((r.best.sent * 1000) / r.best.durationMs)} edits/s` : 'none'} (${r.rampEnd})`).join(', ')}; ` +
        `heap just started/start/active/after ${by(v).map((r) => `${toMB(r.heapCold).toFixed(1)}/${toMB(r.heapStart).toFixed(1)}/${toMB(r.heapActive).toFixed(1)}/${toMB(r.heapAfter).toFixed(1)} MB`).join(', ')}; documents unloaded ${by(v).map((r) => `${(r.unloadMs / 1000).toFixed(1)} s`).join(', ')} after the last editor left`,
    ),
    `heap (server heapUsed after a full GC, asked over IPC): "start" is read after ${options.prewarmDocs ?? Math.min(options.docs, 10)} other documents were edited for a second and left (code compiled, caches filled); "just started" is before that; per active doc = (heap with every editor still connected after the fixed phase − start) ÷ ${options.docs}`,
    `editors wait for what they depend on: an edit due before its editor received the other editors' edits it refers to is sent once it has them (timed from its intended time all the same): ${records.map((r) => r.fixed.waited).join(', ')} waited in the fixed phases, ${records.map((r) => r.fixed.unsent).join(', ')} never sent`,
    `load generator: at most ${pct(maxGen)} of its core in any measured phase; a run above ${pct(GENERATOR_CPU_LIMIT)} is invalid`,
  ];
  if (disconnects > 0) notes.push(`${disconnects} editor connections dropped during the runs`);
  const profiled = summarizeServerProfiles(profiles);
  if (profiled) notes.push(profiled.note);
  const profile = profiled?.profile;

  return {
    scenario: SCENARIO,
    params: {
      docs: options.docs,
      editorsPerDoc: options.editorsPerDoc,
      editsPerSecond: options.editsPerSecond,
      awarenessHz: options.awarenessHz,
      durationMs: options.durationMs,
      ramp: options.ramp,
      rounds: options.rounds,
      trace: trace.name,
      scriptEdits: script.edits.length,
      pinned: pin,
      runs: records.map((r) => ({
        variant: r.variant,
        fixed: brief(r.fixed),
        steps: r.steps.map((s) => ({ pass: s.pass, why: s.why, ...brief(s.result) })),
        rampEnd: r.rampEnd,
        heap: { cold: r.heapCold, start: r.heapStart, active: r.heapActive, after: r.heapAfter },
        unloadMs: Math.round(r.unloadMs),
      })),
    },
    metrics,
    notes,
    checks: {
      'load generator under 85% of its core while measuring': maxGen <= GENERATOR_CPU_LIMIT,
      'every warm-up edit reached the other editors of its document': records.every((r) => r.warmup.expected > 0 && r.warmup.delivered === r.warmup.expected),
      'every server unloaded every document after the editors left': records.every((r) => Number.isFinite(r.heapAfter)),
      'no editor connection dropped': disconnects === 0,
    },
    raw: samples,
    profile,
  };
}

/** Waits (up to 30 s) until the server holds no document; its last stats. */
async function untilUnloaded(srv: IpcProcess): Promise<DocServerStats> {
  const since = performance.now();
  let stats = await srv.request<DocServerStats>('stats');
  while (stats.docs > 0 && performance.now() - since < 30_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    stats = await srv.request<DocServerStats>('stats');
  }
  return stats;
}

/** Our database: a space, `docs` waves with the script's seed stored, an editor (a fan with a session) per seat. */
async function seedOurs(file: string, docs: number, options: LiveEditingOptions, script: EditScript): Promise<(base: string, doc: number, editor: number) => string> {
  const db = createDb({ file, synchronous: 'NORMAL' });
  try {
    await migrateToLatest(db.kysely);
    const now = new Date();
    const iso = now.toISOString();
    return await db.kysely.transaction().execute(async (trx) => {
      const space = await insertSpace(trx, { slug: 'live-bench', name: 'Live bench', ssoSecret: 'x'.repeat(40), now: iso });
      const persistence = new DocPersistence(trx, systemClock);
      const names: string[] = [];
      const tokens: string[][] = [];
      for (let d = 0; d < docs; d++) {
        const row: string[] = [];
        const ids: string[] = [];
        for (let e = 0; e < options.editorsPerDoc; e++) {
          const user = await insertUser(trx, { email: null, passwordHash: null, displayName: `Editor ${d}.${e}`, now: iso });
          await upsertMembership(trx, space.id, user.id, 'fan', iso);
          row.push((await createSession(trx, { userId: user.id, spaceId: null, now, days: 1 })).token);
          ids.push(user.id);
        }
        const waveId = newId();
        await insertWave(trx, { id: waveId, spaceId: space.id, title: `Live document ${d + 1}`, authorId: ids[0]!, now: iso });
        const name = docName.wave(waveId);
        await persistence.append(name, script.seed, ids[0]!);
        names.push(name);
        tokens.push(row);
      }
      return (base, d, e) => `${base}/yjs/${names[d]!}?token=${encodeURIComponent(tokens[d]![e]!)}`;
    });
  } finally {
    await db.close();
  }
}

/** The relay's database: the same seed row per document. */
function seedRelay(file: string, docs: number, script: EditScript): (base: string, doc: number, editor: number) => string {
  seedRelayDocs(file, Array.from({ length: docs }, (_, d) => [`doc-${d}`, [script.seed]] as [string, Uint8Array[]]));
  return (base, d) => `${base}/doc-${d}`;
}

function verdict(r: EditPhaseResult, ramp: NonNullable<LiveEditingOptions['ramp']>): string {
  if (r.exhausted > 0) return 'script ran out';
  if (r.generatorCpu > GENERATOR_CPU_LIMIT) return `load generator at ${pct(r.generatorCpu)} of its core`;
  if (r.p99 > ramp.p99LimitMs) return `p99 ${fmtMs(r.p99)}`;
  if (r.deliveredInGrace < ramp.minDelivered * r.expected) return `${pct(r.deliveredInGrace / Math.max(1, r.expected))} delivered in time`;
  return '';
}

function describe(n: number, r: RunRecord, docs: number): string {
  const f = r.fixed;
  const ramp = r.steps.map((s) => `${Math.round(s.result.rate)}${s.pass ? '✓' : `✗ (${s.why})`}`).join(' ');
  return (
    `run ${n} ${r.variant}: fixed p50 ${fmtMs(f.p50)}, p99 ${fmtMs(f.p99)}, delivered ${pct(f.delivered / Math.max(1, f.expected))} of ${f.expected.toLocaleString('en-US')}, generator ${pct(f.generatorCpu)}; ` +
    `ramp ${ramp || '—'}${r.best ? ` → ${Math.round(r.best.rate)} edits/s sustained` : ''}; ` +
    `heap ${toMB(r.heapStart).toFixed(1)} → ${toMB(r.heapActive).toFixed(1)} MB (${toMB((r.heapActive - r.heapStart) / docs).toFixed(2)} MB/doc) → ${toMB(r.heapAfter).toFixed(1)} MB after all left`
  );
}

const brief = (r: EditPhaseResult) => ({
  rate: Math.round(r.rate),
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
  waited: r.waited,
  unsent: r.unsent,
  awarenessSent: r.awarenessSent,
  awarenessReceived: r.awarenessReceived,
});

const avgBytes = (s: EditScript) => s.edits.reduce((a, e) => a + e.update.byteLength, 0) / Math.max(1, s.edits.length);

export const liveEditing: Scenario = {
  name: SCENARIO,
  description: '50 documents × 5 editors replaying friendsforever at 5 edits/s + awareness 1 Hz: update latency, rate at equal p99, heap per doc and after all left, vs a bare y-protocols relay with SQLite',
  run: ({ quick, rounds, profileFile, log }) =>
    runLiveEditing({
      docs: quick ? 5 : 50,
      editorsPerDoc: 5,
      editsPerSecond: 5,
      awarenessHz: 1,
      durationMs: quick ? 1000 : 20_000,
      drainMs: quick ? 1000 : 5000,
      warmupMs: quick ? 500 : 2000,
      ramp: { stepMs: quick ? 1000 : 3000, p99LimitMs: 250, minDelivered: 0.95, resolution: quick ? 1.5 : 1.1, maxSteps: quick ? 1 : 10 },
      rounds: rounds ?? (quick ? 1 : 5),
      // Quick runs need a few hundred edits per document; building the whole trace takes seconds.
      maxEdits: quick ? 3000 : undefined,
      // BENCH_SYNCHRONOUS=NORMAL: every SQLite of the scenario without an fsync per commit.
      synchronous: benchSynchronous(),
      profileFile,
      log,
    }),
};
