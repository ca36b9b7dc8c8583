import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Activity, ActivityKind } from './catalysts.score.js';

type Db = Kysely<Database>;

/** A time range on ISO text columns; either end may be open. */
export interface Range {
  from?: string;
  to?: string;
}

/** The names of a space's documents that count: idea documents (`wave:<id>`) and table notepads (`table:<id>`). */
export function spaceDocNames(db: Db, spaceId: string) {
  return db
    .selectFrom('waves')
    .select(sql<string>`'wave:' || waves.id`.as('doc_name'))
    .where('waves.space_id', '=', spaceId)
    .unionAll(db.selectFrom('cafe_tables').select(sql<string>`'table:' || cafe_tables.id`.as('doc_name')).where('cafe_tables.space_id', '=', spaceId));
}

const kind = (k: ActivityKind) => sql<ActivityKind>`${sql.lit(k)}`.as('kind');

/**
 * Everything people do in a space, one row per act: `user_id`, `at`, `kind`. Visible blips and waves,
 * tables opened, table messages, seats (sitting down and the last time seen seated), supports, and
 * document edits: one row per person, document and UTC day (a keystroke is not an act).
 * The range is applied in every branch, so each one uses its own index.
 */
export function activitySources(db: Db, spaceId: string, range: Range, options: { edits?: boolean } = {}) {
  const between = <T extends { where: any }>(qb: T, column: string): T => {
    let q: any = qb;
    if (range.from !== undefined) q = q.where(column, '>=', range.from);
    if (range.to !== undefined) q = q.where(column, '<', range.to);
    return q as T;
  };
  const blips = between(
    db
      .selectFrom('blips')
      .innerJoin('waves', 'waves.id', 'blips.wave_id')
      .select(['blips.author_id as user_id', 'blips.created_at as at', kind('blip')])
      .where('waves.space_id', '=', spaceId)
      .where('blips.visibility', '=', 'visible'),
    'blips.created_at',
  );
  const waves = between(
    db
      .selectFrom('waves')
      .select(['waves.author_id as user_id', 'waves.created_at as at', kind('wave')])
      .where('waves.space_id', '=', spaceId)
      .where('waves.visibility', '=', 'visible'),
    'waves.created_at',
  );
  const tables = between(
    db.selectFrom('cafe_tables').select(['cafe_tables.host_id as user_id', 'cafe_tables.created_at as at', kind('table')]).where('cafe_tables.space_id', '=', spaceId),
    'cafe_tables.created_at',
  );
  const messages = between(
    db
      .selectFrom('table_messages')
      .innerJoin('cafe_tables', 'cafe_tables.id', 'table_messages.table_id')
      .select(['table_messages.author_id as user_id', 'table_messages.created_at as at', kind('message')])
      .where('cafe_tables.space_id', '=', spaceId)
      .where('table_messages.visibility', '=', 'visible'),
    'table_messages.created_at',
  );
  // Through the space's tables: table_visits is keyed by table, not by space.
  const satDown = between(
    db
      .selectFrom('cafe_tables')
      .innerJoin('table_visits', 'table_visits.table_id', 'cafe_tables.id')
      .select(['table_visits.user_id as user_id', 'table_visits.first_sat_at as at', kind('seat')])
      .where('cafe_tables.space_id', '=', spaceId),
    'table_visits.first_sat_at',
  );
  const lastSeated = between(
    db
      .selectFrom('cafe_tables')
      .innerJoin('table_visits', 'table_visits.table_id', 'cafe_tables.id')
      .select(['table_visits.user_id as user_id', 'table_visits.last_sat_at as at', kind('seat')])
      .where('cafe_tables.space_id', '=', spaceId)
      .whereRef('table_visits.last_sat_at', '>', 'table_visits.first_sat_at'),
    'table_visits.last_sat_at',
  );
  const supports = between(
    db
      .selectFrom('wave_supports')
      .innerJoin('waves', 'waves.id', 'wave_supports.wave_id')
      .select(['wave_supports.user_id as user_id', 'wave_supports.created_at as at', kind('support')])
      .where('waves.space_id', '=', spaceId),
    'wave_supports.created_at',
  );
  const edits = between(
    db
      .selectFrom('doc_updates')
      .select((eb) => ['doc_updates.user_id as user_id', eb.fn.min('doc_updates.created_at').as('at'), kind('edit')])
      .where('doc_updates.doc_name', 'in', spaceDocNames(db, spaceId))
      .groupBy(['doc_updates.user_id', 'doc_updates.doc_name', sql`substr(doc_updates.created_at, 1, 10)`]),
    'doc_updates.created_at',
  );
  const all = blips.unionAll(waves).unionAll(tables).unionAll(messages).unionAll(satDown).unionAll(lastSeated).unionAll(supports);
  return options.edits === false ? all : all.unionAll(edits);
}

/** Activity in a range, per person, UTC day and kind: the first act's time and how many (edits: documents). */
export async function activityByDay(db: Db, spaceId: string, range: Range): Promise<Activity[]> {
  const rows = await db
    .selectFrom(activitySources(db, spaceId, range).as('a'))
    .select((eb) => ['a.user_id', 'a.kind', eb.fn.min('a.at').as('at'), eb.fn.countAll().as('n')])
    .where('a.user_id', 'is not', null)
    .groupBy(['a.user_id', 'a.kind', sql`substr(a.at, 1, 10)`])
    .execute();
  return rows.map((r) => ({ person: r.user_id!, kind: r.kind, at: r.at, count: Number(r.n) }));
}

/**
 * Each person's first act in the space, ever (among `people`). Edits come from `doc_contributors`,
 * which keeps each person's first edit per document, so the update log is not scanned.
 */
export async function firstSeen(db: Db, spaceId: string, people: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    const acts = activitySources(db, spaceId, {}, { edits: false });
    const rows = await db
      .selectFrom(
        db
          .selectFrom(acts.as('a'))
          .select(['a.user_id', 'a.at'])
          .unionAll(
            db
              .selectFrom('doc_contributors')
              .select(['doc_contributors.user_id', 'doc_contributors.first_at as at'])
              .where('doc_contributors.doc_name', 'in', spaceDocNames(db, spaceId)),
          )
          .as('f'),
      )
      .select((eb) => ['f.user_id', eb.fn.min('f.at').as('first')])
      .where('f.user_id', 'in', chunk)
      .groupBy('f.user_id')
      .execute();
    for (const r of rows) if (r.user_id) found.set(r.user_id, r.first);
  }
  return found;
}

/** Staff and admins of the space. */
export async function staffOf(db: Db, spaceId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('memberships').select('user_id').where('space_id', '=', spaceId).where('role', 'in', ['staff', 'admin']).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Display names of people, in one query. */
export async function namesOf(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', list.slice(i, i + 500)).execute();
    for (const r of rows) names.set(r.id, r.display_name);
  }
  return names;
}
