import type { Kysely } from 'kysely';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { removeSearchText } from '../../db/search.js';
import { indexBlip } from './blip-search.js';
import type { Clock } from '../../lib/clock.js';
import type { ItemContext, ModeratedKind } from '../moderation/kinds.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { KeyedQueue } from '../waves/keyed-queue.js';
import { recountWave } from '../waves/waves.counters.js';
import { findBlip, loadBlip, setBody, setVisibility } from './blips.repository.js';
import { visibleBlipFacts } from './blips.notify.js';
import { keepRevision } from './revisions.js';
import { announceCounts } from './wave-events.js';

/** How moderation shows, hides and corrects blips, and tells a wave's viewers. */
export function blipModeration(d: { db: Kysely<Database>; clock: Clock; streams: StreamLog; perWave: KeyedQueue }): ModeratedKind {
  const spaceOf = async (db: Kysely<Database>, waveId: string) =>
    (await db.selectFrom('waves').select('space_id').where('id', '=', waveId).executeTakeFirstOrThrow()).space_id;

  return {
    kind: 'blip',
    async setVisibility(trx, blipId, visibility) {
      const row = await findBlip(trx, blipId);
      if (!row) return;
      await setVisibility(trx, blipId, visibility);
      if (visibility === 'visible' && row.deleted_at === null) {
        await indexBlip(trx, { id: row.id, waveId: row.wave_id, spaceId: await spaceOf(trx, row.wave_id), body: row.body });
      } else await removeSearchText(trx, 'blip', row.id);
      await recountWave(trx, row.wave_id, null);
    },
    async replaceText(trx, blipId, text) {
      const row = await findBlip(trx, blipId);
      if (!row) return;
      const now = d.clock.now().toISOString();
      await keepRevision(trx, row, now);
      await setBody(trx, blipId, text, now);
      if (row.visibility === 'visible') {
        await indexBlip(trx, { id: row.id, waveId: row.wave_id, spaceId: await spaceOf(trx, row.wave_id), body: text });
      }
    },
    async afterDecision(blipId, visibility) {
      const blip = await loadBlip(d.db, blipId);
      if (!blip) return;
      await d.perWave.run(blip.waveId, async () => {
        const spaceId = await spaceOf(d.db, blip.waveId);
        const counts = await d.db.transaction().execute((trx) => recountWave(trx, blip.waveId, null));
        const stream = streamName.wave(blip.waveId);
        if (visibility === 'visible') await d.streams.append({ stream, type: 'blip:created', data: { blip }, actorId: null });
        else await d.streams.append({ stream, type: 'blip:deleted', data: { blipId, waveId: blip.waveId }, actorId: null });
        await announceCounts(d.streams, spaceId, counts, blip.author.id);
      });
    },
    async notifyWhenShown(trx, blipId) {
      const blip = await loadBlip(trx, blipId);
      // A deleted blip, or one whose author's account is gone, notifies nobody.
      if (!blip || blip.deleted || (await findBlip(trx, blipId))?.author_id == null) return [];
      const wave = await trx.selectFrom('waves').select(['id', 'title', 'visibility', 'space_id']).where('id', '=', blip.waveId).executeTakeFirst();
      if (!wave) return [];
      return visibleBlipFacts(trx, {
        spaceId: wave.space_id,
        wave,
        blip: { id: blip.id, parentId: blip.parentId, body: blip.body },
        author: blip.author,
        mentions: blip.mentions,
        mentioned: blip.mentions.map((m) => m.id),
        replyToParent: true,
      });
    },
    async describe(db, ids) {
      const rows = await db
        .selectFrom('blips')
        .innerJoin('waves', 'waves.id', 'blips.wave_id')
        .innerJoin('spaces', 'spaces.id', 'waves.space_id')
        .select(['blips.id', 'waves.id as wave_id', 'waves.title', 'spaces.slug'])
        .where('blips.id', 'in', ids)
        .execute();
      return new Map<string, ItemContext>(
        rows.map((r) => [r.id, { title: r.title, waveId: r.wave_id, href: `/s/${r.slug}/waves/${r.wave_id}#blip-${r.id}` }]),
      );
    },
  };
}
