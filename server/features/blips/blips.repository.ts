import type { Visibility } from '../moderation/moderation.table.js';
import type { Kysely } from 'kysely';
import { REACTIONS, type Blip, type Person, type Reaction, type ReactionCount } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { FORMER_MEMBER } from '../waves/waves.repository.js';
import type { BlipRow } from './blips.table.js';
import { mentionedIds } from './mentions.js';
import type { TreeNode } from './tree.js';

type Db = Kysely<Database>;

export { FORMER_MEMBER };

// Keeps `in (…)` lists well below every dialect's bound-parameter limit.
const CHUNK = 500;
async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

export function findBlip(db: Db, id: string): Promise<BlipRow | undefined> {
  return db.selectFrom('blips').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBlip(db: Db, row: BlipRow): Promise<void> {
  await db.insertInto('blips').values(row).execute();
}

export async function latestCreatedAt(db: Db, waveId: string): Promise<string | null> {
  const row = await db
    .selectFrom('blips')
    .select('created_at')
    .where('wave_id', '=', waveId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** Who is looking: held blips show to their author and staff, rejected ones to their author only. */
export interface BlipViewer {
  userId: string | null;
  staff: boolean;
}

export async function treeNodes(db: Db, waveId: string, viewer: BlipViewer): Promise<TreeNode[]> {
  const rows = await db
    .selectFrom('blips')
    .select(['id', 'parent_id', 'created_at', 'deleted_at'])
    .where('wave_id', '=', waveId)
    .where((eb) =>
      eb.or([
        eb('visibility', '=', 'visible'),
        ...(viewer.staff ? [eb('visibility', '=', 'held')] : []),
        ...(viewer.userId ? [eb('author_id', '=', viewer.userId)] : []),
      ]),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, createdAt: r.created_at, deleted: r.deleted_at !== null }));
}

export function blipsByIds(db: Db, ids: string[]): Promise<BlipRow[]> {
  return inChunks(ids, (chunk) => db.selectFrom('blips').selectAll().where('id', 'in', chunk).execute());
}

/** Every blip of a wave that everyone may see. */
export function blipsOfWave(db: Db, waveId: string): Promise<BlipRow[]> {
  return db
    .selectFrom('blips')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('visibility', '=', 'visible')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function setBody(db: Db, id: string, body: string, editedAt: string): Promise<void> {
  await db.updateTable('blips').set({ body, edited_at: editedAt }).where('id', '=', id).execute();
}

export async function setVisibility(db: Db, id: string, visibility: Visibility): Promise<void> {
  await db.updateTable('blips').set({ visibility }).where('id', '=', id).execute();
}

export async function setDeleted(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('blips').set({ deleted_at: at }).where('id', '=', id).execute();
}

export async function replaceMentions(db: Db, blipId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('blip_mentions').where('blip_id', '=', blipId).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('blip_mentions')
      .values(userIds.map((userId) => ({ blip_id: blipId, user_id: userId })))
      .execute();
  }
}

export async function hasReaction(db: Db, blipId: string, userId: string, reaction: Reaction): Promise<boolean> {
  const row = await db
    .selectFrom('blip_reactions')
    .select('user_id')
    .where('blip_id', '=', blipId)
    .where('user_id', '=', userId)
    .where('reaction', '=', reaction)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addReaction(db: Db, r: { blipId: string; userId: string; reaction: Reaction; now: string }): Promise<void> {
  await db
    .insertInto('blip_reactions')
    .values({ blip_id: r.blipId, user_id: r.userId, reaction: r.reaction, created_at: r.now })
    .onConflict((oc) => oc.columns(['blip_id', 'user_id', 'reaction']).doNothing())
    .execute();
}

export async function removeReaction(db: Db, r: { blipId: string; userId: string; reaction: Reaction }): Promise<void> {
  await db
    .deleteFrom('blip_reactions')
    .where('blip_id', '=', r.blipId)
    .where('user_id', '=', r.userId)
    .where('reaction', '=', r.reaction)
    .execute();
}

/** Counts per blip in REACTIONS order; `upTo` keeps only reactions given by then (playback). */
export async function reactionCounts(db: Db, blipIds: string[], upTo?: string): Promise<Map<string, ReactionCount[]>> {
  const rows = await inChunks(blipIds, (chunk) => {
    let query = db
      .selectFrom('blip_reactions')
      .select(['blip_id', 'user_id', 'reaction'])
      .where('blip_id', 'in', chunk);
    if (upTo !== undefined) query = query.where('created_at', '<=', upTo);
    return query.orderBy('created_at').orderBy('user_id').execute();
  });
  const by = new Map<string, Map<Reaction, string[]>>();
  for (const row of rows) {
    const perBlip = by.get(row.blip_id) ?? new Map<Reaction, string[]>();
    by.set(row.blip_id, perBlip);
    perBlip.set(row.reaction, [...(perBlip.get(row.reaction) ?? []), row.user_id]);
  }
  return new Map(
    [...by].map(([blipId, perBlip]) => [
      blipId,
      REACTIONS.flatMap((reaction) => {
        const people = perBlip.get(reaction);
        return people ? [{ reaction, count: people.length, by: people }] : [];
      }),
    ]),
  );
}

export async function peopleByIds(db: Db, ids: string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const rows = await inChunks(unique, (chunk) =>
    db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]));
}

async function mentionRows(db: Db, blipIds: string[]): Promise<Map<string, string[]>> {
  const rows = await inChunks(blipIds, (chunk) =>
    db.selectFrom('blip_mentions').select(['blip_id', 'user_id']).where('blip_id', 'in', chunk).execute(),
  );
  const by = new Map<string, string[]>();
  for (const row of rows) by.set(row.blip_id, [...(by.get(row.blip_id) ?? []), row.user_id]);
  return by;
}

export interface BlipParts {
  author: Person;
  mentions: Person[];
  reactions: ReactionCount[];
}

/** The one row → DTO mapping. A deleted blip keeps its place in the tree but shows nothing of itself. */
export function toBlip(row: BlipRow, parts: BlipParts): Blip {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    waveId: row.wave_id,
    parentId: row.parent_id,
    anchor: row.anchor_offset === null ? null : { offset: row.anchor_offset, quote: row.anchor_quote ?? '' },
    author: parts.author,
    body: deleted ? '' : row.body,
    mentions: deleted ? [] : parts.mentions,
    reactions: deleted ? [] : parts.reactions,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deleted,
    visibility: row.visibility,
  };
}

/** Mentions in the order their tokens appear in the body. */
export function orderMentions(body: string, people: Person[]): Person[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return mentionedIds(body).flatMap((id) => byId.get(id) ?? []);
}

/** DTOs for rows, in the rows' order, with authors, mentions and reactions loaded in batches. */
export async function toBlips(db: Db, rows: BlipRow[]): Promise<Blip[]> {
  const ids = rows.map((r) => r.id);
  const [mentions, reactions] = await Promise.all([mentionRows(db, ids), reactionCounts(db, ids)]);
  const people = await peopleByIds(db, [
    ...rows.flatMap((r) => (r.author_id ? [r.author_id] : [])),
    ...[...mentions.values()].flat(),
  ]);
  return rows.map((row) =>
    toBlip(row, {
      author: (row.author_id && people.get(row.author_id)) || FORMER_MEMBER,
      mentions: orderMentions(
        row.body,
        (mentions.get(row.id) ?? []).flatMap((id) => people.get(id) ?? []),
      ),
      reactions: reactions.get(row.id) ?? [],
    }),
  );
}

export async function loadBlip(db: Db, id: string): Promise<Blip | null> {
  const row = await findBlip(db, id);
  return row ? ((await toBlips(db, [row]))[0] ?? null) : null;
}
