import type { Visibility } from '../moderation/moderation.table.js';
import { sql, type Expression, type ExpressionBuilder, type Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import { hasRole, type Role } from '../../../shared/roles.js';
import type { Contributor, Person, StatusChange, WaveDetail, WavePage, WaveStatus, WaveSummary } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { canEditDocument } from './waves.access.js';
import { encodeCursor, type WaveCursor, type WaveSort } from './waves.cursor.js';
import { madeWithOf } from './waves.made-with.js';
import type { WaveRow } from './waves.table.js';

/** Shown where a person's account no longer exists (their rows keep a null id). */
export const FORMER_MEMBER: Person = { id: 'former-member', displayName: 'Former member' };

export function personOf(id: string | null, displayName: string | null): Person {
  return id !== null && displayName !== null ? { id, displayName } : FORMER_MEMBER;
}

/** A new, open wave row: no supports, replies or contributors yet (the counters start at zero). */
export async function insertWave(
  db: Kysely<Database>,
  wave: { id: string; spaceId: string; title: string; authorId: string; now: string; visibility?: Visibility },
): Promise<void> {
  await db
    .insertInto('waves')
    .values({
      id: wave.id,
      space_id: wave.spaceId,
      title: wave.title,
      status: 'open',
      author_id: wave.authorId,
      locked: 0,
      merged_into: null,
      pinned_blip_id: null,
      supporters: 0,
      replies: 0,
      contributors: 0,
      hot: 0,
      created_at: wave.now,
      last_activity_at: wave.now,
      visibility: wave.visibility ?? 'visible',
    })
    .execute();
}

export function findWave(db: Kysely<Database>, waveId: string): Promise<WaveRow | undefined> {
  return db.selectFrom('waves').selectAll().where('id', '=', waveId).executeTakeFirst();
}

type WaveListRow = WaveRow & { author_name: string | null; viewer_supports: number };

function supportedBy(viewerId: string) {
  return (eb: ExpressionBuilder<Database, 'waves'>) =>
    eb.exists(
      eb
        .selectFrom('wave_supports')
        .select(sql`1`.as('one'))
        .whereRef('wave_supports.wave_id', '=', 'waves.id')
        .where('wave_supports.user_id', '=', viewerId),
    );
}

function selectWaves(db: Kysely<Database>, viewerId: string | null) {
  return db
    .selectFrom('waves')
    .leftJoin('users', 'users.id', 'waves.author_id')
    .selectAll('waves')
    .select('users.display_name as author_name')
    .select((eb) => {
      const supports: Expression<number> =
        viewerId === null ? eb.lit(0) : eb.case().when(supportedBy(viewerId)(eb)).then(1).else(0).end();
      return sql<number>`${supports}`.as('viewer_supports');
    });
}

async function tagsOf(db: Kysely<Database>, waveIds: string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>(waveIds.map((id) => [id, []]));
  if (waveIds.length === 0) return tags;
  const rows = await db.selectFrom('wave_tags').select(['wave_id', 'tag']).where('wave_id', 'in', waveIds).orderBy('tag').execute();
  for (const row of rows) tags.get(row.wave_id)?.push(row.tag);
  return tags;
}

function toSummary(row: WaveListRow, tags: string[]): WaveSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    title: row.title,
    status: row.status,
    tags,
    author: personOf(row.author_id, row.author_name),
    supporters: Number(row.supporters),
    contributors: Number(row.contributors),
    replies: Number(row.replies),
    locked: row.locked === 1,
    mergedInto: row.merged_into,
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    viewerSupports: Number(row.viewer_supports) === 1,
  };
}

const SORT_COLUMN = { hot: 'waves.hot', new: 'waves.created_at', top: 'waves.supporters' } as const;
const sortValue = (row: WaveRow, sort: WaveSort) =>
  sort === 'hot' ? row.hot : sort === 'new' ? row.created_at : Number(row.supporters);

export interface ListWavesFilter {
  sort: WaveSort;
  status?: WaveStatus;
  tag?: string;
  supportedOnly: boolean;
  after?: WaveCursor;
  limit: number;
}

/**
 * One page of a space's waves by keyset: the sort column descending, then id descending, starting
 * after the cursor's row. Each sort has an index (space_id, column, id), so a page reads only its rows.
 * Merged waves are left out unless `status: 'merged'` asks for them.
 */
export async function listWaves(
  db: Kysely<Database>,
  spaceId: string,
  viewerId: string | null,
  filter: ListWavesFilter,
): Promise<WavePage> {
  const column = SORT_COLUMN[filter.sort];
  let query = selectWaves(db, viewerId).where('waves.space_id', '=', spaceId).where('waves.visibility', '=', 'visible');
  query = filter.status ? query.where('waves.status', '=', filter.status) : query.where('waves.status', '!=', 'merged');
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('wave_tags')
          .select(sql`1`.as('one'))
          .whereRef('wave_tags.wave_id', '=', 'waves.id')
          .where('wave_tags.tag', '=', tag),
      ),
    );
  }
  if (filter.supportedOnly && viewerId !== null) query = query.where(supportedBy(viewerId));
  const after = filter.after;
  if (after) {
    // The redundant `<=` lets the index seek to the cursor instead of skipping the pages before it.
    query = query
      .where(column, '<=', after.value)
      .where((eb) => eb.or([eb(column, '<', after.value), eb('waves.id', '<', after.id)]));
  }
  const rows = (await query
    .orderBy(column, 'desc')
    .orderBy('waves.id', 'desc')
    .limit(filter.limit + 1)
    .execute()) as WaveListRow[];
  const page = rows.slice(0, filter.limit);
  const tags = await tagsOf(db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((row) => toSummary(row, tags.get(row.id) ?? [])),
    nextCursor:
      rows.length > filter.limit && last ? encodeCursor({ sort: filter.sort, value: sortValue(last, filter.sort), id: last.id }) : null,
  };
}

export async function findWaveSummary(db: Kysely<Database>, waveId: string, viewerId: string | null): Promise<WaveSummary | null> {
  const row = (await selectWaves(db, viewerId).where('waves.id', '=', waveId).executeTakeFirst()) as WaveListRow | undefined;
  if (!row) return null;
  return toSummary(row, (await tagsOf(db, [row.id])).get(row.id) ?? []);
}

/** Several waves' summaries in two queries (the pipeline board), in no particular order. */
export async function findWaveSummaries(db: Kysely<Database>, waveIds: string[], viewerId: string | null): Promise<WaveSummary[]> {
  if (waveIds.length === 0) return [];
  const rows = (await selectWaves(db, viewerId).where('waves.id', 'in', waveIds).execute()) as WaveListRow[];
  const tags = await tagsOf(db, rows.map((r) => r.id));
  return rows.map((row) => toSummary(row, tags.get(row.id) ?? []));
}

/** Every status change of a wave, oldest first. */
export async function statusHistory(db: Kysely<Database>, waveId: string): Promise<StatusChange[]> {
  const rows = await db
    .selectFrom('wave_status_changes')
    .leftJoin('users', 'users.id', 'wave_status_changes.actor_id')
    .selectAll('wave_status_changes')
    .select('users.display_name as actor_name')
    .where('wave_status_changes.wave_id', '=', waveId)
    .orderBy('wave_status_changes.created_at')
    .orderBy('wave_status_changes.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: r.from_status,
    to: r.to_status,
    reason: r.reason,
    actor: personOf(r.actor_id, r.actor_name),
    at: r.created_at,
  }));
}

export async function waveDetail(
  db: Kysely<Database>,
  wave: WaveRow,
  viewer: { id: string } | null,
  role: Role | null,
): Promise<WaveDetail> {
  const [summary, history] = await Promise.all([findWaveSummary(db, wave.id, viewer?.id ?? null), statusHistory(db, wave.id)]);
  // A shipped idea names the people who made it (read fresh: the status may have just changed).
  const madeWith = summary?.status === 'shipped' ? await madeWithOf(db, wave.id) : undefined;
  return {
    ...summary!,
    docName: docName.wave(wave.id),
    pinnedBlipId: wave.pinned_blip_id,
    statusHistory: history,
    viewerCanEdit: canEditDocument(wave, role),
    viewerIsStaff: hasRole(role, 'staff'),
    ...(madeWith ? { madeWith } : {}),
  };
}

/**
 * Everyone who edited the idea document, wrote a blip (deleted ones too: they took part, as the
 * wave's contributor counter counts them) or is credited for shaping it at a cafe table, most
 * involved first.
 */
export async function contributorsOf(db: Kysely<Database>, waveId: string): Promise<Contributor[]> {
  const [editors, writers, credited] = await Promise.all([
    db
      .selectFrom('doc_contributors')
      .innerJoin('users', 'users.id', 'doc_contributors.user_id')
      .select(['users.id', 'users.display_name', 'doc_contributors.chars', 'doc_contributors.edits'])
      .where('doc_contributors.doc_name', '=', docName.wave(waveId))
      .execute(),
    db
      .selectFrom('blips')
      .innerJoin('users', 'users.id', 'blips.author_id')
      .select(['users.id', 'users.display_name', (eb) => eb.fn.countAll<number>().as('blips')])
      .where('blips.wave_id', '=', waveId)
      .groupBy(['users.id', 'users.display_name'])
      .execute(),
    db
      .selectFrom('wave_credits')
      .innerJoin('users', 'users.id', 'wave_credits.user_id')
      .select(['users.id', 'users.display_name', (eb) => eb.fn.countAll<number>().as('tables')])
      .where('wave_credits.wave_id', '=', waveId)
      .where('wave_credits.source', '=', 'table')
      .groupBy(['users.id', 'users.display_name'])
      .execute(),
  ]);
  const people = new Map<string, Contributor>();
  const entry = (id: string, displayName: string) => {
    let found = people.get(id);
    if (!found) people.set(id, (found = { person: { id, displayName }, documentChars: 0, documentEdits: 0, blips: 0, tables: 0 }));
    return found;
  };
  for (const e of editors) Object.assign(entry(e.id, e.display_name), { documentChars: Number(e.chars), documentEdits: Number(e.edits) });
  for (const w of writers) entry(w.id, w.display_name).blips = Number(w.blips);
  for (const c of credited) entry(c.id, c.display_name).tables = Number(c.tables);
  const weight = (c: Contributor) => c.documentChars + c.blips;
  return [...people.values()].sort(
    (a, b) => weight(b) - weight(a) || a.person.displayName.localeCompare(b.person.displayName) || a.person.id.localeCompare(b.person.id),
  );
}

/**
 * The people a wave's news concerns: its supporters and everyone who helped write it (edited the
 * idea document, wrote a visible blip, deleted ones included, or is credited from a cafe table).
 * Read inside the caller's transaction, before anything moves (a merge moves supports and blips).
 */
export async function followersOf(db: Kysely<Database>, waveId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('wave_supports')
    .select('user_id')
    .where('wave_id', '=', waveId)
    .union(db.selectFrom('doc_contributors').select('user_id').where('doc_name', '=', docName.wave(waveId)))
    .union(
      db
        .selectFrom('blips')
        .select('author_id as user_id')
        .where('wave_id', '=', waveId)
        .where('visibility', '=', 'visible')
        .where('author_id', 'is not', null)
        .$narrowType<{ user_id: string }>(),
    )
    .union(db.selectFrom('wave_credits').select('user_id').where('wave_id', '=', waveId))
    .execute();
  return rows.map((r) => r.user_id);
}
