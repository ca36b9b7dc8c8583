import type { SupportResult } from '../../../shared/schemas/waves.js';
import { isoNow } from '../../lib/clock.js';
import { ensureMember } from '../spaces/spaces.repository.js';
import type { Viewer } from '../users/viewer.js';
import { requireWave } from './waves.access.js';
import type { WavesContext } from './waves.context.js';
import { publishWaveCounts } from './waves.publish.js';
import { invalid } from './waves.service.js';

/**
 * Supports a wave or takes the support back. Idempotent by nature (one row per person), and the
 * counter is recounted from the rows in the same transaction, so it stays exact under any
 * interleaving. Locked waves can be supported; merged ones cannot (their supports moved).
 */
export async function setSupport(
  ctx: WavesContext,
  input: { viewer: Viewer | null; waveId: string; support: boolean; idempotencyKey?: string },
): Promise<SupportResult> {
  const { wave } = await requireWave(ctx.db, input.viewer, input.waveId, 'fan');
  const userId = input.viewer!.id;
  const now = isoNow(ctx.clock);
  const { counts } = await publishWaveCounts(ctx.streams, ctx.db, {
    waveId: wave.id,
    actorId: userId,
    now,
    idempotencyKey: input.idempotencyKey,
    write: async (trx) => {
      if (!input.support) {
        await trx.deleteFrom('wave_supports').where('wave_id', '=', wave.id).where('user_id', '=', userId).execute();
        return;
      }
      // Read in the transaction: a merge that committed first moved the supports away.
      const current = await trx.selectFrom('waves').select('status').where('id', '=', wave.id).executeTakeFirstOrThrow();
      if (current.status === 'merged') throw invalid('waveId', 'this wave was merged into another; support that one');
      await ensureMember(trx, wave.space_id, userId, now);
      await trx
        .insertInto('wave_supports')
        .values({ wave_id: wave.id, user_id: userId, created_at: now })
        .onConflict((oc) => oc.columns(['wave_id', 'user_id']).doNothing())
        .execute();
    },
  });
  return { waveId: wave.id, supporters: counts.supporters, supported: input.support };
}
