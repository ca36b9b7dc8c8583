import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { DirectRun } from './connect.js';

const SENTINEL = '\u0000param:';

/**
 * A hot query built and compiled by the dialect once; each run binds new values in place of the
 * named parameters. Building and compiling a Kysely query costs more than running the prepared
 * statement it becomes (the stream log's appends spent 35–40 % of their CPU there), and the SQL
 * text stays the dialect's own, so this is as portable as the builder it came from.
 *
 * `build` receives `p(name)`, which stands for the value given under `name` at run time; every
 * other value in the query is fixed at compile time. With `direct` (SQLite), a run inside a
 * transaction executes synchronously on the connection that transaction holds.
 */
export function queryShape<P extends object, R>(
  build: (p: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
  direct: DirectRun | null = null,
): (executor: Kysely<any>, values: P) => Promise<QueryResult<R>> {
  const compiled = build(((name: string) => `${SENTINEL}${name}`) as never).compile();
  const slots: ({ name: keyof P } | { fixed: unknown })[] = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(SENTINEL) ? { name: value.slice(SENTINEL.length) as keyof P } : { fixed: value },
  );
  const bind = (values: P) => slots.map((slot) => ('name' in slot ? values[slot.name] : slot.fixed));
  return (executor, values) => {
    if (direct && executor.isTransaction) return Promise.resolve(direct(compiled.sql, bind(values)) as QueryResult<R>);
    return executor.executeQuery<R>(CompiledQuery.raw(compiled.sql, bind(values)));
  };
}
