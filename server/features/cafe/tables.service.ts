import { ERROR_CODES } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { CafeTable } from '../../../shared/schemas/cafe.js';
import { AppError, forbidden } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { requireSpace } from '../spaces/access.js';
import { ensureMember, parseSettings } from '../spaces/spaces.repository.js';
import type { Viewer } from '../users/viewer.js';
import { requireTable, requireTableReader } from './cafe.access.js';
import { appendAudit } from '../audit/audit.repository.js';
import { docName } from '../../../shared/doc-names.js';
import { streamName } from '../../../shared/streams.js';
import type { Conversation } from '../../../shared/schemas/cafe.js';
import { earlierTableRows, floorRows, insertSeat, latestMessages, loadTable, toHand, toTables } from './cafe.repository.js';
import { isoNow, withoutNames, type CafeDeps, type FloorAudience, type TableChanges } from './cafe.shared.js';
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
    return (await this.watchFloor(viewer, slug, query)).page;
  }

  /**
   * The floor's first (or next) page, the space it belongs to (for `floor:watch`), and for whom:
   * people of the space see who sits where; anonymous visitors of a public space (the widget)
   * see the tables and their free seats without names (see docs/cafe.md).
   */
  async watchFloor(viewer: Viewer | null, slug: string, query: { cursor?: string; limit: number; topic?: string; tag?: string }) {
    const { spaceId: id, audience } = await this.floorAudience(viewer, slug);
    const space = { id };
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await floorRows(this.d.db, space.id, { topic: query.topic, tag: query.tag, after, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const items = await toTables(this.d.db, page, this.d.clock.now());
    return {
      spaceId: space.id,
      audience,
      page: {
        items: audience === 'public' ? items.map(withoutNames) : items,
        nextCursor: rows.length > query.limit && last ? encodeCursor(last.last_activity_at, last.id) : null,
      },
    };
  }

  /** Which floor a viewer may watch: the space's, with names (its people) or without (anonymous visitors of a public space). */
  async floorAudience(viewer: Viewer | null, slug: string): Promise<{ spaceId: string; audience: FloorAudience }> {
    const { space, role } = await requireSpace(this.d.db, viewer, { slug }, null);
    return { spaceId: space.id, audience: role === null ? 'public' : 'members' };
  }

  async get(viewer: Viewer | null, tableId: string): Promise<CafeTable> {
    await requireTable(this.d.db, viewer, tableId, null);
    return (await loadTable(this.d.db, tableId, this.d.clock.now()))!;
  }

  /** Closed tables the viewer sat at, latest visit first: places to go back to. */
  async earlier(viewer: Viewer, slug: string, limit: number): Promise<CafeTable[]> {
    const { space } = await requireSpace(this.d.db, viewer, { slug }, 'fan');
    return toTables(this.d.db, await earlierTableRows(this.d.db, space.id, viewer.id, limit), this.d.clock.now());
  }

  /**
   * Arriving at a table: the last messages (the viewer's own held ones too), the hands up, and
   * the stream head to follow on from. For those who may read the chat (see tableStreamAccess).
   */
  async conversation(viewer: Viewer, tableId: string, limit: number): Promise<Conversation> {
    await requireTableReader(this.d.db, viewer, tableId);
    const head = await this.d.streams.head(streamName.table(tableId));
    const [table, messages, hands] = await Promise.all([
      loadTable(this.d.db, tableId, this.d.clock.now()),
      latestMessages(this.d.db, tableId, viewer.id, limit),
      this.d.db.selectFrom('table_hands').selectAll().where('table_id', '=', tableId).where('lowered_at', 'is', null).orderBy('raised_at').execute(),
    ]);
    return { table: table!, messages, hands: await Promise.all(hands.map((h) => toHand(this.d.db, h))), head };
  }

  /** Staff lock a table (no new fan seats; fans read, only staff write) or unlock it. */
  async lock(viewer: Viewer, tableId: string, locked: boolean): Promise<CafeTable> {
    const { table } = await requireTable(this.d.db, viewer, tableId, 'staff');
    if ((table.locked_at !== null) !== locked) {
      const now = this.now();
      await this.d.db.transaction().execute(async (trx) => {
        await trx.updateTable('cafe_tables').set({ locked_at: locked ? now : null }).where('id', '=', tableId).execute();
        await appendAudit(trx, {
          spaceId: table.space_id,
          actorId: viewer.id,
          action: locked ? 'table.lock' : 'table.unlock',
          targetType: 'table',
          targetId: tableId,
          before: { locked: !locked },
          after: { locked },
          now,
        });
      });
      await this.changed([tableId]);
      await this.d.refreshDocAccess(docName.table(tableId));
    }
    return (await loadTable(this.d.db, tableId, this.d.clock.now()))!;
  }

  /**
   * Staff close a table now: everyone stands up, its hands go down, it leaves the floor. Its
   * chat and notepad stay; sitting down reopens it (unless it is also locked).
   */
  async close(viewer: Viewer, tableId: string): Promise<CafeTable> {
    const { table } = await requireTable(this.d.db, viewer, tableId, 'staff');
    if (table.closed_at === null) {
      const now = this.now();
      await this.d.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('table_seats').where('table_id', '=', tableId).execute();
        await trx.updateTable('cafe_tables').set({ closed_at: now, fan_seats: 0, last_activity_at: now }).where('id', '=', tableId).execute();
        await trx.updateTable('table_hands').set({ lowered_at: now }).where('table_id', '=', tableId).where('lowered_at', 'is', null).execute();
        await appendAudit(trx, { spaceId: table.space_id, actorId: viewer.id, action: 'table.close', targetType: 'table', targetId: tableId, before: null, after: null, now });
      });
      await this.changed([tableId]);
      await this.d.refreshDocAccess(docName.table(tableId));
    }
    return (await loadTable(this.d.db, tableId, this.d.clock.now()))!;
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
          locked_at: null,
        })
        .execute();
      const left = await this.seats.vacate(trx, space.id, viewer.id, now);
      await insertSeat(trx, { tableId: id, spaceId: space.id, userId: viewer.id, staff, now, awaySince: this.seats.awaySince(viewer.id, now) });
      return left;
    });
    await this.changed([id, ...(left ? [left] : [])]);
    if (left) await this.d.refreshDocAccess(docName.table(left));
    return (await loadTable(this.d.db, id, this.d.clock.now()))!;
  }

  /** The host (or staff) changes the topic. */
  async editTopic(viewer: Viewer, tableId: string, topic: string): Promise<CafeTable> {
    const { table, role } = await requireTable(this.d.db, viewer, tableId, 'fan');
    if (table.host_id !== viewer.id && !hasRole(role, 'staff')) throw forbidden('Only the host of this table may change its topic');
    await this.d.db.updateTable('cafe_tables').set({ topic, last_activity_at: this.now() }).where('id', '=', tableId).execute();
    await this.changed([tableId]);
    return (await loadTable(this.d.db, tableId, this.d.clock.now()))!;
  }
}
