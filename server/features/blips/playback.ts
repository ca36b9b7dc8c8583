import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { docName } from '../../../shared/doc-names.js';
import { WAVE_LIMITS, type Blip, type History, type Playback } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { FORMER_MEMBER, blipsOfWave, peopleByIds, reactionCounts, toBlip } from './blips.repository.js';
import { membersAmong, mentionedIds } from './mentions.js';
import { revisionsOfWave, textAt, type RevisionRow } from './revisions.js';
import { displayOrder } from './tree.js';

type Db = Kysely<Database>;

/** At most `max` items evenly spread over `items`, always the first and the last. */
export function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}

/** The points a playback slider can stop at, and when blips were posted. */
export async function waveHistory(db: Db, waveId: string): Promise<History> {
  const doc = docName.wave(waveId);
  const ids = (await db.selectFrom('doc_updates').select('id').where('doc_name', '=', doc).orderBy('id').execute()).map(
    (r) => r.id,
  );
  const picked = spread(ids, WAVE_LIMITS.playbackMarks);
  const rows =
    picked.length === 0
      ? []
      : await db
          .selectFrom('doc_updates')
          .leftJoin('users', 'users.id', 'doc_updates.user_id')
          .select(['doc_updates.id', 'doc_updates.created_at', 'doc_updates.user_id', 'users.display_name'])
          .where('doc_updates.id', 'in', picked)
          .orderBy('doc_updates.id')
          .execute();
  const blips = await db
    .selectFrom('blips')
    .select('created_at')
    .where('wave_id', '=', waveId)
    .where('visibility', '=', 'visible')
    .orderBy('created_at')
    .execute();
  return {
    count: ids.length,
    marks: rows.map((r) => ({
      updateId: r.id,
      at: r.created_at,
      author: r.user_id === null ? null : r.display_name === null ? FORMER_MEMBER : { id: r.user_id, displayName: r.display_name },
    })),
    blipTimes: blips.map((b) => b.created_at),
  };
}

const asBytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * The document as it was right after update `updateId`, replayed from the update log alone
 * (snapshots hold only the latest state), and the thread as it stood then.
 */
export async function playbackAt(db: Db, wave: { id: string; space_id: string }, updateId: number): Promise<Playback> {
  const doc = new Y.Doc({ gc: false });
  const rows =
    updateId === 0
      ? []
      : await db
          .selectFrom('doc_updates')
          .select(['id', 'data', 'created_at'])
          .where('doc_name', '=', docName.wave(wave.id))
          .where('id', '<=', updateId)
          .orderBy('id')
          .execute();
  Y.transact(doc, () => {
    for (const row of rows) Y.applyUpdate(doc, asBytes(row.data));
  });
  const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  const last = rows.at(-1);
  if (!last) return { updateId: 0, at: null, state, blips: [] };
  return { updateId: last.id, at: last.created_at, state, blips: await threadAt(db, wave, last.created_at) };
}

/** Blips posted by `at` and not deleted by then, in display order, each with the text it had then. */
export async function threadAt(db: Db, wave: { id: string; space_id: string }, at: string): Promise<Blip[]> {
  const rows = (await blipsOfWave(db, wave.id)).filter((r) => r.created_at <= at && (r.deleted_at === null || r.deleted_at > at));
  const revisions = new Map<string, RevisionRow[]>();
  for (const v of await revisionsOfWave(db, wave.id)) revisions.set(v.blip_id, [...(revisions.get(v.blip_id) ?? []), v]);
  const texts = new Map(rows.map((r) => [r.id, textAt(r, revisions.get(r.id) ?? [], at)]));
  const order = displayOrder(rows.map((r) => ({ id: r.id, parentId: r.parent_id, createdAt: r.created_at, deleted: false })));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ids = order;
  const [reactions, authors, members] = await Promise.all([
    reactionCounts(db, ids, at),
    peopleByIds(db, rows.flatMap((r) => (r.author_id ? [r.author_id] : []))),
    membersAmong(db, wave.space_id, [...texts.values()].flatMap((t) => mentionedIds(t.body))),
  ]);
  return order.map((id) => {
    const row = byId.get(id)!;
    const then = texts.get(row.id)!;
    return toBlip(
      { ...row, body: then.body, edited_at: then.writtenAt === row.created_at ? null : then.writtenAt, deleted_at: null },
      {
        author: (row.author_id && authors.get(row.author_id)) || FORMER_MEMBER,
        mentions: mentionedIds(then.body).flatMap((id) => members.get(id) ?? []),
        reactions: reactions.get(row.id) ?? [],
      },
    );
  });
}
