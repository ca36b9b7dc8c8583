import type { Kysely } from 'kysely';
import { parseDocName } from '../../../shared/doc-names.js';
import type { Database } from '../../db/database.js';
import { activityByDay, firstSeen, spaceDocNames, staffOf } from './activity.repository.js';
import { coeditInteractions, type CatalystInput, type DocEditor, type Interaction } from './catalysts.score.js';

type Db = Kysely<Database>;

/**
 * Replies in the window: a visible blip answers its parent's author, and a top-level blip answers
 * the wave's author (an idea that draws people in is a catalyst's work too).
 */
async function replies(db: Db, spaceId: string, window: { from: string; to: string }): Promise<Interaction[]> {
  const rows = await db
    .selectFrom('blips as b')
    .innerJoin('waves as w', 'w.id', 'b.wave_id')
    .leftJoin('blips as p', 'p.id', 'b.parent_id')
    .select(['b.author_id as from', 'b.created_at as at', 'b.wave_id as waveId', 'p.id as parentId', 'p.author_id as parentAuthor', 'w.author_id as waveAuthor'])
    .where('w.space_id', '=', spaceId)
    .where('w.visibility', '=', 'visible')
    .where('b.visibility', '=', 'visible')
    .where('b.deleted_at', 'is', null)
    .where('b.created_at', '>=', window.from)
    .where('b.created_at', '<', window.to)
    .where('b.author_id', 'is not', null)
    .execute();
  const out: Interaction[] = [];
  for (const r of rows) {
    const to = r.parentId ? r.parentAuthor : r.waveAuthor;
    if (!to || !r.from) continue;
    out.push({ kind: 'reply', from: r.from, to, at: r.at, ref: { type: 'wave', waveId: r.waveId, blipId: r.parentId } });
  }
  return out;
}

/**
 * Guests at tables someone opened: fans (not staff seats) whose time at the table overlaps the
 * window, dated when they sat down (or, for an earlier guest seen again, when last seen seated).
 */
async function guests(db: Db, spaceId: string, window: { from: string; to: string }): Promise<Interaction[]> {
  const rows = await db
    .selectFrom('cafe_tables as t')
    .innerJoin('table_visits as v', 'v.table_id', 't.id')
    .select(['v.user_id as from', 't.host_id as to', 'v.first_sat_at', 'v.last_sat_at', 't.id as tableId'])
    .where('t.space_id', '=', spaceId)
    .where('v.staff', '=', 0)
    .where('t.host_id', 'is not', null)
    .where('v.first_sat_at', '<', window.to)
    .where('v.last_sat_at', '>=', window.from)
    .execute();
  return rows.map((r) => ({
    kind: 'guest' as const,
    from: r.from,
    to: r.to!,
    at: r.first_sat_at >= window.from ? r.first_sat_at : r.last_sat_at,
    ref: { type: 'table' as const, tableId: r.tableId },
  }));
}

/**
 * Per document of the space and person: their first edit ever and their last one, from
 * `doc_contributors` (one row per document and person, kept with every stored update), so the
 * update log is not read. The last edit is in the window when it is at or after its start: the
 * window always ends now (a window ending earlier would need the log).
 */
async function docEditors(db: Db, spaceId: string, window: { from: string; to: string }): Promise<DocEditor[]> {
  const rows = await db
    .selectFrom('doc_contributors')
    .select(['doc_name', 'user_id', 'first_at', 'last_at'])
    .where('doc_name', 'in', spaceDocNames(db, spaceId))
    // Documents nobody touched in the window cannot hold a co-edit in it.
    .where('doc_name', 'in', (eb) =>
      eb.selectFrom('doc_contributors as c').select('c.doc_name').where('c.last_at', '>=', window.from).where('c.doc_name', 'in', spaceDocNames(db, spaceId)),
    )
    .execute();
  const out: DocEditor[] = [];
  for (const r of rows) {
    const doc = parseDocName(r.doc_name);
    if (!doc || doc.kind === 'space') continue;
    const ref = doc.kind === 'wave' ? { type: 'wave' as const, waveId: doc.id, blipId: null } : { type: 'table' as const, tableId: doc.id };
    const inWindow = r.last_at >= window.from && r.last_at < window.to;
    out.push({ ref, person: r.user_id, firstAt: r.first_at, lastInWindowAt: inWindow ? r.last_at : null });
  }
  return out;
}

/** Everything the scoring needs for a space and window, in a fixed number of queries. */
export async function catalystInput(db: Db, spaceId: string, window: { from: string; to: string }): Promise<CatalystInput> {
  const [replyRows, guestRows, editors, activity, staff] = await Promise.all([
    replies(db, spaceId, window),
    guests(db, spaceId, window),
    docEditors(db, spaceId, window),
    activityByDay(db, spaceId, window),
    staffOf(db, spaceId),
  ]);
  const interactions = [...replyRows, ...guestRows, ...coeditInteractions(editors)];
  // Only people who talked with someone can be a returning newcomer.
  const talkers = new Set(interactions.flatMap((i) => [i.from, i.to]));
  return { window, interactions, activity, firstSeen: await firstSeen(db, spaceId, [...talkers]), staff };
}
