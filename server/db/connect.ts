import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  close(): Promise<void>;
}

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
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kysely,
    sqlite,
    close: () => kysely.destroy(),
  };
}
