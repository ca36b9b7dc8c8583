import { sql, type Kysely } from 'kysely';
import { SpaceBatches } from './space-batches.js';
import type { Hand } from '../../../shared/schemas/cafe.js';
import type { LastLine, StaffFloor, StaffPresence, StaffTable, WatchedAlert } from '../../../shared/schemas/staff-floor.js';
import { isBusyWithoutStaff, STAFF_FLOOR, windowStart, type Activity } from '../../../shared/staff-floor.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { AppServer } from '../../realtime/io.js';
import { requireSpace } from '../spaces/access.js';
import type { Viewer } from '../users/viewer.js';
import { toTables, type TableRow } from './cafe.repository.js';
import type { FloorObserver } from './floor-feed.js';

/**
 * The staff floor: what the console's live floor shows and the fans' floor does not. Per open
 * table: messages per minute (the sparkline), the last line said, the hands up, watched words
 * said there, and whether it is busy without staff; per space: which staff are on the floor.
 * It follows the same table changes as the fans' floor (`FloorFeed` tells it) and sends them to
 * the space's staff watchers as batched `staff-floor:delta`s: never the whole floor again.
 */

/** Socket.IO room of the staff watching a space's staff floor. */
export const staffFloorRoom = (spaceId: string) => `floor:${spaceId}:staff`;

/** Read this many tables per query (bound parameters stay far below any engine's limit). */
const CHUNK = 500;
const FORMER = { id: 'former-member', displayName: 'Former member' };
const person = (id: string | null, name: string | null) => (id !== null && name !== null ? { id, displayName: name } : FORMER);

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Messages per minute of the last `sparklineMinutes` minutes (visible ones), per table. */
async function activityOf(db: Kysely<Database>, ids: string[], now: Date): Promise<Map<string, Activity>> {
  const since = windowStart(now);
  // ISO-8601 UTC text: the first 16 characters are the minute ("2026-05-01T10:42"), on any engine.
  const rows = await db
    .selectFrom('table_messages')
    .select(['table_id', sql<string>`substr(created_at, 1, 16)`.as('minute'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('table_id', 'in', ids)
    .where('visibility', '=', 'visible')
    .where('created_at', '>=', since)
    .groupBy(['table_id', sql`substr(created_at, 1, 16)`])
    .execute();
  const start = Date.parse(since);
  const out = new Map<string, Activity>(ids.map((id) => [id, { since, counts: new Array<number>(STAFF_FLOOR.sparklineMinutes).fill(0) }]));
  for (const row of rows) {
    const index = Math.round((Date.parse(`${row.minute}:00.000Z`) - start) / 60_000);
    const activity = out.get(row.table_id);
    if (activity && index >= 0 && index < activity.counts.length) activity.counts[index] = Number(row.n);
  }
  return out;
}

/** The newest visible message of each table. */
async function lastLinesOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, LastLine>> {
  const newest = await db
    .selectFrom('cafe_tables as t')
    .select([
      't.id',
      (eb) =>
        eb
          .selectFrom('table_messages as m')
          .select('m.id')
          .whereRef('m.table_id', '=', 't.id')
          .where('m.visibility', '=', 'visible')
          .orderBy('m.created_at', 'desc')
          .orderBy('m.id', 'desc')
          .limit(1)
          .as('message_id'),
    ])
    .where('t.id', 'in', ids)
    .execute();
  const messageIds = newest.flatMap((r) => (r.message_id ? [r.message_id] : []));
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('table_messages')
    .leftJoin('users', 'users.id', 'table_messages.author_id')
    .select(['table_messages.id', 'table_messages.table_id', 'table_messages.author_id', 'table_messages.body', 'table_messages.created_at', 'users.display_name'])
    .where('table_messages.id', 'in', messageIds)
    .execute();
  return new Map(rows.map((r) => [r.table_id, { id: r.id, author: person(r.author_id, r.display_name), body: r.body, at: r.created_at }]));
}

/** Hands still up at these tables, longest waiting first. */
async function openHandsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, Hand[]>> {
  const rows = await db
    .selectFrom('table_hands')
    .leftJoin('users', 'users.id', 'table_hands.user_id')
    .select(['table_hands.id', 'table_hands.table_id', 'table_hands.user_id', 'table_hands.question', 'table_hands.raised_at', 'users.display_name'])
    .where('table_hands.table_id', 'in', ids)
    .where('table_hands.lowered_at', 'is', null)
    .orderBy('table_hands.raised_at')
    .orderBy('table_hands.id')
    .execute();
  const out = new Map<string, Hand[]>();
  for (const r of rows) {
    const hand: Hand = {
      id: r.id,
      tableId: r.table_id,
      person: person(r.user_id, r.display_name),
      question: r.question,
      raisedAt: r.raised_at,
      loweredAt: null,
      answeredAt: null,
      answeredBy: null,
      waitSeconds: null,
    };
    out.set(r.table_id, [...(out.get(r.table_id) ?? []), hand]);
  }
  return out;
}

/**
 * Watched words said at these tables: table messages the moderation pipeline let through with a
 * `watched-word` flag (moderation item `flagged`, so staff have not decided on it yet), still
 * visible, in the last `watchedMinutes` minutes.
 */
async function watchedOf(db: Kysely<Database>, spaceId: string, ids: string[], now: Date): Promise<Map<string, WatchedAlert>> {
  const since = new Date(now.getTime() - STAFF_FLOOR.watchedMinutes * 60_000).toISOString();
  const rows = await db
    .selectFrom('moderation_items as mi')
    .innerJoin('table_messages as m', 'm.id', 'mi.content_id')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.table_id', 'm.author_id', 'm.body', 'm.created_at', 'mi.flags', 'u.display_name'])
    .where('mi.space_id', '=', spaceId)
    .where('mi.status', '=', 'flagged')
    .where('mi.content_kind', '=', 'table-message')
    .where('mi.created_at', '>=', since)
    .where('mi.flags', 'like', '%"watched-word"%')
    .where('m.visibility', '=', 'visible')
    .where('m.table_id', 'in', ids)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  const out = new Map<string, WatchedAlert>();
  for (const r of rows) {
    const known = out.get(r.table_id);
    if (known) {
      known.count += 1;
      continue;
    }
    const flags = JSON.parse(r.flags) as { rule: string; message: string }[];
    const reason = flags.find((f) => f.rule === 'watched-word')?.message ?? 'Mentions a watched word.';
    out.set(r.table_id, { count: 1, messageId: r.id, author: person(r.author_id, r.display_name), body: r.body, reason, at: r.created_at });
  }
  return out;
}

/** Open tables of a space as staff see them, in the order of `rows`. */
export async function staffTables(db: Kysely<Database>, spaceId: string, rows: TableRow[], now: Date): Promise<StaffTable[]> {
  const out: StaffTable[] = [];
  for (const part of chunks(rows)) {
    const ids = part.map((r) => r.id);
    const [tables, activity, lastLines, hands, watched] = await Promise.all([
      toTables(db, part, now),
      activityOf(db, ids, now),
      lastLinesOf(db, ids),
      openHandsOf(db, ids),
      watchedOf(db, spaceId, ids, now),
    ]);
    for (const table of tables) {
      const a = activity.get(table.id)!;
      out.push({
        ...table,
        activity: a,
        lastLine: lastLines.get(table.id) ?? null,
        hands: hands.get(table.id) ?? [],
        watched: watched.get(table.id) ?? null,
        busyWithoutStaff: isBusyWithoutStaff({ staffPresent: table.staffPresent, activity: a }, now),
      });
    }
  }
  return out;
}

/**
 * Staff coverage: the space's staff (and admins) on the floor now: seated at a table on a staff
 * seat, or watching the staff floor (a socket in its room, on any process through the adapter).
 */
export async function staffCoverage(db: Kysely<Database>, io: AppServer | null, spaceId: string): Promise<StaffPresence[]> {
  const [seats, sockets] = await Promise.all([
    db
      .selectFrom('table_seats')
      .innerJoin('cafe_tables', 'cafe_tables.id', 'table_seats.table_id')
      .innerJoin('users', 'users.id', 'table_seats.user_id')
      .select(['table_seats.user_id', 'table_seats.table_id', 'table_seats.away_since', 'cafe_tables.topic', 'users.display_name'])
      .where('table_seats.space_id', '=', spaceId)
      .where('table_seats.staff', '=', 1)
      .execute(),
    io ? io.in(staffFloorRoom(spaceId)).fetchSockets() : Promise.resolve([]),
  ]);
  const people = new Map<string, StaffPresence>();
  for (const socket of sockets) {
    const viewer = socket.data.viewer;
    if (viewer) people.set(viewer.id, { person: { id: viewer.id, displayName: viewer.displayName }, watching: true, seat: null });
  }
  for (const s of seats) {
    const seat = { tableId: s.table_id, topic: s.topic, away: s.away_since !== null };
    const known = people.get(s.user_id);
    if (known) known.seat = seat;
    else people.set(s.user_id, { person: { id: s.user_id, displayName: s.display_name }, watching: false, seat });
  }
  return [...people.values()].sort((a, b) => a.person.displayName.localeCompare(b.person.displayName) || a.person.id.localeCompare(b.person.id));
}

interface Pending {
  changed: Set<string>;
  lively: Set<string>;
  coverage: boolean;
}

/**
 * Sends the staff floor's changes: table ids noted per space (by `FloorFeed`, which tells it of
 * every change it sees, and by moderation decisions on table messages) are read once per batch
 * and emitted as one `staff-floor:delta` to the space's staff room; coverage goes along when it
 * changed. Seats, hands, topics: at most every `batchMs`; messages alone: at most every `activityMs`.
 */
export class StaffFloorFeed implements FloorObserver {
  readonly #batches = new SpaceBatches<Pending>(() => ({ changed: new Set<string>(), lively: new Set<string>(), coverage: false }), (batch) => this.#send(batch));
  /** The coverage last sent per space, to send it again only when it changed. */
  readonly #coverage = new Map<string, string>();

  constructor(
    private readonly d: { db: Kysely<Database>; clock: Clock; log: Logger },
    private readonly io: () => AppServer | null,
    private readonly options: { batchMs: number; activityMs: number } = { batchMs: STAFF_FLOOR.batchMs, activityMs: STAFF_FLOOR.activityMs },
  ) {}

  changed(spaceId: string, tableId: string): void {
    const entry = this.#batches.add(spaceId, this.options.batchMs);
    entry.changed.add(tableId);
    // Seats changed: a staff member may have sat down or stood up.
    entry.coverage = true;
  }

  lively(spaceId: string, tableId: string): void {
    this.#batches.add(spaceId, this.options.activityMs).lively.add(tableId);
  }

  /** Someone started or stopped watching the staff floor. */
  coverageMoved(spaceId: string): void {
    this.#batches.add(spaceId, this.options.batchMs).coverage = true;
  }

  /** Staff decided on a table message (approved, rejected, or cleared a watched word): its table's last line and alerts move. */
  async messageDecided(messageId: string): Promise<void> {
    const row = await this.d.db
      .selectFrom('table_messages')
      .innerJoin('cafe_tables', 'cafe_tables.id', 'table_messages.table_id')
      .select(['cafe_tables.id', 'cafe_tables.space_id'])
      .where('table_messages.id', '=', messageId)
      .executeTakeFirst();
    if (row) this.changed(row.space_id, row.id);
  }

  /** Everything a staff member needs to start watching (or the REST answer). */
  async snapshot(viewer: Viewer | null, slug: string): Promise<StaffFloor> {
    const { space } = await requireSpace(this.d.db, viewer, { slug }, 'staff');
    return this.read(space.id);
  }

  async read(spaceId: string): Promise<StaffFloor> {
    const now = this.d.clock.now();
    const rows = await this.d.db
      .selectFrom('cafe_tables')
      .selectAll()
      .where('space_id', '=', spaceId)
      .where('closed_at', 'is', null)
      .orderBy('last_activity_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const [tables, coverage] = await Promise.all([staffTables(this.d.db, spaceId, rows, now), staffCoverage(this.d.db, this.io(), spaceId)]);
    return { spaceId, tables, coverage, at: now.toISOString() };
  }

  /** Checks the viewer is staff of the space: the room to join. */
  async room(viewer: Viewer | null, slug: string): Promise<{ spaceId: string; room: string }> {
    const { space } = await requireSpace(this.d.db, viewer, { slug }, 'staff');
    return { spaceId: space.id, room: staffFloorRoom(space.id) };
  }

  async spaceIdOf(slug: string): Promise<string | null> {
    const row = await this.d.db.selectFrom('spaces').select('id').where('slug', '=', slug).executeTakeFirst();
    return row?.id ?? null;
  }

  /** Sends what is pending now (tests call it instead of waiting). */
  flush(): Promise<void> {
    return this.#batches.flush();
  }

  async #send(batch: [string, Pending][]): Promise<void> {
    const io = this.io();
    if (!io) return;
    for (const [spaceId, pending] of batch) {
      try {
        const now = this.d.clock.now();
        const ids = [...new Set([...pending.changed, ...pending.lively])];
        const rows = ids.length ? await this.d.db.selectFrom('cafe_tables').selectAll().where('id', 'in', ids).execute() : [];
        const open = rows.filter((r) => r.closed_at === null);
        const closed = rows.filter((r) => r.closed_at !== null).map((r) => r.id);
        const tables = await staffTables(this.d.db, spaceId, open, now);
        let coverage: StaffPresence[] | null = null;
        if (pending.coverage) {
          const fresh = await staffCoverage(this.d.db, io, spaceId);
          const text = JSON.stringify(fresh);
          if (this.#coverage.get(spaceId) !== text) {
            this.#coverage.set(spaceId, text);
            coverage = fresh;
          }
        }
        if (tables.length === 0 && closed.length === 0 && coverage === null) continue;
        io.to(staffFloorRoom(spaceId)).emit('staff-floor:delta', { spaceId, tables, closed, coverage, at: now.toISOString() });
      } catch (err) {
        // The tables are stored; watchers see them on their next load.
        this.d.log.error({ err, spaceId }, 'could not send a staff floor delta');
      }
    }
  }

  async close(): Promise<void> {
    await this.#batches.close();
  }
}
