import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { BlipRevisionsTable, BlipRow } from './blips.table.js';

type Db = Kysely<Database>;
export type RevisionRow = Selectable<BlipRevisionsTable>;

/** Keeps the text an edit replaces: it was written at the blip's last edit (or creation). */
export async function keepRevision(db: Db, blip: BlipRow, replacedAt: string): Promise<void> {
  await db
    .insertInto('blip_revisions')
    .values({ id: newId(), blip_id: blip.id, body: blip.body, written_at: blip.edited_at ?? blip.created_at, replaced_at: replacedAt })
    .execute();
}

/** Oldest first. */
export function revisionsOf(db: Db, blipId: string): Promise<RevisionRow[]> {
  return db
    .selectFrom('blip_revisions')
    .selectAll()
    .where('blip_id', '=', blipId)
    .orderBy('written_at')
    .orderBy('replaced_at')
    .execute();
}

export function revisionsOfWave(db: Db, waveId: string): Promise<RevisionRow[]> {
  return db
    .selectFrom('blip_revisions')
    .innerJoin('blips', 'blips.id', 'blip_revisions.blip_id')
    .selectAll('blip_revisions')
    .where('blips.wave_id', '=', waveId)
    .orderBy('blip_revisions.written_at')
    .execute();
}

/** The text a blip had at `at` (which must be at or after its creation), and since when. */
export function textAt(blip: BlipRow, revisions: RevisionRow[], at: string): { body: string; writtenAt: string } {
  const then = revisions.find((r) => r.written_at <= at && at < r.replaced_at);
  if (then) return { body: then.body, writtenAt: then.written_at };
  return { body: blip.body, writtenAt: blip.edited_at ?? blip.created_at };
}
