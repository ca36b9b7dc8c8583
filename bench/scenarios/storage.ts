import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TableMessage } from '../../shared/schemas/cafe.js';
import { streamName } from '../../shared/streams.js';
import { createDb, type Db } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { StreamLog } from '../../server/features/streams/stream-log.js';
import { insertUser } from '../../server/features/users/users.repository.js';
import { systemClock } from '../../server/lib/clock.js';
import { newId } from '../../server/lib/ids.js';
import { openRawStore } from '../baselines/sqlite-raw.js';
import { Histogram } from '../harness/histogram.js';
import { metric } from '../harness/metric.js';
import { benchSynchronous } from '../harness/synchronous.js';
import { profiled } from '../harness/profile.js';
import { alternate, stopwatch } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import { fixtureTexts } from './moderation.js';

const SCENARIO = 'storage';

export interface StorageOptions {
  /** Bytes of each stored payload (the JSON of a `table:message` event's data). */
  payloadBytes: number;
  /** Concurrent writers appending through our stream log (each awaits its append, then sends the next). */
  writers: number;
  /** Streams the messages go to (cafe tables). */
  streams: number;
  /** Rows per run: ours with `writers` writers, ours with one writer, raw autocommit, raw batched. */
  rows: { ours: number; oursSingle: number; autocommit: number; batched: number };
  /** Rows per transaction of the batched baseline. */
  batchRows: number;
  rounds: number;
  warmup: number;
  /** SQLite synchronous for every variant; default the server's default (FULL). */
  synchronous?: 'FULL' | 'NORMAL';
  profileFile?: string;
  log?: (line: string) => void;
}

type RunSample = {
  rowsPerS: number;
  p50: number;
  p99: number;
  /** Ours: appends per committed transaction (group commit). */
  batch?: number;
};

/**
 * Storing chat messages (the Benchmarks issue): 1 KB messages written through the real write
 * path of a message, `StreamLog.append` (next sequence number in `stream_heads`, the event row,
 * the idempotency key row, all in one transaction, committed before the caller hears back),
 * by concurrent writers in this process, against raw better-sqlite3 prepared inserts of the same
 * rows with the same pragmas: one transaction per row (autocommit) and 100 rows per transaction.
 * Reported: rows per second and the p50/p99 commit latency of a row (from the call to the
 * return of the commit that holds it). Every variant writes a fresh database file.
 */
export async function runStorage(options: StorageOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-storage-'));
  const checks = { stored: true };
  const body = messageBody(options.payloadBytes);
  let files = 0;
  const nextFile = () => join(dir, `run-${++files}.db`);
  const cleanupFile = (file: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  };

  /** Our write path, `writers` at a time. */
  const ours = async (writers: number, rows: number): Promise<RunSample> => {
    const file = nextFile();
    const db = createDb({ file, synchronous: options.synchronous });
    try {
      await migrateToLatest(db.kysely);
      const actors = await seedActors(db, writers);
      const streams = new StreamLog(db.kysely, systemClock, db.direct);
      const tableIds = Array.from({ length: options.streams }, () => newId());
      const hist = new Histogram();
      let next = 0;
      const watch = stopwatch();
      await Promise.all(
        actors.map(async (actor) => {
          while (next < rows) {
            const i = next++;
            const tableId = tableIds[i % tableIds.length]!;
            const t0 = performance.now();
            await streams.append({
              stream: streamName.table(tableId),
              type: 'table:message',
              data: { message: tableMessage(tableId, actor, body, i) },
              actorId: actor.id,
              idempotencyKey: `storage-${i}`,
            });
            hist.recordMs(performance.now() - t0);
          }
        }),
      );
      const elapsed = watch.stop().wall;
      const commits = streams.commitStats();
      const stored = await db.kysely.selectFrom('stream_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(stored.n) !== rows) checks.stored = false;
      return { rowsPerS: (rows * 1000) / elapsed, p50: hist.percentileMs(50), p99: hist.percentileMs(99), batch: commits.appends / Math.max(1, commits.transactions) };
    } finally {
      await db.close();
      cleanupFile(file);
    }
  };

  /** Raw prepared inserts of the same rows, `batchRows` per transaction. */
  const raw = async (rows: number, batchRows: number): Promise<RunSample> => {
    const file = nextFile();
    const store = openRawStore(file, options.synchronous);
    try {
      const actorId = newId();
      const tableIds = Array.from({ length: options.streams }, () => newId());
      const payloads = tableIds.map((tableId) => JSON.stringify({ message: tableMessage(tableId, { id: actorId, displayName: 'Writer' }, body, 0) }));
      const watch = stopwatch();
      const result = store.insert(rows, batchRows, (i) => ({
        stream: streamName.table(tableIds[i % tableIds.length]!),
        type: 'table:message',
        payload: payloads[i % payloads.length]!,
        actorId,
      }));
      watch.stop();
      const stored = store.sqlite.prepare('SELECT count(*) AS n FROM raw_events').get() as { n: number };
      if (stored.n !== rows) checks.stored = false;
      const hist = new Histogram();
      for (const ms of result.latenciesMs) hist.recordMs(ms);
      return { rowsPerS: (rows * 1000) / result.elapsedMs, p50: hist.percentileMs(50), p99: hist.percentileMs(99) };
    } finally {
      await store.close();
      cleanupFile(file);
    }
  };

  try {
    log(
      `${options.payloadBytes} B payloads to ${options.streams} streams; ours: ${options.writers} concurrent writers; raw: autocommit and ${options.batchRows}-row transactions; ` +
        `synchronous=${options.synchronous ?? 'FULL'}`,
    );
    const rounds = () =>
      alternate(
        [
          { name: 'ours', run: () => ours(options.writers, options.rows.ours) },
          { name: 'autocommit', run: () => raw(options.rows.autocommit, 1) },
          { name: 'batched', run: () => raw(options.rows.batched, options.batchRows) },
          { name: 'single', run: () => ours(1, options.rows.oursSingle) },
        ],
        {
          rounds: options.rounds,
          warmup: options.warmup,
          onRound: (round, got) =>
            log(
              `round ${round + 1}/${options.rounds}: ` +
                ['ours', 'single', 'autocommit', 'batched'].map((v) => `${v} ${Math.round(got[`${v}.rowsPerS`]!)} rows/s (p99 ${got[`${v}.p99`]!.toFixed(2)} ms)`).join(', '),
            ),
        },
      );
    let profile: string | undefined;
    let samples: Record<string, number[]>;
    if (options.profileFile) ({ result: samples, summary: profile } = await profiled(options.profileFile, rounds));
    else samples = await rounds();

    const s = (key: string) => samples[key]!;
    const metrics: MetricResult[] = [
      metric({ scenario: SCENARIO, metric: `rows/s, ${options.writers} writers`, unit: 'per-s', ours: s('ours.rowsPerS'), baseline: { name: `raw ${options.batchRows}-row transactions`, samples: s('batched.rowsPerS') }, target: { min: 0.5 } }),
      metric({ scenario: SCENARIO, metric: `rows/s, ${options.writers} writers`, unit: 'per-s', ours: s('ours.rowsPerS'), baseline: { name: 'raw autocommit', samples: s('autocommit.rowsPerS') }, target: { min: 2 } }),
      metric({ scenario: SCENARIO, metric: `commit p99, ${options.writers} writers`, unit: 'ms', ours: s('ours.p99'), baseline: { name: 'raw autocommit', samples: s('autocommit.p99') } }),
      metric({ scenario: SCENARIO, metric: `commit p99, ${options.writers} writers`, unit: 'ms', ours: s('ours.p99'), baseline: { name: `raw ${options.batchRows}-row transactions`, samples: s('batched.p99') } }),
      metric({ scenario: SCENARIO, metric: 'commit p50, 1 writer', unit: 'ms', ours: s('single.p50'), baseline: { name: 'raw autocommit', samples: s('autocommit.p50') } }),
      metric({ scenario: SCENARIO, metric: 'rows/s, 1 writer', unit: 'per-s', ours: s('single.rowsPerS'), baseline: { name: 'raw autocommit', samples: s('autocommit.rowsPerS') } }),
    ];
    return {
      scenario: SCENARIO,
      params: { ...options, profileFile: undefined, log: undefined, payload: body.length },
      metrics,
      notes: [
        `${options.payloadBytes} B JSON payloads (a table message with a ${body.length}-char body from ../shared/fixtures/discussions) to ${options.streams} streams, with an actor and an idempotency key each; synchronous=${options.synchronous ?? 'FULL (the server default)'}, WAL, a fresh database file per run`,
        `rows per run: ours ${options.rows.ours} (${options.writers} writers) and ${options.rows.oursSingle} (1 writer), raw autocommit ${options.rows.autocommit}, raw batched ${options.rows.batched}; ${options.rounds} rounds (+${options.warmup} warm-up), ABBA order`,
        `commit latency: from the append call (ours) or the row's INSERT (raw) to the return of the COMMIT holding the row`,
        `group commit: ${options.writers} writers' appends went ${s('ours.batch').map((b) => b.toFixed(1)).join(', ')} to a transaction (1 writer: ${s('single.batch').map((b) => b.toFixed(1)).join(', ')})`,
      ],
      checks: { 'every run stored exactly its rows': checks.stored },
      raw: samples,
      profile,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seedActors(db: Db, n: number): Promise<{ id: string; displayName: string }[]> {
  const now = new Date().toISOString();
  const actors: { id: string; displayName: string }[] = [];
  for (let i = 0; i < n; i++) {
    const user = await insertUser(db.kysely, { email: null, passwordHash: null, displayName: `Writer ${i + 1}`, now });
    actors.push({ id: user.id, displayName: user.display_name });
  }
  return actors;
}

function tableMessage(tableId: string, author: { id: string; displayName: string }, body: string, i: number): TableMessage {
  return { id: newId(), tableId, author, body: `${body.slice(0, body.length - 8)}${String(i).padStart(8, '0')}`, createdAt: new Date().toISOString(), visibility: 'visible' };
}

/** Real chat text, cut so that the stored JSON of a table message comes to about `bytes`. */
function messageBody(bytes: number): string {
  const overhead = JSON.stringify({ message: tableMessage(newId(), { id: newId(), displayName: 'Writer 10' }, '', 0) }).length - 8;
  const want = Math.max(16, bytes - overhead);
  let text = '';
  for (const t of fixtureTexts()) {
    text += `${t.replace(/\s+/g, ' ')} `;
    if (text.length >= want) break;
  }
  while (text.length < want) text += text;
  return text.slice(0, want);
}

export const storage: Scenario = {
  name: SCENARIO,
  description: '1 KB messages through StreamLog.append (concurrent writers) vs raw better-sqlite3 inserts, autocommit and 100-row transactions',
  run: ({ quick, rounds, profileFile, log }) =>
    runStorage({
      payloadBytes: 1024,
      writers: 100,
      streams: 50,
      rows: quick ? { ours: 3000, oursSingle: 300, autocommit: 500, batched: 5000 } : { ours: 10_000, oursSingle: 1000, autocommit: 2000, batched: 20_000 },
      batchRows: 100,
      rounds: rounds ?? (quick ? 2 : 7),
      warmup: 1,
      // BENCH_SYNCHRONOUS=NORMAL: every SQLite of the scenario without an fsync per commit.
      synchronous: benchSynchronous(),
      profileFile,
      log,
    }),
};
