import { ERROR_CODES } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { CafeTable } from '../../../shared/schemas/cafe.js';
import { AppError, forbidden } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { requireSpace } from '../spaces/access.js';
import { ensureMember, parseSettings } from '../spaces/spaces.repository.js';
import type { Viewer } from '../users/viewer.js';
import { requireTable } from './cafe.access.js';
import { floorRows, loadTable, toTables } from './cafe.repository.js';
import { isoNow, type CafeDeps, type TableChanges } from './cafe.shared.js';
import type { SeatsService } from './seats.service.js';

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

/** The tables on a space's floor: listing them, opening one, changing its topic. */
export class TablesService {
  constructor(
    private readonly d: CafeDeps,
    private readonly seats: SeatsService,
    private readonly changed: TableChanges,
  ) {}

  private now() {
    return isoNow(this.d.clock);
  }

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
      const left = await this.seats.vacate(trx, space.id, viewer.id, now);
      await trx
        .insertInto('table_seats')
        .values({ table_id: id, space_id: space.id, user_id: viewer.id, staff: staff ? 1 : 0, seated_at: now, away_since: this.seats.awaySince(viewer.id, now) })
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
}
