import { docName } from '../../../shared/doc-names.js';
import type { PromoteResult } from '../../../shared/schemas/cafe.js';
import { WAVE_LIMITS } from '../../../shared/waves.js';
import { streamName } from '../../../shared/streams.js';
import { plainText } from '../../collab/rich-text.js';
import { DocPersistence } from '../../collab/persistence.js';
import { AppError } from '../../http/errors.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { indexBlip } from '../blips/blip-search.js';
import { insertBlip } from '../blips/blips.repository.js';
import type { Viewer } from '../users/viewer.js';
import { createWave } from '../waves/waves.service.js';
import { requireTable } from './cafe.access.js';
import { person, type CafeDeps } from './cafe.shared.js';

const invalid = (field: string, message: string) => new AppError(ERROR_CODES.INVALID_INPUT, `${field}: ${message}`, { field });

/**
 * Staff turn a table's conversation into a wave: the picked messages become its first blips
 * (by their authors, in the table's order), the notepad becomes the idea document's first draft,
 * and everyone who ever sat at the table is credited as a contributor. One transaction.
 */
export class PromoteService {
  constructor(private readonly d: CafeDeps) {}

  async promote(
    viewer: Viewer,
    input: { tableId: string; title: string; tags: string[]; messageIds: string[]; idempotencyKey?: string },
  ): Promise<PromoteResult> {
    const { db } = this.d;
    const { table, space } = await requireTable(db, viewer, input.tableId, 'staff');
    const wanted = [...new Set(input.messageIds)];
    const messages = await db
      .selectFrom('table_messages')
      .selectAll()
      .where('table_id', '=', table.id)
      .where('id', 'in', wanted)
      .where('visibility', '=', 'visible')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const missing = wanted.filter((id) => !messages.some((m) => m.id === id));
    if (missing.length > 0) throw invalid('messageIds', `not visible messages of this table: ${missing.join(', ')}`);
    const visitors = await db
      .selectFrom('table_visits')
      .innerJoin('users', 'users.id', 'table_visits.user_id')
      .select(['users.id', 'users.display_name'])
      .where('table_visits.table_id', '=', table.id)
      .orderBy('table_visits.first_sat_at')
      .execute();
    const notepad = await this.notepadText(table.id);
    const draft = (notepad.trim() ? notepad.split('\n').join('\n\n') : `Started at the cafe table “${table.topic}”.`).slice(0, WAVE_LIMITS.draftMax);

    const waveId = await createWave(this.d, {
      space,
      author: person(viewer),
      body: { title: input.title, tags: input.tags, draft },
      idempotencyKey: input.idempotencyKey,
      alongside: async (trx, wave) => {
        // Blips keep the table's order; siblings are ordered by creation time, one millisecond apart.
        const start = Date.parse(wave.now);
        for (const [i, m] of messages.entries()) {
          const createdAt = new Date(start + i + 1).toISOString();
          await insertBlip(trx, {
            id: newId(),
            wave_id: wave.id,
            parent_id: null,
            author_id: m.author_id,
            body: m.body,
            anchor_offset: null,
            anchor_quote: null,
            created_at: createdAt,
            edited_at: null,
            deleted_at: null,
            visibility: 'visible',
          });
        }
        const rows = await trx.selectFrom('blips').select(['id', 'body']).where('wave_id', '=', wave.id).execute();
        for (const b of rows) await indexBlip(trx, { id: b.id, waveId: wave.id, spaceId: space.id, body: b.body });
        if (visitors.length > 0) {
          await trx
            .insertInto('wave_credits')
            .values(visitors.map((v) => ({ wave_id: wave.id, user_id: v.id, source: 'table' as const, source_id: table.id, created_at: wave.now })))
            .execute();
        }
        await appendAudit(trx, {
          spaceId: space.id,
          actorId: viewer.id,
          action: 'table.promote',
          targetType: 'table',
          targetId: table.id,
          after: { waveId: wave.id, blips: messages.length, credited: visitors.length },
          now: wave.now,
        });
      },
    });
    const wave = await db.selectFrom('waves').select(['id', 'title']).where('id', '=', waveId).executeTakeFirstOrThrow();
    await this.d.streams.append({
      stream: streamName.table(table.id),
      type: 'table:promoted',
      data: { tableId: table.id, wave, by: person(viewer) },
      actorId: viewer.id,
    });
    const blips = await db.selectFrom('blips').select((eb) => eb.fn.countAll<number>().as('n')).where('wave_id', '=', waveId).executeTakeFirstOrThrow();
    return {
      wave,
      blips: Number(blips.n),
      credited: visitors.map((v) => ({ id: v.id, displayName: v.display_name })),
    };
  }

  private async notepadText(tableId: string): Promise<string> {
    // Stored updates are appended before they are applied, so the log is at least as new as any open editor.
    const { doc } = await new DocPersistence(this.d.db, this.d.clock).load(docName.table(tableId));
    try {
      return plainText(doc);
    } finally {
      doc.destroy();
    }
  }
}
