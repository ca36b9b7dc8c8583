/**
 * The storage benchmark's baselines: raw better-sqlite3 prepared inserts of the same rows our
 * stream log stores, on a database opened by our own `createDb` (so the pragmas are ours by
 * construction: WAL, synchronous=FULL unless told otherwise, foreign keys, busy timeout), into a
 * table shaped like `stream_events`. No Kysely, no head row, no idempotency row, no JSON: the
 * least a server can do to store a message durably.
 *
 * - autocommit: one prepared `INSERT` per row, each its own transaction (one WAL fsync per row);
 * - batched: the same inserts, `batchRows` per transaction (one fsync per batch).
 *
 * better-sqlite3 is synchronous, so there are no concurrent writers here: rows go in one after
 * another, which is the best case for it.
 */
import type SQLite from 'better-sqlite3';
import { createDb, type Db } from '../../server/db/connect.js';

export interface RawRow {
  stream: string;
  type: string;
  payload: string;
  actorId: string | null;
}

export interface RawInsertResult {
  rows: number;
  elapsedMs: number;
  /** For each row, from the moment its insert began to the return of the commit that holds it, in ms. */
  latenciesMs: Float64Array;
}

export const RAW_TABLE_SQL = `CREATE TABLE IF NOT EXISTS raw_events (
  stream TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor_id TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (stream, seq)
)`;

export interface RawStore {
  db: Db;
  sqlite: SQLite.Database;
  /** Inserts `rows` rows, `batchRows` per transaction (1: autocommit). */
  insert(rows: number, batchRows: number, row: (i: number) => RawRow): RawInsertResult;
  close(): Promise<void>;
}

/** Opens `file` with our pragmas (createDb) and creates the raw table. */
export function openRawStore(file: string, synchronous?: 'FULL' | 'NORMAL'): RawStore {
  const db = createDb({ file, synchronous });
  const sqlite = db.sqlite;
  if (!sqlite) throw new Error('the raw baseline needs SQLite');
  sqlite.exec(RAW_TABLE_SQL);
  const insert = sqlite.prepare('INSERT INTO raw_events (stream, seq, type, payload, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const begin = sqlite.prepare('BEGIN');
  const commit = sqlite.prepare('COMMIT');
  const seqs = new Map<string, number>();
  const put = (r: RawRow) => {
    const seq = (seqs.get(r.stream) ?? 0) + 1;
    seqs.set(r.stream, seq);
    insert.run(r.stream, seq, r.type, r.payload, r.actorId, new Date().toISOString());
  };
  return {
    db,
    sqlite,
    insert(rows, batchRows, row) {
      if (!(batchRows >= 1)) throw new Error('batchRows must be at least 1');
      const latenciesMs = new Float64Array(rows);
      const started = performance.now();
      for (let i = 0; i < rows; i += batchRows) {
        const n = Math.min(batchRows, rows - i);
        const starts = new Float64Array(n);
        if (batchRows === 1) {
          starts[0] = performance.now();
          put(row(i));
        } else {
          begin.run();
          try {
            for (let j = 0; j < n; j++) {
              starts[j] = performance.now();
              put(row(i + j));
            }
            commit.run();
          } catch (err) {
            if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
            throw err;
          }
        }
        const committed = performance.now();
        for (let j = 0; j < n; j++) latenciesMs[i + j] = committed - starts[j]!;
      }
      return { rows, elapsedMs: performance.now() - started, latenciesMs };
    },
    close: () => db.close(),
  };
}
