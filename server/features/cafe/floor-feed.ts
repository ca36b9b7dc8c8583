import type { Kysely } from 'kysely';
import { SpaceBatches } from './space-batches.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { AppServer } from '../../realtime/io.js';
import { floorRoom } from '../../realtime/rooms.js';
import { toTables } from './cafe.repository.js';
import { withoutNames } from './cafe.shared.js';

/** Seats, topics, hands, locks: at most one delta per space in this time. */
export const FLOOR_BATCH_MS = 500;
/** Chat only changes how lively a table looks: that may wait longer. */
export const FLOOR_ACTIVITY_MS = 5_000;

interface Pending {
  changed: Set<string>;
  lively: Set<string>;
}

/** Follows the same table changes as the floor (the staff floor does), told as they are noted. */
export interface FloorObserver {
  changed(spaceId: string, tableId: string): void;
  lively(spaceId: string, tableId: string): void;
}

/**
 * The live floor: table changes are collected per space and sent to the space's floor watchers
 * as one `floor:delta` per batch, so a thousand fans sitting down cost each watcher a few small
 * messages a second, not a thousand. Deltas are not stored: a watcher who reconnects loads the
 * floor again. Each delta reads the tables' state when it is sent, so it is never older than the
 * changes it reports.
 */
export class FloorFeed {
  readonly #batches = new SpaceBatches<Pending>(() => ({ changed: new Set<string>(), lively: new Set<string>() }), (batch) => this.#send(batch));
  readonly #observers: FloorObserver[] = [];

  constructor(
    private readonly d: { db: Kysely<Database>; clock: Clock; log: Logger },
    /** null while no Socket.IO server runs (the demo seed): nobody watches yet. */
    private readonly io: () => AppServer | null,
    private readonly options = { batchMs: FLOOR_BATCH_MS, activityMs: FLOOR_ACTIVITY_MS },
  ) {}

  /** Another view of the floor that follows the same changes (it batches and sends them itself). */
  observe(observer: FloorObserver): void {
    this.#observers.push(observer);
  }

  /** Tables whose seats, topic, hands, lock or open/closed state changed. */
  changed(spaceId: string, tableId: string): void {
    this.#batches.add(spaceId, this.options.batchMs).changed.add(tableId);
    for (const observer of this.#observers) observer.changed(spaceId, tableId);
  }

  /** A table had a message: its liveliness moved. */
  lively(spaceId: string, tableId: string): void {
    this.#batches.add(spaceId, this.options.activityMs).lively.add(tableId);
    for (const observer of this.#observers) observer.lively(spaceId, tableId);
  }

  /** Sends what is pending now (tests call it instead of waiting). */
  flush(): Promise<void> {
    return this.#batches.flush();
  }

  async #send(batch: [string, Pending][]): Promise<void> {
    if (!this.io()) return;
    for (const [spaceId, { changed, lively }] of batch) {
      try {
        const ids = [...new Set([...changed, ...lively])];
        const rows = await this.d.db.selectFrom('cafe_tables').selectAll().where('id', 'in', ids).execute();
        const open = rows.filter((r) => r.closed_at === null);
        const closed = rows.filter((r) => r.closed_at !== null).map((r) => r.id);
        const tables = await toTables(this.d.db, open, this.d.clock.now());
        const io = this.io();
        io?.to(floorRoom(spaceId)).emit('floor:delta', { spaceId, tables, closed });
        io?.to(floorRoom(spaceId, 'public')).emit('floor:delta', { spaceId, tables: tables.map(withoutNames), closed });
      } catch (err) {
        // The tables are stored; watchers see them on their next load.
        this.d.log.error({ err, spaceId }, 'could not send a floor delta');
      }
    }
  }

  async close(): Promise<void> {
    await this.#batches.close();
  }
}
