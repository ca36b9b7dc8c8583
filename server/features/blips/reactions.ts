import type { Kysely } from 'kysely';
import type { Reaction, ReactionCount } from '../../../shared/schemas/waves.js';
import { REACTIONS } from '../../../shared/schemas/waves.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';
import { requireBlip } from './blips.access.js';
import { addReaction, findBlip, hasReaction, reactionCounts, removeReaction } from './blips.repository.js';
import type { KeyedQueue } from '../waves/keyed-queue.js';
import { ofType } from './wave-events.js';

export interface ReactionInput {
  blipId: string;
  reaction: Reaction;
  on: boolean;
  idempotencyKey?: string;
}

/** The counts after one person turns one reaction on or off. */
export function withReaction(counts: ReactionCount[], userId: string, reaction: Reaction, on: boolean): ReactionCount[] {
  const by = new Map(counts.map((c) => [c.reaction, c.by]));
  const others = (by.get(reaction) ?? []).filter((id) => id !== userId);
  by.set(reaction, on ? [...others, userId] : others);
  return REACTIONS.flatMap((r) => {
    const people = by.get(r) ?? [];
    return people.length > 0 ? [{ reaction: r, count: people.length, by: people }] : [];
  });
}

/** One of each reaction per person; the wave stream carries the full counts after every change. */
export class ReactionService {
  constructor(
    private readonly d: { db: Kysely<Database>; clock: Clock; streams: StreamLog; perWave: KeyedQueue },
  ) {}

  async set(viewer: Viewer, input: ReactionInput): Promise<ReactionCount[]> {
    const { db, streams, clock } = this.d;
    const { wave } = await requireBlip(db, viewer, input.blipId, 'fan');
    return this.d.perWave.run(wave.id, async () => {
      const row = await findBlip(db, input.blipId);
      if (!row || row.deleted_at !== null) throw notFound('Blip');
      const counts = (await reactionCounts(db, [row.id])).get(row.id) ?? [];
      const key = { blipId: row.id, userId: viewer.id, reaction: input.reaction };
      if ((await hasReaction(db, row.id, viewer.id, input.reaction)) === input.on) return counts;
      const now = clock.now().toISOString();
      const { event } = await streams.append({
        stream: streamName.wave(wave.id),
        type: 'blip:reactions',
        data: { blipId: row.id, waveId: wave.id, reactions: withReaction(counts, viewer.id, input.reaction, input.on) },
        actorId: viewer.id,
        idempotencyKey: input.idempotencyKey,
        alongside: async (trx) => {
          if (input.on) await addReaction(trx, { ...key, now });
          else await removeReaction(trx, key);
        },
      });
      return ofType(event, 'blip:reactions').data.reactions;
    });
  }
}
