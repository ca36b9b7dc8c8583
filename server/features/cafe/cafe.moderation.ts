import type { Kysely } from 'kysely';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import type { ItemContext, ModeratedKind } from '../moderation/kinds.js';
import type { StreamLog } from '../streams/stream-log.js';
import { loadMessage } from './cafe.repository.js';

/** How moderation shows, hides and corrects table messages, and tells the table. */
export function tableMessageModeration(d: { db: Kysely<Database>; streams: StreamLog }): ModeratedKind {
  return {
    kind: 'table-message',
    async setVisibility(trx, messageId, visibility) {
      await trx.updateTable('table_messages').set({ visibility }).where('id', '=', messageId).execute();
    },
    async replaceText(trx, messageId, text) {
      await trx.updateTable('table_messages').set({ body: text }).where('id', '=', messageId).execute();
    },
    async afterDecision(messageId) {
      const message = await loadMessage(d.db, messageId);
      if (!message) return;
      // Approved: the message appears at the table. Rejected: the same id comes again with
      // `visibility: "rejected"` and no text, so a client that showed it (flagged) removes it.
      await d.streams.append({ stream: streamName.table(message.tableId), type: 'table:message', data: { message }, actorId: null });
    },
    async describe(db, ids) {
      const rows = await db
        .selectFrom('table_messages')
        .innerJoin('cafe_tables', 'cafe_tables.id', 'table_messages.table_id')
        .innerJoin('spaces', 'spaces.id', 'cafe_tables.space_id')
        .select(['table_messages.id', 'cafe_tables.id as table_id', 'cafe_tables.topic', 'spaces.slug'])
        .where('table_messages.id', 'in', ids)
        .execute();
      return new Map<string, ItemContext>(
        rows.map((r) => [r.id, { title: `Cafe table: ${r.topic}`, waveId: null, href: `/s/${r.slug}/tables/${r.table_id}#message-${r.id}` }]),
      );
    },
  };
}
