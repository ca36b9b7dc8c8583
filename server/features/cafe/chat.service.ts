import { ERROR_CODES } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { TableMessage } from '../../../shared/schemas/cafe.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { AppError, forbidden } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import type { Viewer } from '../users/viewer.js';
import { isSeated, requireTable } from './cafe.access.js';
import { loadMessage, toMessage } from './cafe.repository.js';
import { isoNow, person, type CafeDeps } from './cafe.shared.js';
import type { HandsService } from './hands.service.js';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import { queryShape } from '../../db/query-shape.js';

// Written with every table message: compiled once (queryShape).
const insertMessage = queryShape<Insertable<Database['table_messages']>, never>((db, p) =>
  db.insertInto('table_messages').values({
    id: p('id'),
    table_id: p('table_id'),
    author_id: p('author_id'),
    body: p('body'),
    created_at: p('created_at'),
    visibility: p('visibility')!,
  }),
);
const touchTable = queryShape<{ id: string; now: string }, never>((db, p) =>
  db.updateTable('cafe_tables').set({ last_activity_at: p('now') }).where('id', '=', p('id')),
);

/** Table chat: moderated messages, and who may type. */
export class ChatService {
  constructor(
    private readonly d: CafeDeps,
    private readonly hands: HandsService,
  ) {}

  private now() {
    return isoNow(this.d.clock);
  }

  /** Who may speak (and type) at a table: the people seated, and the space's staff. */
  private async requireVoice(viewer: Viewer, tableId: string) {
    const access = await requireTable(this.d.db, viewer, tableId, 'fan');
    if (access.table.closed_at !== null) throw forbidden('This table is closed: sit down to reopen it');
    if (hasRole(access.role, 'staff')) return access;
    if (access.table.locked_at !== null) throw forbidden('This table is locked: only staff may write here');
    if (!(await isSeated(this.d.db, tableId, viewer.id))) throw forbidden('Sit down at this table to talk');
    return access;
  }

  async say(viewer: Viewer, input: { tableId: string; body: string; idempotencyKey?: string }): Promise<TableMessage> {
    const { db, streams, moderation } = this.d;
    const { table, space, role } = await this.requireVoice(viewer, input.tableId);
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
    const staff = hasRole(role, 'staff');
    let raisedHands = 0;
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
        await insertMessage(trx, row);
        await touchTable(trx, { id: table.id, now });
        if (staff) {
          const up = await trx
            .selectFrom('table_hands')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('table_id', '=', table.id)
            .where('lowered_at', 'is', null)
            .executeTakeFirstOrThrow();
          raisedHands = Number(up.n);
        }
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
    if (itemId) await moderation.announce(space.id, itemId, screened.status);
    if (visible) {
      this.d.floor.lively(space.id, table.id);
      // Staff speaking at the table answers the hands raised there (the wait is recorded).
      if (raisedHands > 0) await this.hands.answerAllAt(viewer, table.id);
    }
    return messageOf(event);
  }

  /** Checks the typist may speak at the table; the relay itself is the handler's. */
  async mayType(viewer: Viewer, tableId: string): Promise<void> {
    await this.requireVoice(viewer, tableId);
  }
}

function messageOf(event: StreamEvent): TableMessage {
  if (event.type !== 'table:message') throw new AppError(ERROR_CODES.CONFLICT, 'This idempotency key was used for another kind of write');
  return event.data.message;
}
