import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

type Db = Kysely<Database>;
type Span = { from: string; to: string };

const day = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;

/** Hands staff answered in the window: when raised, when answered. */
export function answeredHands(db: Db, spaceId: string, window: Span) {
  return db
    .selectFrom('table_hands as h')
    .innerJoin('cafe_tables as t', 't.id', 'h.table_id')
    .select(['h.raised_at', 'h.answered_at'])
    .where('t.space_id', '=', spaceId)
    .where('h.answered_at', '>=', window.from)
    .where('h.answered_at', '<', window.to)
    .execute() as Promise<{ raised_at: string; answered_at: string }[]>;
}

/** Hands up now, longest waiting first. */
export function openHands(db: Db, spaceId: string) {
  return db
    .selectFrom('table_hands as h')
    .innerJoin('cafe_tables as t', 't.id', 'h.table_id')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .select(['h.id', 'h.table_id', 't.topic', 'h.user_id', 'u.display_name', 'h.question', 'h.raised_at'])
    .where('t.space_id', '=', spaceId)
    .where('h.lowered_at', 'is', null)
    .orderBy('h.raised_at')
    .orderBy('h.id')
    .execute();
}

/** Hands that went down in the window with no staff answer. */
export async function loweredUnanswered(db: Db, spaceId: string, window: Span): Promise<number> {
  const row = await db
    .selectFrom('table_hands as h')
    .innerJoin('cafe_tables as t', 't.id', 'h.table_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('t.space_id', '=', spaceId)
    .where('h.answered_at', 'is', null)
    .where('h.lowered_at', '>=', window.from)
    .where('h.lowered_at', '<', window.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type ConversationKind = 'waves' | 'threads' | 'tables';

/**
 * Conversations started per UTC day: new visible waves, new visible top-level blips (a thread on a
 * wave), tables opened.
 */
export async function conversationsPerDay(db: Db, spaceId: string, window: Span) {
  const lit = (k: ConversationKind) => sql<ConversationKind>`${sql.lit(k)}`.as('kind');
  const waves = db
    .selectFrom('waves')
    .select([day('waves.created_at').as('day'), lit('waves')])
    .where('waves.space_id', '=', spaceId)
    .where('waves.visibility', '=', 'visible')
    .where('waves.created_at', '>=', window.from)
    .where('waves.created_at', '<', window.to);
  const threads = db
    .selectFrom('blips')
    .innerJoin('waves', 'waves.id', 'blips.wave_id')
    .select([day('blips.created_at').as('day'), lit('threads')])
    .where('waves.space_id', '=', spaceId)
    .where('waves.visibility', '=', 'visible')
    .where('blips.visibility', '=', 'visible')
    .where('blips.parent_id', 'is', null)
    .where('blips.created_at', '>=', window.from)
    .where('blips.created_at', '<', window.to);
  const tables = db
    .selectFrom('cafe_tables')
    .select([day('cafe_tables.created_at').as('day'), lit('tables')])
    .where('cafe_tables.space_id', '=', spaceId)
    .where('cafe_tables.created_at', '>=', window.from)
    .where('cafe_tables.created_at', '<', window.to);
  const rows = await db
    .selectFrom(waves.unionAll(threads).unionAll(tables).as('c'))
    .select((eb) => ['c.day', 'c.kind', eb.fn.countAll().as('n')])
    .groupBy(['c.day', 'c.kind'])
    .execute();
  return rows.map((r) => ({ day: r.day, kind: r.kind, count: Number(r.n) }));
}

/** Every status change of the space's visible waves, by wave and in order. */
export function statusChanges(db: Db, spaceId: string) {
  return db
    .selectFrom('wave_status_changes as c')
    .innerJoin('waves as w', 'w.id', 'c.wave_id')
    .select(['c.wave_id as waveId', 'c.to_status as to', 'c.created_at as at'])
    .where('w.space_id', '=', spaceId)
    .where('w.visibility', '=', 'visible')
    .orderBy('c.wave_id')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** Moderation items that needed staff (held or flagged, decided or not) created per UTC day in the window. */
export async function queuedPerDay(db: Db, spaceId: string, window: Span) {
  const rows = await db
    .selectFrom('moderation_items')
    .select((eb) => [day('moderation_items.created_at').as('day'), eb.fn.countAll().as('n')])
    .where('space_id', '=', spaceId)
    .where('status', '!=', 'allowed')
    .where('created_at', '>=', window.from)
    .where('created_at', '<', window.to)
    .groupBy(day('moderation_items.created_at'))
    .execute();
  return rows.map((r) => ({ day: r.day, count: Number(r.n) }));
}

/** Staff decisions in the window: when the item came in, when it was decided. */
export function decisions(db: Db, spaceId: string, window: Span) {
  return db
    .selectFrom('moderation_items')
    .select(['created_at', 'decided_at'])
    .where('space_id', '=', spaceId)
    .where('decided_at', '>=', window.from)
    .where('decided_at', '<', window.to)
    .execute() as Promise<{ created_at: string; decided_at: string }[]>;
}

/** Held items waiting for a decision now: how many, and since when the oldest. */
export async function waitingNow(db: Db, spaceId: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('moderation_items')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('space_id', '=', spaceId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
}
