import { sql, type Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import type { Database } from '../../db/database.js';

export interface WaveCounts {
  waveId: string;
  supporters: number;
  replies: number;
  contributors: number;
  lastActivityAt: string;
}

/** Reddit-style rank that needs no recomputation as time passes: newer and livelier sorts first. */
export function hotRank(activity: number, createdAt: string): number {
  return Math.log10(Math.max(1, activity)) + Date.parse(createdAt) / 1000 / 45_000;
}

/**
 * Recounts a wave's counters from their source rows, inside the caller's transaction, so the
 * numbers stay exact under concurrent supports and replies. Bumps last activity to `now`.
 */
export async function recountWave(trx: Kysely<Database>, waveId: string, now: string | null): Promise<WaveCounts> {
  const doc = docName.wave(waveId);
  const row = await trx
    .selectFrom('waves')
    .select([
      'created_at',
      'last_activity_at',
      sql<number>`(select count(*) from wave_supports where wave_id = ${waveId})`.as('supporters'),
      sql<number>`(select count(*) from blips where wave_id = ${waveId} and deleted_at is null and visibility = 'visible')`.as('replies'),
      sql<number>`(select count(*) from (
          select author_id as person from blips where wave_id = ${waveId} and author_id is not null and visibility = 'visible'
          union
          select user_id as person from doc_contributors where doc_name = ${doc}
          union
          select user_id as person from wave_credits where wave_id = ${waveId}
        ) as people)`.as('contributors'),
    ])
    .where('id', '=', waveId)
    .executeTakeFirstOrThrow();
  const counts: WaveCounts = {
    waveId,
    supporters: Number(row.supporters),
    replies: Number(row.replies),
    contributors: Number(row.contributors),
    lastActivityAt: now ?? row.last_activity_at,
  };
  await trx
    .updateTable('waves')
    .set({
      supporters: counts.supporters,
      replies: counts.replies,
      contributors: counts.contributors,
      last_activity_at: counts.lastActivityAt,
      hot: hotRank(counts.supporters + counts.replies + counts.contributors, row.created_at),
    })
    .where('id', '=', waveId)
    .execute();
  return counts;
}
