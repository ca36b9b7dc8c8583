import type { ExpressionBuilder, Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { SeatResult, TableAlternative } from '../../../shared/schemas/cafe.js';
import type { Database } from '../../db/database.js';
import { AppError, forbidden } from '../../http/errors.js';
import { staffJoinedFact } from '../notifications/facts.js';
import type { RecordedNotification } from '../notifications/notifier.js';
import { ensureMember, parseSettings } from '../spaces/spaces.repository.js';
import type { Viewer } from '../users/viewer.js';
import { requireTable } from './cafe.access.js';
import { emptiestOnTopic, findSeat, insertSeat, loadTable, seatAt, type TableRow } from './cafe.repository.js';
import { isoNow, type CafeDeps, type CafeOptions, type TableChanges } from './cafe.shared.js';

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

/** The shortest `emptyTableCloseMinutes` a space may choose. */
const MIN_EMPTY_CLOSE_MS = 60_000;

/**
 * Seats at cafe tables (the cap holds under concurrent joins: the seat count is a conditional
 * update in the same transaction as the seat insert), presence, and the grace period that keeps
 * a seat for someone who lost their connection; the sweep also closes idle empty tables.
 * Seats live in the database; the only memory is how many sockets each person has open here.
 */
export class SeatsService {
  private readonly sockets = new Map<string, number>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  /** After a restart every seat starts its grace period: its people reconnect and keep it. */
  readonly ready: Promise<void>;

  constructor(
    private readonly d: CafeDeps,
    private readonly options: CafeOptions,
    private readonly changed: TableChanges,
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
    return isoNow(this.d.clock);
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
    if (table.locked_at !== null && !staff) throw forbidden('This table is locked: staff closed it to new seats');
    const now = this.now();
    const awaySince = this.awaySince(viewer.id, now);
    let outcome: { left: string | null; seatedAt: string; changed: boolean; notified: RecordedNotification[] };
    try {
      outcome = await this.d.db.transaction().execute(async (trx) => {
        const current = await findSeat(trx, space.id, viewer.id);
        if (current?.table_id === tableId) {
          // Already here (a retry, or back within the grace period).
          const back = current.away_since !== null && awaySince === null;
          if (back) {
            await trx.updateTable('table_seats').set({ away_since: null }).where('table_id', '=', tableId).where('user_id', '=', viewer.id).execute();
          }
          return { left: null, seatedAt: current.seated_at, changed: back, notified: [] };
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
        await insertSeat(trx, { tableId, spaceId: space.id, userId: viewer.id, staff, now, awaySince });
        // Staff sitting down: the fans seated here hear it (also those away in their grace period).
        const notified = staff ? await this.notifyStaffJoined(trx, viewer, space.id, table, now) : [];
        return { left, seatedAt: now, changed: true, notified };
      });
    } catch (err) {
      if (err instanceof Full) throw new TableFullError(await this.alternative(table));
      throw err;
    }
    await this.d.notifier.deliver(outcome.notified);
    if (outcome.changed) await this.changed([tableId, ...(outcome.left ? [outcome.left] : [])]);
    if (outcome.left) await this.d.refreshDocAccess(docName.table(outcome.left));
    return { table: (await loadTable(this.d.db, tableId, this.d.clock.now()))!, seat: { staff, sinceAt: outcome.seatedAt } };
  }

  private async notifyStaffJoined(
    trx: Kysely<Database>,
    viewer: Viewer,
    spaceId: string,
    table: TableRow,
    seatedAt: string,
  ): Promise<RecordedNotification[]> {
    const fans = await trx.selectFrom('table_seats').select('user_id').where('table_id', '=', table.id).where('staff', '=', 0).execute();
    if (fans.length === 0) return [];
    return this.d.notifier.record(trx, [
      staffJoinedFact({
        spaceId,
        actor: { id: viewer.id, displayName: viewer.displayName },
        table: { id: table.id, topic: table.topic },
        seatedAt,
        fans: fans.map((f) => f.user_id),
      }),
    ]);
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
  async vacate(trx: Kysely<Database>, spaceId: string, userId: string, now: string, onlyAt?: string): Promise<string | null> {
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

  // ---- connections and the grace period ---------------------------------------------------

  /**
   * A seat taken by someone with no live socket here (a REST-only client) starts in its grace
   * period: it is theirs once they connect, and frees itself if they never do.
   */
  awaySince(userId: string, now: string): string | null {
    return this.sockets.has(userId) ? null : now;
  }

  /** A socket of this person connected here: seats kept for them during the grace period are theirs again. */
  async connected(userId: string): Promise<void> {
    this.sockets.set(userId, (this.sockets.get(userId) ?? 0) + 1);
    await this.ready;
    // Most connections have no seat in its grace period: a read, not a write, tells.
    const away = await this.d.db.selectFrom('table_seats').select('table_id').where('user_id', '=', userId).where('away_since', 'is not', null).executeTakeFirst();
    if (!away) return;
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
   * Closes tables nobody sits at and nothing happened at for their space's
   * `emptyTableCloseMinutes`: candidates are read first, then closed by a conditional statement
   * per cutoff (sitting down bumps `last_activity_at`, so a table someone just sat at never matches).
   * A closed table keeps its chat, hands and notepad; sitting down reopens it.
   */
  private async closeIdle(): Promise<void> {
    const nowDate = this.d.clock.now();
    const now = nowDate.toISOString();
    const shortest = this.options.emptyCloseMs ?? MIN_EMPTY_CLOSE_MS;
    const noSeats = (eb: ExpressionBuilder<Database, 'cafe_tables'>) =>
      eb.not(eb.exists(eb.selectFrom('table_seats').select('table_seats.user_id').whereRef('table_seats.table_id', '=', 'cafe_tables.id')));
    const candidates = await this.d.db
      .selectFrom('cafe_tables')
      .innerJoin('spaces', 'spaces.id', 'cafe_tables.space_id')
      .select(['cafe_tables.id', 'cafe_tables.last_activity_at', 'spaces.settings'])
      .where('cafe_tables.closed_at', 'is', null)
      .where('cafe_tables.last_activity_at', '<=', new Date(nowDate.getTime() - shortest).toISOString())
      .where(noSeats)
      .execute();
    const byCutoff = new Map<string, string[]>();
    for (const c of candidates) {
      const closeMs = this.options.emptyCloseMs ?? parseSettings(c).emptyTableCloseMinutes * 60_000;
      const cutoff = new Date(nowDate.getTime() - closeMs).toISOString();
      if (c.last_activity_at <= cutoff) byCutoff.set(cutoff, [...(byCutoff.get(cutoff) ?? []), c.id]);
    }
    if (byCutoff.size === 0) return;
    const closed = await this.d.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const [cutoff, tableIds] of byCutoff) {
        const rows = await trx
          .updateTable('cafe_tables')
          .set({ closed_at: now })
          .where('id', 'in', tableIds)
          .where('closed_at', 'is', null)
          .where('last_activity_at', '<=', cutoff)
          .where(noSeats)
          .returning('id')
          .execute();
        ids.push(...rows.map((r) => r.id));
      }
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
}
