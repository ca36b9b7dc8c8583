import { sql, type Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import type { CafeTable, Hand, TableMessage } from '../../../shared/schemas/cafe.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import type { CafeTablesTable, TableHandsTable, TableMessagesTable } from './cafe.table.js';

export type TableRow = CafeTablesTable;
export type MessageRow = Omit<TableMessagesTable, 'visibility'> & { visibility: string };
const FORMER = { id: 'former-member', displayName: 'Former member' };

export function findTable(db: Kysely<Database>, tableId: string): Promise<TableRow | undefined> {
  return db.selectFrom('cafe_tables').selectAll().where('id', '=', tableId).executeTakeFirst();
}

export function findSeat(db: Kysely<Database>, spaceId: string, userId: string) {
  return db.selectFrom('table_seats').selectAll().where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst();
}

export function seatAt(db: Kysely<Database>, tableId: string, userId: string) {
  return db.selectFrom('table_seats').selectAll().where('table_id', '=', tableId).where('user_id', '=', userId).executeTakeFirst();
}

/** Whole summaries for the floor, in the order of `rows`. */
export async function toTables(db: Kysely<Database>, rows: TableRow[]): Promise<CafeTable[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [seats, hands] = await Promise.all([
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
  ]);
  const handCount = new Map(hands.map((h) => [h.table_id, Number(h.n)]));
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
      lastActivityAt: r.last_activity_at,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      docName: docName.table(r.id),
    };
  });
}

export async function loadTable(db: Kysely<Database>, tableId: string): Promise<CafeTable | null> {
  const row = await findTable(db, tableId);
  return row ? ((await toTables(db, [row]))[0] ?? null) : null;
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
