import { streamName } from '../../../shared/streams.js';
import { indexSearchText, removeSearchText } from '../../db/search.js';
import type { ItemContext, ModeratedKind } from '../moderation/kinds.js';
import type { WavesContext } from './waves.context.js';
import { findWave, findWaveSummary } from './waves.repository.js';

/** How moderation shows, hides and corrects waves; a wave's text for review is its title and first draft. */
export function waveModeration(ctx: WavesContext): ModeratedKind {
  return {
    kind: 'wave',
    async setVisibility(trx, waveId, visibility) {
      const wave = await findWave(trx, waveId);
      if (!wave) return;
      await trx.updateTable('waves').set({ visibility }).where('id', '=', waveId).execute();
      if (visibility === 'visible') {
        await indexSearchText(trx, { kind: 'title', refId: waveId, waveId, spaceId: wave.space_id, text: wave.title });
      } else await removeSearchText(trx, 'title', waveId);
    },
    async replaceText(trx, waveId, text) {
      // Staff correct the title (the first line); the idea document is edited in the editor.
      const title = text.split('\n')[0]!.trim().slice(0, 140);
      const wave = await findWave(trx, waveId);
      if (!wave || !title) return;
      await trx.updateTable('waves').set({ title }).where('id', '=', waveId).execute();
      if (wave.visibility === 'visible') await indexSearchText(trx, { kind: 'title', refId: waveId, waveId, spaceId: wave.space_id, text: title });
    },
    async afterDecision(waveId, visibility) {
      if (visibility !== 'visible') return;
      const wave = await findWaveSummary(ctx.db, waveId, null);
      if (wave) await ctx.streams.append({ stream: streamName.space(wave.spaceId), type: 'wave:created', data: { wave }, actorId: null });
    },
    async describe(db, ids) {
      const rows = await db
        .selectFrom('waves')
        .innerJoin('spaces', 'spaces.id', 'waves.space_id')
        .select(['waves.id', 'waves.title', 'spaces.slug'])
        .where('waves.id', 'in', ids)
        .execute();
      return new Map<string, ItemContext>(rows.map((r) => [r.id, { title: r.title, waveId: r.id, href: `/s/${r.slug}/waves/${r.id}` }]));
    },
  };
}
