import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type QueryResult, type SqliteDatabase } from 'kysely';
import type { Database } from './database.js';

export interface DbOptions {
  /** A file path, or ':memory:'. */
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
}

export interface Db {
  kysely: Kysely<Database>;
  /** The underlying SQLite handle, for online backup and health; null on other dialects. */
  sqlite: SQLite.Database | null;
  /** Synchronous statements for hot paths (see `DirectRun`); null on other dialects. */
  direct: DirectRun | null;
  close(): Promise<void>;
}

/**
 * Runs compiled SQL synchronously on the one connection, skipping Kysely's asynchronous executor
 * (a few statements per chat message spent more time there than in SQLite). Only for a caller
 * that holds the connection: inside a Kysely transaction it is running, where nothing else can
 * interleave.
 */
export type DirectRun = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

/**
 * The dialect seam: the only place that knows the database is SQLite.
 * WAL lets readers run beside the single writer; foreign keys are off by default
 * in SQLite; busy_timeout makes a second process (CLI backup, migrate) wait instead of failing.
 */
export function createDb(options: DbOptions): Db {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new SQLite(options.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  const cached = withStatementCache(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  return {
    kysely,
    sqlite,
    direct: (sql, parameters) => {
      const statement = cached.prepare(sql);
      if (statement.reader) return { rows: statement.all(parameters) };
      const { changes } = statement.run(parameters);
      return { rows: [], numAffectedRows: BigInt(changes) };
    },
    close: () => kysely.destroy(),
  };
}

/** How many distinct statements stay prepared; our queries are a few hundred shapes. */
const STATEMENT_CACHE = 1000;

/**
 * Kysely prepares every query anew; preparing was 15–23 % of the CPU a cafe message costs
 * (bench/scenarios/cafe.ts profile). better-sqlite3 statements are reusable, so the most recently
 * used ones are kept by their SQL text (values are bound parameters, so the shapes repeat).
 * Safe because Kysely's SQLite driver runs one query at a time on its one connection.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase & { prepare(sql: string): SQLite.Statement } {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = prepared.get(sql);
      if (statement) {
        prepared.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (prepared.size >= STATEMENT_CACHE) prepared.delete(prepared.keys().next().value!);
      }
      prepared.set(sql, statement);
      return statement;
    },
  };
}
