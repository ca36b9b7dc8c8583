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

const personOf = (id: string | null, name: string | null) =>
  id === null ? null : name === null ? FORMER_MEMBER : { id, displayName: name };

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
    .leftJoin('users', 'users.id', 'blips.author_id')
    .select(['blips.created_at', 'blips.author_id', 'users.display_name'])
    .where('blips.wave_id', '=', waveId)
    .where('blips.visibility', '=', 'visible')
    .orderBy('blips.created_at')
    .execute();
  const edits = rows.map((r) => ({
    updateId: r.id,
    at: r.created_at,
    author: personOf(r.user_id, r.display_name),
    kind: 'edit' as const,
  }));
  // A reply is a moment too, even after the last edit: it shows the document as it stood then.
  const updateTimes = await db
    .selectFrom('doc_updates')
    .select(['id', 'created_at'])
    .where('doc_name', '=', doc)
    .orderBy('id')
    .execute();
  let u = 0;
  const replies = blips.map((b) => {
    while (u < updateTimes.length && updateTimes[u]!.created_at <= b.created_at) u++;
    return { updateId: u === 0 ? 0 : updateTimes[u - 1]!.id, at: b.created_at, author: personOf(b.author_id, b.display_name), kind: 'blip' as const };
  });
  const marks = [...edits, ...replies].sort((a, b) => (a.at === b.at ? a.updateId - b.updateId : a.at < b.at ? -1 : 1));
  return { count: ids.length, marks, blipTimes: blips.map((b) => b.created_at) };
}

const asBytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * The document as it was right after update `updateId`, replayed from the update log alone
 * (snapshots hold only the latest state), and the thread as it stood then.
 */
export async function playbackAt(db: Db, wave: { id: string; space_id: string }, updateId: number, at?: string): Promise<Playback> {
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
  const moment = at ?? last?.created_at;
  if (!moment) return { updateId: 0, at: null, state, blips: [] };
  return { updateId: last?.id ?? 0, at: moment, state, blips: await threadAt(db, wave, moment) };
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
