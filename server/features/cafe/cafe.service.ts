import type { Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { CafeTable, Hand, SeatResult, TableAlternative, TableMessage } from '../../../shared/schemas/cafe.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import type { Moderation } from '../moderation/moderation.service.js';
import { requireSpace } from '../spaces/access.js';
import { ensureMember, parseSettings } from '../spaces/spaces.repository.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';
import { isSeated, requireTable } from './cafe.access.js';
import {
  emptiestOnTopic,
  findSeat,
  findTable,
  floorRows,
  loadMessage,
  loadTable,
  seatAt,
  toHand,
  toMessage,
  toTables,
  type HandRow,
  type TableRow,
} from './cafe.repository.js';

/** How long a seat is kept for someone whose last connection dropped. */
export const CAFE_GRACE_MS = 30_000;
/** How long an empty table stays on the floor before it closes. */
export const CAFE_EMPTY_CLOSE_MS = 5 * 60_000;
/** How often seats past their grace period (and idle empty tables) are looked for. */
export const CAFE_SWEEP_MS = 1_000;

export interface CafeOptions {
  graceMs: number;
  sweepMs: number;
  /** How long a table stays open with nobody seated (and no activity) before it closes. */
  emptyCloseMs: number;
}

export interface CafeDeps {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  streams: StreamLog;
  moderation: Moderation;
  /** Re-checks open notepad connections after seats change (a person who left turns `none`). */
  refreshDocAccess: (name: string) => Promise<void>;
}

/** TABLE_FULL, carrying where to go instead (in REST bodies and socket acks alike). */
export class TableFullError extends AppError {
  constructor(readonly alternative: TableAlternative) {
    super(ERROR_CODES.TABLE_FULL, `This table is full. ${alternative.hint}`);
  }
  override toBody(): ErrorBody {
    return { ...super.toBody(), alternative: this.alternative };
  }
}

class Full extends Error {}

const person = (viewer: Viewer) => ({ id: viewer.id, displayName: viewer.displayName });
const invalid = (field: string, message: string) => new AppError(ERROR_CODES.INVALID_INPUT, `${field}: ${message}`, { field });

function encodeCursor(at: string, id: string) {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}
function decodeCursor(raw: string): { at: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((x) => typeof x === 'string')) {
      return { at: parsed[0] as string, id: parsed[1] as string };
    }
  } catch {
    // fall through
  }
  throw invalid('cursor', 'not a cursor from this list');
}

/**
 * The cafe: tables on a space's floor, seats (the cap holds under concurrent joins: the seat
 * count is a conditional update in the same transaction as the seat insert), table chat, raised
 * hands, and the grace period that keeps a seat for someone who lost their connection.
 * Seats live in the database; the only memory is how many sockets each person has open here.
 */
export class CafeService {
  private readonly sockets = new Map<string, number>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  /** After a restart every seat starts its grace period: its people reconnect and keep it. */
  readonly ready: Promise<void>;

  constructor(
    private readonly d: CafeDeps,
    private readonly options: CafeOptions,
  ) {
    this.ready = this.d.db
      .updateTable('table_seats')
      .set({ away_since: this.now() })
      .where('away_since', 'is', null)
      .execute()
      .then(() => undefined);
    this.sweeper = setInterval(() => void this.sweep(), options.sweepMs);
    this.sweeper.unref();
  }

  private now() {
    return this.d.clock.now().toISOString();
  }

  // ---- the floor --------------------------------------------------------------------------

  async floor(viewer: Viewer | null, slug: string, query: { cursor?: string; limit: number; topic?: string; tag?: string }) {
    // The floor shows people's names: signed-in people of the space only (see docs/cafe.md).
    const { space } = await requireSpace(this.d.db, viewer, { slug }, 'fan');
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await floorRows(this.d.db, space.id, { topic: query.topic, tag: query.tag, after, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await toTables(this.d.db, page),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.last_activity_at, last.id) : null,
    };
  }

  async get(viewer: Viewer | null, tableId: string): Promise<CafeTable> {
    await requireTable(this.d.db, viewer, tableId, null);
    return (await loadTable(this.d.db, tableId))!;
  }

  /** Opens a table; the opener hosts it and sits down (leaving their other table in the space). */
  async open(viewer: Viewer, slug: string, input: { topic: string; tags: string[]; capacity?: number }): Promise<CafeTable> {
    const { space, role } = await requireSpace(this.d.db, viewer, { slug }, 'fan');
    const settings = parseSettings(space);
    const capacity = Math.min(input.capacity ?? settings.tableCapacity, settings.maxTableCapacity);
    const staff = hasRole(role, 'staff');
    const now = this.now();
    const id = newId();
    const left = await this.d.db.transaction().execute(async (trx) => {
      await ensureMember(trx, space.id, viewer.id, now);
      await trx
        .insertInto('cafe_tables')
        .values({
          id,
          space_id: space.id,
          topic: input.topic,
          tags: JSON.stringify([...new Set(input.tags)]),
          capacity,
          fan_seats: staff ? 0 : 1,
          host_id: viewer.id,
          created_at: now,
          last_activity_at: now,
          closed_at: null,
        })
        .execute();
      const left = await this.vacate(trx, space.id, viewer.id, now);
      await trx
        .insertInto('table_seats')
        .values({ table_id: id, space_id: space.id, user_id: viewer.id, staff: staff ? 1 : 0, seated_at: now, away_since: this.awaySince(viewer.id, now) })
        .execute();
      return left;
    });
    await this.changed([id, ...(left ? [left] : [])]);
    return (await loadTable(this.d.db, id))!;
  }

  /** The host (or staff) changes the topic. */
  async editTopic(viewer: Viewer, tableId: string, topic: string): Promise<CafeTable> {
    const { table, role } = await requireTable(this.d.db, viewer, tableId, 'fan');
    if (table.host_id !== viewer.id && !hasRole(role, 'staff')) throw forbidden('Only the host of this table may change its topic');
    await this.d.db.updateTable('cafe_tables').set({ topic, last_activity_at: this.now() }).where('id', '=', tableId).execute();
    await this.changed([tableId]);
    return (await loadTable(this.d.db, tableId))!;
  }

  // ---- seats ------------------------------------------------------------------------------

  /**
   * Sits down. One seat per person per space: sitting here leaves the other table in the same
   * transaction, and if this table is full nothing changes (the other seat is kept).
   * The cap is one conditional `UPDATE … SET fan_seats = fan_seats + 1 WHERE fan_seats < capacity`:
   * serialized by SQLite's single writer, and by the row lock on PostgreSQL.
   */
  async sit(viewer: Viewer, tableId: string): Promise<SeatResult> {
    await this.ready;
    const { table, space, role } = await requireTable(this.d.db, viewer, tableId, 'fan');
    const staff = hasRole(role, 'staff');
    const now = this.now();
    const awaySince = this.awaySince(viewer.id, now);
    let outcome: { left: string | null; seatedAt: string; changed: boolean };
    try {
      outcome = await this.d.db.transaction().execute(async (trx) => {
        const current = await findSeat(trx, space.id, viewer.id);
        if (current?.table_id === tableId) {
          // Already here (a retry, or back within the grace period).
          const back = current.away_since !== null && awaySince === null;
          if (back) {
            await trx.updateTable('table_seats').set({ away_since: null }).where('table_id', '=', tableId).where('user_id', '=', viewer.id).execute();
          }
          return { left: null, seatedAt: current.seated_at, changed: back };
        }
        const left = current ? await this.vacate(trx, space.id, viewer.id, now) : null;
        const fresh = await trx.selectFrom('cafe_tables').select('closed_at').where('id', '=', tableId).executeTakeFirstOrThrow();
        // Sitting at a closed table reopens it, with this person as its host.
        const reopen = fresh.closed_at !== null ? { closed_at: null, host_id: viewer.id } : {};
        const update = trx.updateTable('cafe_tables').where('id', '=', tableId);
        if (staff) {
          await update.set({ last_activity_at: now, ...reopen }).execute();
        } else {
          const taken = await update
            .set((eb) => ({ fan_seats: eb('fan_seats', '+', 1), last_activity_at: now, ...reopen }))
            .whereRef('fan_seats', '<', 'capacity')
            .executeTakeFirst();
          if (Number(taken.numUpdatedRows) === 0) throw new Full();
        }
        await ensureMember(trx, space.id, viewer.id, now);
        await trx
          .insertInto('table_seats')
          .values({ table_id: tableId, space_id: space.id, user_id: viewer.id, staff: staff ? 1 : 0, seated_at: now, away_since: awaySince })
          .execute();
        return { left, seatedAt: now, changed: true };
      });
    } catch (err) {
      if (err instanceof Full) throw new TableFullError(await this.alternative(table));
      throw err;
    }
    if (outcome.changed) await this.changed([tableId, ...(outcome.left ? [outcome.left] : [])]);
    if (outcome.left) await this.d.refreshDocAccess(docName.table(outcome.left));
    return { table: (await loadTable(this.d.db, tableId))!, seat: { staff, sinceAt: outcome.seatedAt } };
  }

  async leave(viewer: Viewer, tableId: string): Promise<void> {
    const { space } = await requireTable(this.d.db, viewer, tableId, 'fan');
    const seat = await seatAt(this.d.db, tableId, viewer.id);
    if (!seat) return;
    const left = await this.d.db.transaction().execute((trx) => this.vacate(trx, space.id, viewer.id, this.now(), tableId));
    if (left) {
      await this.changed([left]);
      await this.d.refreshDocAccess(docName.table(left));
    }
  }

  /**
   * Frees the person's seat in the space (only at `onlyAt` if given) inside `trx`: gives the fan
   * seat back to the count; when nobody is left, the table's idle time starts. Returns the table left.
   */
  private async vacate(trx: Kysely<Database>, spaceId: string, userId: string, now: string, onlyAt?: string): Promise<string | null> {
    let q = trx.deleteFrom('table_seats').where('space_id', '=', spaceId).where('user_id', '=', userId);
    if (onlyAt) q = q.where('table_id', '=', onlyAt);
    const gone = await q.returning(['table_id', 'staff']).executeTakeFirst();
    if (!gone) return null;
    if (gone.staff === 0) {
      await trx.updateTable('cafe_tables').set((eb) => ({ fan_seats: eb('fan_seats', '-', 1) })).where('id', '=', gone.table_id).execute();
    }
    const rest = await trx
      .selectFrom('table_seats')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('table_id', '=', gone.table_id)
      .executeTakeFirstOrThrow();
    if (Number(rest.n) === 0) {
      // Empty from now: the idle timer (CafeOptions.emptyCloseMs) counts from here; the sweep closes it.
      await trx.updateTable('cafe_tables').set({ last_activity_at: now }).where('id', '=', gone.table_id).execute();
    }
    return gone.table_id;
  }

  private async alternative(table: TableRow): Promise<TableAlternative> {
    const other = await emptiestOnTopic(this.d.db, table);
    if (other) {
      return {
        table: { id: other.id, topic: other.topic, seatsTaken: Number(other.fan_seats), capacity: Number(other.capacity) },
        hint: `Another table on “${other.topic}” has ${Number(other.capacity) - Number(other.fan_seats)} free seat(s).`,
      };
    }
    return { table: null, hint: `Open a new table on “${table.topic}”.` };
  }

  /** Publishes the new state of tables on the floor (`space:<id>`) and each table's own stream. */
  private async changed(tableIds: string[]): Promise<void> {
    try {
      const rows = await this.d.db.selectFrom('cafe_tables').selectAll().where('id', 'in', tableIds).execute();
      for (const table of await toTables(this.d.db, rows)) {
        await this.d.streams.append({ stream: streamName.space(table.spaceId), type: 'table:changed', data: { table }, actorId: null });
        await this.d.streams.append({ stream: streamName.table(table.id), type: 'table:changed', data: { table }, actorId: null });
      }
    } catch (err) {
      // The seats are stored; the floor is right again on its next load.
      this.d.log.error({ err, tableIds }, 'could not announce a table change');
    }
  }

  // ---- connections and the grace period ---------------------------------------------------

  /**
   * A seat taken by someone with no live socket here (a REST-only client) starts in its grace
   * period: it is theirs once they connect, and frees itself if they never do.
   */
  private awaySince(userId: string, now: string): string | null {
    return this.sockets.has(userId) ? null : now;
  }

  /** A socket of this person connected here: seats kept for them during the grace period are theirs again. */
  async connected(userId: string): Promise<void> {
    this.sockets.set(userId, (this.sockets.get(userId) ?? 0) + 1);
    await this.ready;
    const back = await this.d.db
      .updateTable('table_seats')
      .set({ away_since: null })
      .where('user_id', '=', userId)
      .where('away_since', 'is not', null)
      .returning('table_id')
      .execute();
    if (back.length) await this.changed(back.map((r) => r.table_id));
  }

  /** A socket closed; when it was the person's last one here, their seats start the grace period. */
  async disconnected(userId: string): Promise<void> {
    const left = (this.sockets.get(userId) ?? 1) - 1;
    if (left > 0) return void this.sockets.set(userId, left);
    this.sockets.delete(userId);
    await this.ready;
    const away = await this.d.db
      .updateTable('table_seats')
      .set({ away_since: this.now() })
      .where('user_id', '=', userId)
      .where('away_since', 'is', null)
      .returning('table_id')
      .execute();
    if (away.length) await this.changed(away.map((r) => r.table_id));
  }

  /** Frees the seats whose grace period ran out (by the injected clock). */
  sweep(): Promise<void> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = (async () => {
      try {
        await this.ready;
        const cutoff = new Date(this.d.clock.now().getTime() - this.options.graceMs).toISOString();
        const expired = await this.d.db.selectFrom('table_seats').selectAll().where('away_since', '<=', cutoff).execute();
        for (const seat of expired) {
          if (this.sockets.has(seat.user_id)) continue;
          const left = await this.d.db.transaction().execute(async (trx) => {
            // Still away (not back meanwhile): free it.
            const still = await trx
              .selectFrom('table_seats')
              .select('away_since')
              .where('table_id', '=', seat.table_id)
              .where('user_id', '=', seat.user_id)
              .executeTakeFirst();
            if (!still?.away_since || still.away_since > cutoff) return null;
            return this.vacate(trx, seat.space_id, seat.user_id, this.now(), seat.table_id);
          });
          if (left) {
            await this.changed([left]);
            await this.d.refreshDocAccess(docName.table(left));
          }
        }
        await this.closeIdle();
      } catch (err) {
        this.d.log.error({ err }, 'cafe sweep failed');
      } finally {
        this.sweeping = null;
      }
    })();
    return this.sweeping;
  }

  /**
   * Closes tables nobody sits at and nothing happened at for `emptyCloseMs`: one conditional
   * statement (sitting down bumps `last_activity_at`, so a table someone just sat at never matches).
   * A closed table keeps its chat, hands and notepad; sitting down reopens it.
   */
  private async closeIdle(): Promise<void> {
    const now = this.now();
    const cutoff = new Date(this.d.clock.now().getTime() - this.options.emptyCloseMs).toISOString();
    const closed = await this.d.db.transaction().execute(async (trx) => {
      const rows = await trx
        .updateTable('cafe_tables')
        .set({ closed_at: now })
        .where('closed_at', 'is', null)
        .where('last_activity_at', '<=', cutoff)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('table_seats').select('table_seats.user_id').whereRef('table_seats.table_id', '=', 'cafe_tables.id'))))
        .returning('id')
        .execute();
      const ids = rows.map((r) => r.id);
      if (ids.length) {
        await trx.updateTable('table_hands').set({ lowered_at: now }).where('table_id', 'in', ids).where('lowered_at', 'is', null).execute();
      }
      return ids;
    });
    if (closed.length) await this.changed(closed);
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.sweeping;
  }

  // ---- chat --------------------------------------------------------------------------------

  /** Who may speak (and type) at a table: the people seated, and the space's staff. */
  private async requireVoice(viewer: Viewer, tableId: string) {
    const access = await requireTable(this.d.db, viewer, tableId, 'fan');
    if (access.table.closed_at !== null) throw forbidden('This table is closed: sit down to reopen it');
    if (!hasRole(access.role, 'staff') && !(await isSeated(this.d.db, tableId, viewer.id))) {
      throw forbidden('Sit down at this table to talk');
    }
    return access;
  }

  async say(viewer: Viewer, input: { tableId: string; body: string; idempotencyKey?: string }): Promise<TableMessage> {
    const { db, streams, moderation } = this.d;
    const { table, space } = await this.requireVoice(viewer, input.tableId);
    if (input.idempotencyKey) {
      const earlier = await streams.earlier(viewer.id, input.idempotencyKey);
      if (earlier) return messageOf(earlier);
    }
    const screened = await moderation.screen({ space, kind: 'table-message', text: input.body, author: person(viewer) });
    if (screened.duplicateOf) {
      const first = await loadMessage(db, screened.duplicateOf.id);
      if (first) return first;
    }
    const visible = screened.visibility === 'visible';
    const now = this.now();
    const row = { id: newId(), table_id: table.id, author_id: viewer.id, body: input.body, created_at: now, visibility: screened.visibility };
    let itemId = '';
    const { event } = await streams.append({
      // A held message is told only to its author until staff approve it.
      stream: visible ? streamName.table(table.id) : streamName.user(viewer.id),
      type: 'table:message',
      data: { message: toMessage(row, person(viewer)) },
      actorId: viewer.id,
      idempotencyKey: input.idempotencyKey,
      alongside: async (trx) => {
        await trx.insertInto('table_messages').values(row).execute();
        await trx.updateTable('cafe_tables').set({ last_activity_at: now }).where('id', '=', table.id).execute();
        itemId = await moderation.record(trx, {
          spaceId: space.id,
          kind: 'table-message',
          contentId: row.id,
          authorId: viewer.id,
          text: row.body,
          screened,
        });
      },
    });
    if (itemId) await moderation.announce(space.id, itemId);
    return messageOf(event);
  }

  /** Checks the typist may speak at the table; the relay itself is the handler's. */
  async mayType(viewer: Viewer, tableId: string): Promise<void> {
    await this.requireVoice(viewer, tableId);
  }

  // ---- raised hands --------------------------------------------------------------------------

  async hand(viewer: Viewer, input: { tableId: string; raised: boolean; question?: string; idempotencyKey?: string }): Promise<Hand | null> {
    const { db, streams } = this.d;
    const { table, space } = await requireTable(db, viewer, input.tableId, 'fan');
    if (!(await isSeated(db, table.id, viewer.id))) throw forbidden('Sit down at this table to raise your hand');
    const open = await db
      .selectFrom('table_hands')
      .selectAll()
      .where('table_id', '=', table.id)
      .where('user_id', '=', viewer.id)
      .where('lowered_at', 'is', null)
      .executeTakeFirst();
    const now = this.now();
    if (!input.raised) {
      if (!open) return null;
      const lowered: HandRow = { ...open, lowered_at: now };
      const hand = await toHand(db, lowered);
      await streams.append({
        stream: streamName.table(table.id),
        type: 'table:hand-lowered',
        data: { hand },
        actorId: viewer.id,
        idempotencyKey: input.idempotencyKey,
        alongside: async (trx) => {
          await trx.updateTable('table_hands').set({ lowered_at: now }).where('id', '=', open.id).where('lowered_at', 'is', null).execute();
        },
      });
      return hand;
    }
    if (open) return toHand(db, open);
    let question = input.question?.trim() || null;
    if (question) {
      // The question is screened like a message; one that would need review is not shown (the hand still goes up).
      const screened = await this.d.moderation.screen({ space, kind: 'table-message', text: question, author: person(viewer) });
      if (screened.visibility !== 'visible') question = null;
    }
    const row: HandRow = {
      id: newId(),
      table_id: table.id,
      user_id: viewer.id,
      question,
      raised_at: now,
      lowered_at: null,
      answered_at: null,
      answered_by: null,
    };
    const hand = await toHand(db, row);
    const { event } = await streams.append({
      stream: streamName.table(table.id),
      type: 'table:hand-raised',
      data: { hand },
      actorId: viewer.id,
      idempotencyKey: input.idempotencyKey,
      alongside: async (trx) => {
        await trx.insertInto('table_hands').values(row).execute();
      },
    });
    await this.changed([table.id]);
    return event.type === 'table:hand-raised' ? event.data.hand : hand;
  }

  /** Staff answer a raised hand: it goes down, with who answered and when (the waiting time). */
  async answer(viewer: Viewer, input: { handId: string; idempotencyKey?: string }): Promise<Hand> {
    const { db, streams } = this.d;
    const found = await db.selectFrom('table_hands').selectAll().where('id', '=', input.handId).executeTakeFirst();
    if (!found) throw notFound('Hand');
    await requireTable(db, viewer, found.table_id, 'staff');
    if (input.idempotencyKey) {
      const earlier = await streams.earlier(viewer.id, input.idempotencyKey);
      if (earlier?.type === 'table:hand-lowered') return earlier.data.hand;
    }
    if (found.lowered_at !== null) {
      const by = found.answered_by ? ' (answered)' : ' (lowered)';
      throw new AppError(ERROR_CODES.CONFLICT, `This hand is already down${by}`);
    }
    const now = this.now();
    const hand = await toHand(db, { ...found, lowered_at: now, answered_at: now, answered_by: viewer.id });
    let won = true;
    await streams.append({
      stream: streamName.table(found.table_id),
      type: 'table:hand-lowered',
      data: { hand },
      actorId: viewer.id,
      idempotencyKey: input.idempotencyKey,
      alongside: async (trx) => {
        const res = await trx
          .updateTable('table_hands')
          .set({ lowered_at: now, answered_at: now, answered_by: viewer.id })
          .where('id', '=', found.id)
          .where('lowered_at', 'is', null)
          .executeTakeFirst();
        won = Number(res.numUpdatedRows) === 1;
        // Of two staff answering at once exactly one wins; the other's event is rolled back.
        if (!won) throw new AppError(ERROR_CODES.CONFLICT, 'Someone else answered this hand first');
      },
    });
    // The fan hears it on their own stream too (a notification that survives being away).
    await streams.append({ stream: streamName.user(found.user_id), type: 'table:hand-lowered', data: { hand }, actorId: viewer.id });
    await this.changed([found.table_id]);
    return hand;
  }

  /** Raised hands still up in a space, longest waiting first (the staff's queue). */
  async openHands(viewer: Viewer, slug: string): Promise<Hand[]> {
    const { space } = await requireSpace(this.d.db, viewer, { slug }, 'staff');
    const rows = await this.d.db
      .selectFrom('table_hands')
      .innerJoin('cafe_tables', 'cafe_tables.id', 'table_hands.table_id')
      .selectAll('table_hands')
      .where('cafe_tables.space_id', '=', space.id)
      .where('table_hands.lowered_at', 'is', null)
      .orderBy('table_hands.raised_at')
      .limit(200)
      .execute();
    return Promise.all(rows.map((r) => toHand(this.d.db, r)));
  }
}

function messageOf(event: StreamEvent): TableMessage {
  if (event.type !== 'table:message') throw new AppError(ERROR_CODES.CONFLICT, 'This idempotency key was used for another kind of write');
  return event.data.message;
}

export { findTable };
