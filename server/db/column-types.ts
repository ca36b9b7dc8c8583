import { SqliteAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/** Dialect seam for DDL: the two column types SQLite and PostgreSQL spell differently. */
export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export function binaryType(db: Kysely<any>) {
  return isSqlite(db) ? sql`blob` : sql`bytea`;
}

/** An ever-increasing integer key: SQLite's rowid alias, PostgreSQL's identity column. */
export function autoIdColumn(db: Kysely<any>) {
  return isSqlite(db)
    ? { type: sql`integer`, build: (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement() }
    : { type: sql`bigint`, build: (c: ColumnDefinitionBuilder) => c.primaryKey().generatedAlwaysAsIdentity() };
}
