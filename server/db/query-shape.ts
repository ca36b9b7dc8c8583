import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { DirectRun } from './connect.js';
import type { Database } from './database.js';

const SENTINEL = '\u0000param:';

type Compiled<P> = { sql: string; slots: ({ name: keyof P } | { fixed: unknown })[] };

/**
 * A hot query built and compiled by the dialect once (on its first run); each run binds new
 * values in place of the named parameters. Building and compiling a Kysely query costs more than
 * running the prepared statement it becomes (the stream log's appends spent 35–40 % of their CPU
 * there), and the SQL text stays the dialect's own, so this is as portable as the builder.
 *
 * `build` receives a database to build on and `p(name)`, which stands for the value given under
 * `name` at run time; every other value in the query is fixed at compile time. With `direct`
 * (SQLite), a run inside a transaction executes synchronously on the connection that
 * transaction holds.
 */
export function queryShape<P extends object, R>(
  build: (db: Kysely<Database>, p: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
  direct: DirectRun | null = null,
): (executor: Kysely<Database>, values: P) => Promise<QueryResult<R>> {
  let compiled: Compiled<P> | null = null;
  const compile = (db: Kysely<Database>): Compiled<P> => {
    const query = build(db, ((name: string) => `${SENTINEL}${name}`) as never).compile();
    return {
      sql: query.sql,
      slots: query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(SENTINEL) ? { name: value.slice(SENTINEL.length) as keyof P } : { fixed: value },
      ),
    };
  };
  return (executor, values) => {
    compiled ??= compile(executor);
    const parameters = compiled.slots.map((slot) => ('name' in slot ? values[slot.name] : slot.fixed));
    if (direct && executor.isTransaction) return Promise.resolve(direct(compiled.sql, parameters) as QueryResult<R>);
    return executor.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
  };
}

/** The first row of a shaped query, or undefined. */
export async function firstRow<R>(result: Promise<QueryResult<R>>): Promise<R | undefined> {
  return (await result).rows[0];
}
