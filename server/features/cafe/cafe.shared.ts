import type { Kysely } from 'kysely';
import type { CafeTable } from '../../../shared/schemas/cafe.js';
import { DEFAULT_SPACE_SETTINGS } from '../../../shared/schemas/spaces.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Moderation } from '../moderation/moderation.service.js';
import type { Notifier } from '../notifications/notifier.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';
import { toTables } from './cafe.repository.js';
import type { FloorFeed } from './floor-feed.js';

/** How long a seat is kept for someone whose last connection dropped. */
export const CAFE_GRACE_MS = 30_000;
/** How long an empty table stays on the floor before it closes, unless the space says otherwise (`emptyTableCloseMinutes`). */
export const CAFE_EMPTY_CLOSE_MS = DEFAULT_SPACE_SETTINGS.emptyTableCloseMinutes * 60_000;
/** How often seats past their grace period (and idle empty tables) are looked for. */
export const CAFE_SWEEP_MS = 1_000;

export interface CafeOptions {
  graceMs: number;
  sweepMs: number;
  /** When set, replaces every space's `emptyTableCloseMinutes` (tests). */
  emptyCloseMs?: number;
}

export interface CafeDeps {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  streams: StreamLog;
  moderation: Moderation;
  /** Answered hands and staff sitting down notify the fans concerned. */
  notifier: Notifier;
  /** Re-checks open notepad connections after seats change (a person who left turns `none`). */
  refreshDocAccess: (name: string) => Promise<void>;
  /** Batched live changes for the floor's watchers. */
  floor: FloorFeed;
}

/** Who watches a floor: people of the space, or anonymous visitors of a public space. */
export type FloorAudience = 'members' | 'public';

/** A table as anonymous visitors see it: topic, tags and free seats, not who sits there. */
export function withoutNames(table: CafeTable): CafeTable {
  return { ...table, hostId: null, people: [] };
}

/** Publishes the new state of the given tables (see `tableChanges`). */
export type TableChanges = (tableIds: string[]) => Promise<void>;

export const person = (viewer: Viewer) => ({ id: viewer.id, displayName: viewer.displayName });

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** Publishes the new state of tables on each table's own stream, and to the floor's next batch. */
export function tableChanges(d: Pick<CafeDeps, 'db' | 'streams' | 'log' | 'clock' | 'floor'>): TableChanges {
  return async (tableIds) => {
    try {
      const rows = await d.db.selectFrom('cafe_tables').selectAll().where('id', 'in', tableIds).execute();
      for (const table of await toTables(d.db, rows, d.clock.now())) {
        d.floor.changed(table.spaceId, table.id);
        await d.streams.append({ stream: streamName.table(table.id), type: 'table:changed', data: { table }, actorId: null });
      }
    } catch (err) {
      // The seats are stored; the floor is right again on its next load.
      d.log.error({ err, tableIds }, 'could not announce a table change');
    }
  };
}
