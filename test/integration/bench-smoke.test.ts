import { describe, expect, it } from 'vitest';
import { runBigWave } from '../../bench/scenarios/big-wave.js';
import { runCafe } from '../../bench/scenarios/cafe.js';
import { runCafeFloor } from '../../bench/scenarios/cafe-floor.js';
import { runDocLoad } from '../../bench/scenarios/doc-load.js';
import { runDrop } from '../../bench/scenarios/drop.js';
import { runIdle } from '../../bench/scenarios/idle.js';
import { runLiveEditing } from '../../bench/scenarios/live-editing.js';
import { fixtureTexts, runModeration } from '../../bench/scenarios/moderation.js';
import { runFloor } from '../../bench/scenarios/relay-floor.js';
import { runStorage } from '../../bench/scenarios/storage.js';
import { runStorm } from '../../bench/scenarios/storm.js';
import { runWidget } from '../../bench/scenarios/widget.js';
import { loadTrace, sliceTrace } from '../../bench/traces.js';

/** The doc-load benchmark's code path at a tiny size: it produces numbers and correct documents. No timing assertions. */
describe('bench smoke: doc-load', () => {
  it('stores a trace prefix, syncs fresh clients cold and warm, and reports every metric', async () => {
    const ops = 2000;
    const result = await runDocLoad({
      trace: 'automerge-paper',
      ops,
      batchOps: 20,
      compactEvery: 40,
      rounds: 1,
      warmup: 0,
      heapRounds: 1,
      heapDocs: 3,
    });

    const expected = sliceTrace(loadTrace('automerge-paper'), ops).endContent;
    // A wave's seed row, then 100 rows of 20 ops; snapshots after rows 40 and 80.
    expect(result.params).toMatchObject({ docName: 'wave:<id>', ops, textChars: expected.length, rows: 101, tailRows: 21, heapDocs: 3 });
    // Every client that synced (cold, warm, the bare relay warm and cold) held exactly the trace's text.
    expect(result.checks).toEqual({ syncedTextMatches: true });

    expect(result.metrics.map((m) => `${m.metric} vs ${m.baselineName}`)).toEqual([
      'cold sync vs build+encode',
      'cold sync vs bare relay + SQLite, cold',
      'warm sync vs build+encode',
      'warm sync vs bare relay + SQLite, warm',
      'heap per loaded doc (3 docs) vs bare relay + SQLite',
      'heap per loaded doc (3 docs) vs bare Y.Doc',
    ]);
    for (const m of result.metrics) {
      expect(m.samples.ours).toHaveLength(1);
      expect(m.samples.baseline).toHaveLength(1);
      expect(Number.isFinite(m.ours.median)).toBe(true);
      expect(Number.isFinite(m.baseline!.median)).toBe(true);
    }
    expect(Object.keys(result.raw!).sort()).toEqual(
      ['build+encode', 'cold', 'relay', 'relay-cold', 'warm'].flatMap((v) => [`${v}.cpu`, `${v}.wall`]).sort(),
    );
    for (const m of result.metrics.filter((m) => m.unit === 'ms')) {
      expect(m.ours.median).toBeGreaterThan(0);
      expect(m.ratio).not.toBeNull();
    }
  });
});

describe('bench smoke: moderation', () => {
  it('posts real comments through the product path with and without the pipeline and reports both', async () => {
    const result = await runModeration({ rounds: 1, warmup: 0, messages: fixtureTexts().length });
    expect(result.metrics.map((m) => `${m.metric} vs ${m.baselineName}`)).toEqual([
      'store a blip, per message vs same path, no pipeline',
      'pipeline rules alone, per message vs null',
    ]);
    expect(result.checks).toEqual({ 'the pipeline held some posts': true, 'nothing was refused': true });
    for (const m of result.metrics) expect(m.ours.median).toBeGreaterThan(0);
    expect(result.metrics[0]!.ratio).not.toBeNull();
  });
});

/** The cafe benchmark's code path at a tiny size: real server processes, real sockets, every message accounted for. */
describe('bench smoke: cafe', () => {
  const tiny = { tables: 3, fansPerTable: 3, perFanRate: 1, durationMs: 2000, drainMs: 5000, rounds: 1, warmupMs: 500 } as const;

  it('seats fans at tables on our server and on the bare relay, delivers every message to the others at the table, and reports every metric', async () => {
    const result = await runCafe({ ...tiny, ramp: { stepMs: 500, p99LimitMs: 1000, minDelivered: 0.95, resolution: 1.25, maxSteps: 2 } });
    expect(result.checks).toEqual({
      'load generator under 85% of its core while measuring': true,
      'every warm-up message reached everyone else at its table': true,
      'our server refused no post': true,
      'no connection dropped': true,
    });
    // 9 fans posting once a second for 2 s: 18 messages, each for the 2 others at the table.
    expect(result.raw!['ours.delivered']).toEqual([100]);
    expect(result.raw!['bare.delivered']).toEqual([100]);
    const runs = result.params.runs as { variant: string; fixed: { sent: number; expected: number; delivered: number }; steps: unknown[] }[];
    expect(runs.map((r) => r.variant)).toEqual(['ours', 'bare']);
    for (const run of runs) {
      expect(run.fixed).toMatchObject({ sent: 18, expected: 36, delivered: 36 });
      expect(run.steps.length).toBeGreaterThan(0);
    }
    // Two ramp steps rarely find a limit at this size; then the last rows say so and carry no verdict.
    const at = result.metrics[6]!.metric === 'deliveries/s at saturation' ? 'at saturation' : 'at the highest step (saturation not reached)';
    expect(result.metrics.map((m) => m.metric)).toEqual([
      'delivery p50, 2 s at 1/s/fan',
      'delivery p99, 2 s at 1/s/fan',
      'delivery p99.9, 2 s at 1/s/fan',
      'deliveries/s, 2 s at 1/s/fan',
      'delivered, 2 s at 1/s/fan',
      'server CPU per delivery, 2 s at 1/s/fan',
      `deliveries/s ${at}`,
      `server CPU per delivery ${at}`,
      `delivery p99 ${at}`,
    ]);
    expect(result.metrics[6]!.target === null).toBe(at !== 'at saturation');
    for (const m of result.metrics.slice(0, 6)) {
      expect(m.baselineName).toBe('bare Socket.IO relay');
      expect(m.ours.median).toBeGreaterThan(0);
      expect(m.baseline!.median).toBeGreaterThan(0);
    }
  });

  it('does the same with socket.io-client as every fan', async () => {
    const result = await runCafe({ ...tiny, durationMs: 1000, warmupMs: 300, ramp: null, client: 'socket.io-client' });
    expect(result.raw!['ours.delivered']).toEqual([100]);
    expect(result.raw!['bare.delivered']).toEqual([100]);
    expect(Object.values(result.checks).every(Boolean)).toBe(true);
  });
});

/** The connection scenarios at tiny sizes: real server processes (ours, bare Socket.IO, the ws floor), every count checked. No timing assertions. */
describe('bench smoke: idle, storm, drop, relay-floor', () => {
  it('idle: signed-in clients in the presence room on each server, heap per connection measured inside each server process', async () => {
    const result = await runIdle({ clients: 40, rounds: 1, warmupClients: 3 });
    expect(result.checks).toEqual({ 'no connection dropped while idle': true });
    expect((result.params.runs as { variant: string; clients: number }[]).map((r) => [r.variant, r.clients])).toEqual([
      ['ours', 40],
      ['bare', 40],
      ['ws', 40],
    ]);
    expect(result.metrics.map((m) => `${m.metric} vs ${m.baselineName}`)).toEqual([
      'heap per connection vs bare Socket.IO',
      'heap per connection vs ws floor',
      'bare Socket.IO: heap per connection vs ws floor',
    ]);
    expect(result.metrics[0]!.target).toEqual({ max: 1.25 });
    for (const m of result.metrics) {
      expect(m.ours.median).toBeGreaterThan(0);
      expect(m.baseline!.median).toBeGreaterThan(0);
    }
  });

  it('storm: every arrival signs in (ours: SSO) and joins on an open-loop schedule, on each server', async () => {
    const result = await runStorm({ clients: 20, windowMs: 500, rounds: 1, warmupClients: 2 });
    expect(result.checks).toEqual({ 'load generator under 85% of its core while measuring': true, 'every arrival joined': true });
    for (const v of ['ours', 'bare', 'ws']) expect(result.raw![`${v}.joined`]).toEqual([100]);
    expect(result.raw!['ours.signInP50']![0]).toBeGreaterThan(0);
    const p99 = result.metrics.find((m) => m.metric === 'time to joined p99' && m.baselineName === 'bare Socket.IO')!;
    expect(p99.target).toEqual({ max: 2 });
    expect(p99.ours.median).toBeGreaterThan(0);
  });

  it('drop: ours recovers every message through the stream replay; bare Socket.IO loses the ones sent while a client was cut off', async () => {
    const clients = 10;
    const result = await runDrop({ clients, messages: 100, rate: 50, outageStart: [0.2, 0.4], outageLength: [0.2, 0.3], drainMs: 5000, rounds: 1 });
    expect(result.checks).toEqual({
      'load generator under 85% of its core while measuring': true,
      'ours: every client held every message after reconnecting, every round': true,
      'every send acknowledged and every client back': true,
    });
    expect(result.raw!['ours.received']).toEqual([clients * 100]);
    // Cut off for 20–30% of the 2 s of sending: each client misses 20 or more of the 100.
    expect(result.raw!['bare.received']![0]).toBeLessThanOrEqual(clients * 80);
    // Socket.IO's own state recovery replays them when the server saw the old connection close.
    expect(result.raw!['recovery.received']).toEqual([clients * 100]);
    expect(result.metrics[0]).toMatchObject({ metric: 'ours: messages held after reconnecting', baselineName: 'messages sent', ratio: 1, pass: true });
  });

  it('relay-floor: the cafe traffic through bare Socket.IO and the ws floor reaches everyone else at each table', async () => {
    const result = await runFloor({ tables: 3, fansPerTable: 3, perFanRate: 1, durationMs: 1000, drainMs: 3000, warmupMs: 300, rounds: 1 });
    expect(Object.values(result.checks).every(Boolean)).toBe(true);
    expect(result.raw!['bare.delivered']).toEqual([100]);
    expect(result.raw!['ws.delivered']).toEqual([100]);
    expect(result.metrics.every((m) => m.baselineName === 'ws floor' && m.ours.median > 0)).toBe(true);
  });
});

/** The storage benchmark at a tiny size: our stream log and both raw baselines store exactly their rows. */
describe('bench smoke: storage', () => {
  it('appends 1 KB messages through the stream log and the raw baselines and reports every metric', async () => {
    const result = await runStorage({
      payloadBytes: 1024,
      writers: 8,
      streams: 5,
      rows: { ours: 200, oursSingle: 40, autocommit: 40, batched: 300 },
      batchRows: 100,
      rounds: 1,
      warmup: 0,
    });
    expect(result.checks).toEqual({ 'every run stored exactly its rows': true });
    expect(result.metrics.map((m) => `${m.metric} vs ${m.baselineName}`)).toEqual([
      'rows/s, 8 writers vs raw 100-row transactions',
      'rows/s, 8 writers vs raw autocommit',
      'commit p99, 8 writers vs raw autocommit',
      'commit p99, 8 writers vs raw 100-row transactions',
      'commit p50, 1 writer vs raw autocommit',
      'rows/s, 1 writer vs raw autocommit',
    ]);
    for (const m of result.metrics) {
      expect(m.ours.median).toBeGreaterThan(0);
      expect(m.baseline!.median).toBeGreaterThan(0);
    }
  });
});

/** Live editing at a tiny size: real server processes, raw y-protocols editors, every edit accounted for. */
describe('bench smoke: live-editing', () => {
  it('replays the concurrent trace on our document server and the bare relay, delivers every edit, and unloads every document', async () => {
    const result = await runLiveEditing({
      docs: 2,
      editorsPerDoc: 5,
      editsPerSecond: 5,
      awarenessHz: 1,
      durationMs: 800,
      drainMs: 3000,
      warmupMs: 300,
      ramp: { stepMs: 400, p99LimitMs: 1000, minDelivered: 0.95, resolution: 1.5, maxSteps: 1 },
      rounds: 1,
      maxEdits: 1000,
      prewarmDocs: 1,
    });
    expect(result.checks).toEqual({
      'load generator under 85% of its core while measuring': true,
      'every warm-up edit reached the other editors of its document': true,
      'every server unloaded every document after the editors left': true,
      'no editor connection dropped': true,
    });
    // 2 documents × 25 edits/s for 0.8 s, each to the 4 other editors.
    const runs = result.params.runs as { variant: string; fixed: { sent: number; expected: number; delivered: number; awarenessReceived: number } }[];
    expect(runs.map((r) => r.variant)).toEqual(['ours', 'relay']);
    for (const run of runs) {
      expect(run.fixed).toMatchObject({ sent: 40, expected: 160, delivered: 160 });
      expect(run.fixed.awarenessReceived).toBeGreaterThan(0);
    }
    expect(result.metrics.map((m) => m.metric)).toEqual([
      'update p50, 5/s/editor',
      'update p99, 5/s/editor',
      'update p99.9, 5/s/editor',
      'server CPU per delivery, 5/s/editor',
      'edits/s at p99 ≤ 1000 ms',
      'update p99 at that rate',
      'heap per active doc',
      'ours: heap after all left',
      'relay: heap after all left',
    ]);
    for (const m of result.metrics) expect(Number.isFinite(m.ours.median)).toBe(true);
  });
});

/** The big wave at a tiny size: our wave stream and the bare room deliver every message to every watcher. */
describe('bench smoke: big-wave', () => {
  it('posts blips to a watched wave on our server and broadcasts on the bare relay, every message to every watcher', async () => {
    const result = await runBigWave({ watchers: 20, rate: 10, durationMs: 1000, drainMs: 3000, warmupMs: 500, rounds: 1 });
    expect(result.checks).toEqual({
      'load generator under 85% of its core while measuring': true,
      'every warm-up message reached every watcher': true,
      'our server refused no post': true,
      'no watcher connection dropped': true,
    });
    const runs = result.params.runs as { variant: string; sent: number; counted: number; complete: number; deliveries: number }[];
    expect(runs.map((r) => r.variant)).toEqual(['ours', 'bare']);
    for (const run of runs) expect(run).toMatchObject({ sent: 10, counted: 10, complete: 10, deliveries: 200 });
    expect(result.metrics.map((m) => m.metric)).toEqual([
      'last watcher has it, p50, 20 watchers',
      'last watcher has it, p99, 20 watchers',
      'every delivery, p50',
      'every delivery, p99',
      'server CPU per message',
    ]);
    for (const m of result.metrics) expect(m.ours.median).toBeGreaterThan(0);
  });

  it('cafe-floor: every watcher of the floor gets batched deltas while fans move between tables', async () => {
    const result = await runCafeFloor({ quick: true, rounds: 1, size: { fans: 24, tables: 6, capacity: 6, seconds: 3, moveEveryMs: 1000 } });
    expect(result.checks['every watcher got deltas']).toBe(true);
    expect(result.metrics.map((m) => m.metric)).toContain('floor messages per watching fan per second');
  });

  it('widget: reports the gzipped sizes against the budgets and times the first ideas list', async () => {
    const result = await runWidget({ rounds: 1 });
    expect(Object.values(result.checks).every(Boolean)).toBe(true);
    const first = result.metrics.find((m) => m.metric === 'script tag to ideas list shown');
    expect(first?.samples.ours).toHaveLength(1);
  });
});

