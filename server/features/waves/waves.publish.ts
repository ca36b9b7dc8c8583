import type { Kysely } from 'kysely';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import type { StreamLog } from '../streams/stream-log.js';
import { KeyedQueue } from './keyed-queue.js';
import { recountWave, type WaveCounts } from './waves.counters.js';

// One queue per stream log (per app): every counter change of a wave in this process goes through it.
const queues = new WeakMap<StreamLog, KeyedQueue>();

function queueOf(streams: StreamLog): KeyedQueue {
  let queue = queues.get(streams);
  if (!queue) queues.set(streams, (queue = new KeyedQueue()));
  return queue;
}

export interface CountsChange {
  waveId: string;
  actorId: string | null;
  /** Bumps the wave's last activity; null keeps it. */
  now: string | null;
  /** Carried by the space-stream event: a retry with the same key appends nothing new. */
  idempotencyKey?: string;
  /** Source-row writes (a support, a membership) committed in the same transaction as the recount. */
  write?: (trx: Kysely<Database>) => Promise<void>;
}

/**
 * Recounts a wave from its source rows (after `change.write`, in one transaction) and announces
 * the counts as `wave:counts` on the space and the wave stream. Changes of one wave run one at a
 * time in this process, so the newest event always carries the newest counts.
 */
export function publishWaveCounts(
  streams: StreamLog,
  db: Kysely<Database>,
  change: CountsChange,
): Promise<{ counts: WaveCounts; spaceId: string }> {
  return queueOf(streams).run(change.waveId, async () => {
    const { counts, spaceId } = await db.transaction().execute(async (trx) => {
      await change.write?.(trx);
      const wave = await trx.selectFrom('waves').select('space_id').where('id', '=', change.waveId).executeTakeFirstOrThrow();
      return { counts: await recountWave(trx, change.waveId, change.now), spaceId: wave.space_id };
    });
    const { duplicate } = await streams.append({
      stream: streamName.space(spaceId),
      type: 'wave:counts',
      data: counts,
      actorId: change.actorId,
      idempotencyKey: change.idempotencyKey,
    });
    if (!duplicate) {
      await streams.append({ stream: streamName.wave(change.waveId), type: 'wave:counts', data: counts, actorId: change.actorId });
    }
    return { counts, spaceId };
  });
}
