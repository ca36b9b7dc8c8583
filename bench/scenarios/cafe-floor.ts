import { rmSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import type { FloorDelta } from '../../shared/schemas/cafe.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { metric } from '../harness/metric.js';
import type { Scenario, ScenarioResult } from '../harness/types.js';
import { pinSelf, startServerProcess } from './cafe-procs.js';
import { seedCafe } from './cafe-seed.js';

const SCENARIO = 'cafe-floor';
const SERVER = new URL('../servers/ours.ts', import.meta.url).pathname;

interface Fan {
  socket: Socket;
  deltas: number;
  bytes: number;
}

interface FloorRun {
  fans: number;
  seconds: number;
  /** Successful seat changes per second (sitting down, moving, standing up), server-acknowledged. */
  changesPerSecond: number;
  /** floor:delta messages each watching fan received per second (median over fans). */
  messagesPerFan: number;
  bytesPerFan: number;
  serverCpuPerChangeMs: number;
  refused: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fans who all watch the floor while they sit down, move between tables and stand up, open
 * loop (each on a jittered timer). What each watcher receives is `floor:delta` batches; without
 * batching every seat change would be one message to every watcher.
 */
async function runFloor(options: { fans: number; tables: number; capacity: number; seconds: number; moveEveryMs: number; log?: (line: string) => void }): Promise<FloorRun> {
  const seeded = await seedCafe(options.tables, options.capacity);
  const server = await startServerProcess(SERVER, [seeded.file, 'NORMAL'], 0);
  const unpin = pinSelf(1);
  const fans: Fan[] = [];
  let changes = 0;
  let refused = 0;
  const timers: NodeJS.Timeout[] = [];
  try {
    const tokens = seeded.tokens.slice(0, options.fans);
    for (let i = 0; i < tokens.length; i += 100) {
      await Promise.all(
        tokens.slice(i, i + 100).map(async (token) => {
          const socket = io(server.url, { transports: ['websocket'], forceNew: true, auth: { token, protocolVersion: PROTOCOL_VERSION }, reconnection: false });
          const fan: Fan = { socket, deltas: 0, bytes: 0 };
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', () => resolve());
            socket.once('connect_error', reject);
          });
          const watched = (await socket.timeout(20_000).emitWithAck('floor:watch', { slug: 'cafe-bench' })) as { ok: boolean };
          if (!watched.ok) throw new Error('floor:watch refused');
          socket.on('floor:delta', (delta: FloorDelta) => {
            fan.deltas++;
            fan.bytes += JSON.stringify(delta).length;
          });
          fans.push(fan);
        }),
      );
    }
    options.log?.(`${fans.length} fans watching the floor of ${options.tables} tables`);
    const move = async (fan: Fan) => {
      const table = seeded.tableIds[Math.floor(Math.random() * seeded.tableIds.length)]!;
      try {
        const result = (await fan.socket.timeout(20_000).emitWithAck('table:join', { tableId: table })) as { ok: boolean };
        if (result.ok) changes++;
        else refused++;
      } catch {
        refused++;
      }
    };
    // Everyone sits down over the first seconds, then moves now and then.
    await Promise.all(fans.map(async (fan, i) => {
      await sleep((i / fans.length) * 2000);
      await move(fan);
    }));
    await sleep(1000);
    for (const fan of fans) {
      fan.deltas = 0;
      fan.bytes = 0;
    }
    changes = 0;
    refused = 0;
    const cpuBefore = server.cpuMs();
    const started = performance.now();
    for (const fan of fans) {
      const tick = () => {
        void move(fan);
        timers.push(setTimeout(tick, options.moveEveryMs * (0.5 + Math.random())));
      };
      timers.push(setTimeout(tick, Math.random() * options.moveEveryMs));
    }
    await sleep(options.seconds * 1000);
    for (const t of timers) clearTimeout(t);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = server.cpuMs() - cpuBefore;
    await sleep(700); // the last batch
    const perFan = fans.map((f) => f.deltas / elapsed).sort((a, b) => a - b);
    const bytes = fans.map((f) => f.bytes / elapsed).sort((a, b) => a - b);
    return {
      fans: fans.length,
      seconds: elapsed,
      changesPerSecond: changes / elapsed,
      messagesPerFan: perFan[Math.floor(perFan.length / 2)] ?? 0,
      bytesPerFan: bytes[Math.floor(bytes.length / 2)] ?? 0,
      serverCpuPerChangeMs: changes ? cpu / changes : Number.NaN,
      refused,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    for (const f of fans) f.socket.close();
    unpin();
    await server.kill();
    rmSync(seeded.dir, { recursive: true, force: true });
  }
}

type FloorSize = { fans: number; tables: number; capacity: number; seconds: number; moveEveryMs: number };

export async function runCafeFloor(options: { quick: boolean; rounds: number; size?: FloorSize; log?: (line: string) => void }): Promise<ScenarioResult> {
  const size =
    options.size ??
    (options.quick
      ? { fans: 100, tables: 25, capacity: 6, seconds: 4, moveEveryMs: 2000 }
      : { fans: 2000, tables: 500, capacity: 6, seconds: 20, moveEveryMs: 10_000 });
  const runs: FloorRun[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const run = await runFloor({ ...size, log: options.log });
    options.log?.(
      `round ${round + 1}: ${run.changesPerSecond.toFixed(0)} seat changes/s, each watcher got ${run.messagesPerFan.toFixed(2)} floor messages/s (${(run.bytesPerFan / 1024).toFixed(1)} KB/s)`,
    );
    runs.push(run);
  }
  return {
    scenario: SCENARIO,
    params: size,
    metrics: [
      metric({
        scenario: SCENARIO,
        metric: 'floor messages per watching fan per second',
        unit: 'count',
        ours: runs.map((r) => r.messagesPerFan),
        // Unbatched, every seat change would reach every watcher as one message.
        baseline: { name: 'one message per seat change', samples: runs.map((r) => r.changesPerSecond) },
      }),
      metric({ scenario: SCENARIO, metric: 'floor bytes per watching fan per second', unit: 'bytes', ours: runs.map((r) => r.bytesPerFan) }),
      metric({ scenario: SCENARIO, metric: 'seat changes per second', unit: 'per-s', ours: runs.map((r) => r.changesPerSecond) }),
      metric({ scenario: SCENARIO, metric: 'server CPU per seat change (incl. floor fan-out)', unit: 'ms', ours: runs.map((r) => r.serverCpuPerChangeMs) }),
    ],
    notes: [
      `${size.fans} fans watch the floor of ${size.tables} tables (capacity ${size.capacity}) and move every ~${size.moveEveryMs / 1000} s for ${size.seconds} s; refused moves (table full) per round: ${runs.map((r) => r.refused).join(', ')}`,
    ],
    checks: { 'every watcher got deltas': runs.every((r) => r.messagesPerFan > 0) },
  };
}

export const cafeFloor: Scenario = {
  name: SCENARIO,
  description: 'the cafe floor under 2,000 fans sitting down and moving: floor messages each watcher receives per second (batched deltas) vs one message per seat change',
  run: ({ quick, rounds, log }) => runCafeFloor({ quick, rounds: rounds ?? (quick ? 1 : 3), log }),
};
