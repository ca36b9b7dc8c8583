import { sql, type Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import type { CafeTable, Hand, TableMessage } from '../../../shared/schemas/cafe.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import type { CafeTablesTable, TableHandsTable, TableMessagesTable } from './cafe.table.js';
import { firstRow, queryShape } from '../../db/query-shape.js';

export type TableRow = CafeTablesTable;
export type MessageRow = Omit<TableMessagesTable, 'visibility'> & { visibility: string };
const FORMER = { id: 'former-member', displayName: 'Former member' };

// Read on every table message: compiled once (queryShape).
const tableById = queryShape<{ id: string }, TableRow>((db, p) => db.selectFrom('cafe_tables').selectAll().where('id', '=', p('id')));
const seatOf = queryShape<{ tableId: string; userId: string }, Database['table_seats']>((db, p) =>
  db.selectFrom('table_seats').selectAll().where('table_id', '=', p('tableId')).where('user_id', '=', p('userId')),
);

export function findTable(db: Kysely<Database>, tableId: string): Promise<TableRow | undefined> {
  return firstRow(tableById(db, { id: tableId }));
}

export function findSeat(db: Kysely<Database>, spaceId: string, userId: string) {
  return db.selectFrom('table_seats').selectAll().where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst();
}

export function seatAt(db: Kysely<Database>, tableId: string, userId: string) {
  return firstRow(seatOf(db, { tableId, userId }));
}

/** How far back "lively" looks: visible messages in this window are counted on the floor. */
export const LIVELY_WINDOW_MS = 10 * 60_000;

/**
 * Seats a person (inside `trx`, after the cap was taken) and remembers the visit: the person is
 * among the table's people from now on (earlier tables, credit when it becomes a wave).
 */
export async function insertSeat(
  trx: Kysely<Database>,
  seat: { tableId: string; spaceId: string; userId: string; staff: boolean; now: string; awaySince: string | null },
): Promise<void> {
  await trx
    .insertInto('table_seats')
    .values({ table_id: seat.tableId, space_id: seat.spaceId, user_id: seat.userId, staff: seat.staff ? 1 : 0, seated_at: seat.now, away_since: seat.awaySince })
    .execute();
  await trx
    .insertInto('table_visits')
    .values({ table_id: seat.tableId, user_id: seat.userId, space_id: seat.spaceId, staff: seat.staff ? 1 : 0, first_sat_at: seat.now, last_sat_at: seat.now })
    .onConflict((oc) => oc.columns(['table_id', 'user_id']).doUpdateSet({ last_sat_at: seat.now }))
    .execute();
}

/** Whole summaries for the floor, in the order of `rows`; "lively" counts messages up to `now`. */
export async function toTables(db: Kysely<Database>, rows: TableRow[], now: Date = new Date()): Promise<CafeTable[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const since = new Date(now.getTime() - LIVELY_WINDOW_MS).toISOString();
  const [seats, hands, recent] = await Promise.all([
    db
      .selectFrom('table_seats')
      .innerJoin('users', 'users.id', 'table_seats.user_id')
      .select(['table_seats.table_id', 'table_seats.user_id', 'table_seats.staff', 'table_seats.away_since', 'users.display_name'])
      .where('table_seats.table_id', 'in', ids)
      .orderBy('table_seats.seated_at')
      .execute(),
    db
      .selectFrom('table_hands')
      .select(['table_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('table_id', 'in', ids)
      .where('lowered_at', 'is', null)
      .groupBy('table_id')
      .execute(),
    db
      .selectFrom('table_messages')
      .select(['table_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('table_id', 'in', ids)
      .where('created_at', '>', since)
      .where('visibility', '=', 'visible')
      .groupBy('table_id')
      .execute(),
  ]);
  const handCount = new Map(hands.map((h) => [h.table_id, Number(h.n)]));
  const recentCount = new Map(recent.map((m) => [m.table_id, Number(m.n)]));
  return rows.map((r) => {
    const people = seats
      .filter((s) => s.table_id === r.id)
      .map((s) => ({ id: s.user_id, displayName: s.display_name, staff: s.staff === 1, away: s.away_since !== null }));
    return {
      id: r.id,
      spaceId: r.space_id,
      topic: r.topic,
      tags: JSON.parse(r.tags) as string[],
      capacity: Number(r.capacity),
      seatsTaken: Number(r.fan_seats),
      hostId: r.host_id,
      people,
      staffPresent: people.filter((p) => p.staff).length,
      raisedHands: handCount.get(r.id) ?? 0,
      recentMessages: recentCount.get(r.id) ?? 0,
      locked: r.locked_at !== null,
      lastActivityAt: r.last_activity_at,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      docName: docName.table(r.id),
    };
  });
}

export async function loadTable(db: Kysely<Database>, tableId: string, now?: Date): Promise<CafeTable | null> {
  const row = await findTable(db, tableId);
  return row ? ((await toTables(db, [row], now))[0] ?? null) : null;
}

/** Tables this person sat at in the space, closed ones (the open ones are on the floor), latest visit first. */
export function earlierTableRows(db: Kysely<Database>, spaceId: string, userId: string, limit: number) {
  return db
    .selectFrom('table_visits')
    .innerJoin('cafe_tables', 'cafe_tables.id', 'table_visits.table_id')
    .selectAll('cafe_tables')
    .select('table_visits.last_sat_at')
    .where('table_visits.space_id', '=', spaceId)
    .where('table_visits.user_id', '=', userId)
    .where('cafe_tables.closed_at', 'is not', null)
    .orderBy('table_visits.last_sat_at', 'desc')
    .orderBy('cafe_tables.id', 'desc')
    .limit(limit)
    .execute();
}

export async function hasVisited(db: Kysely<Database>, tableId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('table_visits').select('user_id').where('table_id', '=', tableId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The newest visible messages of a table (and the viewer's own held ones), oldest first. */
export async function latestMessages(db: Kysely<Database>, tableId: string, viewerId: string, limit: number): Promise<TableMessage[]> {
  const rows = await db
    .selectFrom('table_messages')
    .leftJoin('users', 'users.id', 'table_messages.author_id')
    .selectAll('table_messages')
    .select('users.display_name')
    .where('table_messages.table_id', '=', tableId)
    .where((eb) => eb.or([eb('table_messages.visibility', '=', 'visible'), eb('table_messages.author_id', '=', viewerId)]))
    .orderBy('table_messages.created_at', 'desc')
    .orderBy('table_messages.id', 'desc')
    .limit(limit)
    .execute();
  return rows
    .reverse()
    .map((row) => toMessage(row, row.author_id && row.display_name ? { id: row.author_id, displayName: row.display_name } : null));
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (with `escape '\'`). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function floorRows(
  db: Kysely<Database>,
  spaceId: string,
  q: { topic?: string; tag?: string; after?: { at: string; id: string }; limit: number },
) {
  let query = db.selectFrom('cafe_tables').selectAll().where('space_id', '=', spaceId).where('closed_at', 'is', null);
  if (q.topic) query = query.where(sql<boolean>`lower(topic) like ${`%${likeLiteral(q.topic.toLowerCase())}%`} escape '\\'`);
  if (q.tag) query = query.where(sql<boolean>`tags like ${`%${likeLiteral(JSON.stringify(q.tag))}%`} escape '\\'`);
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) => eb.or([eb('last_activity_at', '<', at), eb.and([eb('last_activity_at', '=', at), eb('id', '<', id)])]));
  }
  return query.orderBy('last_activity_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
}

/** The emptiest other open table on the same topic (case-insensitive) that has a free seat. */
export function emptiestOnTopic(db: Kysely<Database>, table: TableRow) {
  return db
    .selectFrom('cafe_tables')
    .select(['id', 'topic', 'fan_seats', 'capacity'])
    .where('space_id', '=', table.space_id)
    .where('closed_at', 'is', null)
    .where('id', '!=', table.id)
    .where(sql<boolean>`lower(topic) = ${table.topic.toLowerCase()}`)
    .whereRef('fan_seats', '<', 'capacity')
    .orderBy('fan_seats')
    .orderBy('last_activity_at', 'desc')
    .executeTakeFirst();
}

export function toMessage(row: MessageRow, author: { id: string; displayName: string } | null): TableMessage {
  return {
    id: row.id,
    tableId: row.table_id,
    author: author ?? FORMER,
    body: row.visibility === 'rejected' ? '' : row.body,
    createdAt: row.created_at,
    visibility: row.visibility as TableMessage['visibility'],
  };
}

export async function loadMessage(db: Kysely<Database>, id: string): Promise<TableMessage | null> {
  const row = await db
    .selectFrom('table_messages')
    .leftJoin('users', 'users.id', 'table_messages.author_id')
    .selectAll('table_messages')
    .select('users.display_name')
    .where('table_messages.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return toMessage(row, row.author_id && row.display_name ? { id: row.author_id, displayName: row.display_name } : null);
}

export type HandRow = TableHandsTable;

export async function toHand(db: Kysely<Database>, row: HandRow): Promise<Hand> {
  const ids = [row.user_id, ...(row.answered_by ? [row.answered_by] : [])];
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  const person = (id: string) => {
    const u = users.find((x) => x.id === id);
    return u ? { id: u.id, displayName: u.display_name } : FORMER;
  };
  const end = row.answered_at ?? row.lowered_at;
  return {
    id: row.id,
    tableId: row.table_id,
    person: person(row.user_id),
    question: row.question,
    raisedAt: row.raised_at,
    loweredAt: row.lowered_at,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by ? person(row.answered_by) : null,
    waitSeconds: end ? (Date.parse(end) - Date.parse(row.raised_at)) / 1000 : null,
  };
}

/** The streams of a space's open tables: where announcements to "every open table" go. */
export async function openTableStreams(db: Kysely<Database>, spaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('cafe_tables').select('id').where('space_id', '=', spaceId).where('closed_at', 'is', null).execute();
  return rows.map((r) => streamName.table(r.id));
}
