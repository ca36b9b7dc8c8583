import { ERROR_CODES } from '../../../shared/errors.js';
import type { Hand } from '../../../shared/schemas/cafe.js';
import { streamName } from '../../../shared/streams.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { handAnsweredFact } from '../notifications/facts.js';
import type { RecordedNotification } from '../notifications/notifier.js';
import { requireSpace } from '../spaces/access.js';
import type { Viewer } from '../users/viewer.js';
import { isSeated, requireTable } from './cafe.access.js';
import { toHand, type HandRow } from './cafe.repository.js';
import { isoNow, person, type CafeDeps, type TableChanges } from './cafe.shared.js';

/** Raised hands at tables, and the staff's queue of them. */
export class HandsService {
  constructor(
    private readonly d: CafeDeps,
    private readonly changed: TableChanges,
  ) {}

  private now() {
    return isoNow(this.d.clock);
  }

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
      // The floors show the hands up: one fewer now.
      await this.changed([table.id]);
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
    const { table, space } = await requireTable(db, viewer, found.table_id, 'staff');
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
    let notified: RecordedNotification[] = [];
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
        notified = await this.d.notifier.record(trx, [
          handAnsweredFact({
            spaceId: space.id,
            actor: person(viewer),
            hand: { id: found.id, userId: found.user_id, question: found.question },
            table: { id: table.id, topic: table.topic },
          }),
        ]);
      },
    });
    await this.d.notifier.deliver(notified);
    // The fan hears it on their own stream too (a notification that survives being away).
    await streams.append({ stream: streamName.user(found.user_id), type: 'table:hand-lowered', data: { hand }, actorId: viewer.id });
    await this.changed([found.table_id]);
    return hand;
  }

  /** Staff spoke at the table: every hand up there is answered by them. */
  async answerAllAt(viewer: Viewer, tableId: string): Promise<void> {
    const open = await this.d.db.selectFrom('table_hands').select('id').where('table_id', '=', tableId).where('lowered_at', 'is', null).execute();
    for (const { id } of open) {
      await this.answer(viewer, { handId: id }).catch((err) => {
        // Lowered or answered meanwhile: nothing left to do for that hand.
        if (!(err instanceof AppError && err.code === ERROR_CODES.CONFLICT)) throw err;
      });
    }
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
