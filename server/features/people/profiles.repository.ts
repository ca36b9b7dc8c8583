import { sql, type Kysely } from 'kysely';
import { PEOPLE_LIMITS } from '../../../shared/people.js';
import type {
  Conversation,
  Credit,
  PersonCounts,
  ShapedWave,
  Spotlight,
  TableRef,
  WaveRef,
} from '../../../shared/schemas/people.js';
import type { Person } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { excerptOf } from '../notifications/facts.js';

type Db = Kysely<Database>;

const LIST = PEOPLE_LIMITS.profileListMax;
/** `wave:<id>`, the idea document's name, in SQL (the same on SQLite and PostgreSQL). */
const waveDoc = sql<string>`'wave:' || waves.id`;

const toRef = (r: { id: string; title: string; status: WaveRef['status'] }): WaveRef => ({ id: r.id, title: r.title, status: r.status });

/** A member of the space, with their role, join date and public profile fields; undefined for anyone else. */
export function findMember(db: Db, spaceId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'users.bio', 'users.interests', 'memberships.role', 'memberships.joined_at'])
    .where('memberships.space_id', '=', spaceId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
}

/** Visible waves they started, newest first. */
export async function startedWaves(db: Db, spaceId: string, userId: string): Promise<WaveRef[]> {
  const rows = await db
    .selectFrom('waves')
    .select(['id', 'title', 'status'])
    .where('space_id', '=', spaceId)
    .where('author_id', '=', userId)
    .where('visibility', '=', 'visible')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIST)
    .execute();
  return rows.map(toRef);
}

/**
 * Visible waves of the space they shaped and did not start: wrote in the idea document, wrote
 * visible blips, or are credited from a cafe table. Most recent involvement first.
 */
export async function shapedWaves(db: Db, spaceId: string, userId: string): Promise<ShapedWave[]> {
  const rows = await db
    .selectFrom('waves')
    .leftJoin('doc_contributors as dc', (j) => j.on('dc.doc_name', '=', waveDoc).on('dc.user_id', '=', userId))
    .select([
      'waves.id',
      'waves.title',
      'waves.status',
      'dc.last_at as doc_at',
      sql<number>`(select count(*) from blips b where b.wave_id = waves.id and b.author_id = ${userId}
        and b.visibility = 'visible' and b.deleted_at is null)`.as('blips'),
      sql<string | null>`(select max(b.created_at) from blips b where b.wave_id = waves.id and b.author_id = ${userId}
        and b.visibility = 'visible')`.as('blip_at'),
      sql<string | null>`(select max(c.created_at) from wave_credits c where c.wave_id = waves.id and c.user_id = ${userId})`.as('credit_at'),
    ])
    .where('waves.space_id', '=', spaceId)
    .where('waves.visibility', '=', 'visible')
    .where((eb) => eb.or([eb('waves.author_id', 'is', null), eb('waves.author_id', '!=', userId)]))
    .where((eb) =>
      eb.or([
        eb('dc.user_id', 'is not', null),
        eb.exists(
          eb
            .selectFrom('blips as b')
            .select('b.id')
            .whereRef('b.wave_id', '=', 'waves.id')
            .where('b.author_id', '=', userId)
            .where('b.visibility', '=', 'visible'),
        ),
        eb.exists(eb.selectFrom('wave_credits as c').select('c.wave_id').whereRef('c.wave_id', '=', 'waves.id').where('c.user_id', '=', userId)),
      ]),
    )
    .execute();
  const latest = (r: (typeof rows)[number]) => [r.doc_at, r.blip_at, r.credit_at].filter((v): v is string => !!v).sort().at(-1) ?? '';
  return rows
    .sort((a, b) => latest(b).localeCompare(latest(a)) || b.id.localeCompare(a.id))
    .slice(0, LIST)
    .map((r) => ({ ...toRef(r), document: r.doc_at !== null, blips: Number(r.blips), table: r.credit_at !== null }));
}

/** Visible waves they support, most recent support first. */
export async function supportedWaves(db: Db, spaceId: string, userId: string): Promise<WaveRef[]> {
  const rows = await db
    .selectFrom('wave_supports')
    .innerJoin('waves', 'waves.id', 'wave_supports.wave_id')
    .select(['waves.id', 'waves.title', 'waves.status'])
    .where('waves.space_id', '=', spaceId)
    .where('waves.visibility', '=', 'visible')
    .where('wave_supports.user_id', '=', userId)
    .orderBy('wave_supports.created_at', 'desc')
    .limit(LIST)
    .execute();
  return rows.map(toRef);
}

/** Cafe tables they sat at, latest visit first. */
export async function tablesSatAt(db: Db, spaceId: string, userId: string): Promise<TableRef[]> {
  const rows = await db
    .selectFrom('table_visits')
    .innerJoin('cafe_tables', 'cafe_tables.id', 'table_visits.table_id')
    .select([
      'cafe_tables.id',
      'cafe_tables.topic',
      'cafe_tables.host_id',
      'cafe_tables.closed_at',
      'table_visits.first_sat_at',
      'table_visits.last_sat_at',
    ])
    .where('table_visits.space_id', '=', spaceId)
    .where('table_visits.user_id', '=', userId)
    .orderBy('table_visits.last_sat_at', 'desc')
    .limit(LIST)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    firstSatAt: r.first_sat_at,
    lastSatAt: r.last_sat_at,
    hosted: r.host_id === userId,
    closed: r.closed_at !== null,
  }));
}

/** Spotlights of a person in a space (or one spotlight by id), newest first. */
export async function spotlightsOf(db: Db, filter: { spaceId: string; userId?: string; id?: string }): Promise<Spotlight[]> {
  let query = db
    .selectFrom('spotlights as s')
    .innerJoin('users as p', 'p.id', 's.user_id')
    .leftJoin('users as b', 'b.id', 's.created_by')
    .leftJoin('waves as w', 'w.id', 's.wave_id')
    .select([
      's.id',
      's.text',
      's.created_at',
      's.created_by',
      'p.id as person_id',
      'p.display_name as person_name',
      'b.display_name as by_name',
      'w.id as wave_id',
      'w.title as wave_title',
      'w.status as wave_status',
    ])
    .where('s.space_id', '=', filter.spaceId);
  if (filter.userId) query = query.where('s.user_id', '=', filter.userId);
  if (filter.id) query = query.where('s.id', '=', filter.id);
  const rows = await query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(LIST).execute();
  return rows.map((r) => ({
    id: r.id,
    person: { id: r.person_id, displayName: r.person_name },
    text: r.text,
    by: r.created_by && r.by_name !== null ? { id: r.created_by, displayName: r.by_name } : null,
    at: r.created_at,
    wave: r.wave_id && r.wave_title !== null && r.wave_status !== null ? { id: r.wave_id, title: r.wave_title, status: r.wave_status } : null,
  }));
}

/** Shipped waves they started or shaped, each with (up to 10 of) the other people who made it. */
export async function creditsOf(db: Db, spaceId: string, userId: string, started: WaveRef[], shaped: WaveRef[]): Promise<Credit[]> {
  const shipped = [...started, ...shaped].filter((w) => w.status === 'shipped');
  const credits: Credit[] = [];
  for (const wave of shipped) {
    const people = await makersOf(db, wave.id);
    credits.push({ wave, status: 'shipped', with: people.filter((p) => p.id !== userId).slice(0, 10) });
  }
  return credits;
}

/** Everyone who made a wave: its author, document writers, blip writers, table credits. */
async function makersOf(db: Db, waveId: string): Promise<Person[]> {
  const doc = `wave:${waveId}`;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('waves').select('author_id').where('id', '=', waveId).where('author_id', 'is not', null).$narrowType<{ author_id: string }>()),
        eb('id', 'in', eb.selectFrom('doc_contributors').select('user_id').where('doc_name', '=', doc)),
        eb(
          'id',
          'in',
          eb
            .selectFrom('blips')
            .select('author_id')
            .where('wave_id', '=', waveId)
            .where('visibility', '=', 'visible')
            .where('author_id', 'is not', null)
            .$narrowType<{ author_id: string }>(),
        ),
        eb('id', 'in', eb.selectFrom('wave_credits').select('user_id').where('wave_id', '=', waveId)),
      ]),
    )
    .orderBy('display_name')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** The numbers on a fan card. */
export async function countsOf(db: Db, spaceId: string, userId: string): Promise<PersonCounts> {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*) from waves where space_id = ${spaceId} and author_id = ${userId} and visibility = 'visible')`.as('started'),
      sql<number>`(select count(*) from doc_contributors dc join waves w on dc.doc_name = 'wave:' || w.id
        where w.space_id = ${spaceId} and dc.user_id = ${userId})`.as('shaped'),
      sql<number>`(select count(*) from blips b join waves w on w.id = b.wave_id
        where w.space_id = ${spaceId} and b.author_id = ${userId} and b.deleted_at is null and b.visibility = 'visible')`.as('blips'),
      sql<number>`(select count(*) from wave_supports s join waves w on w.id = s.wave_id
        where w.space_id = ${spaceId} and s.user_id = ${userId})`.as('supports'),
      sql<number>`(select count(*) from cafe_tables where space_id = ${spaceId} and host_id = ${userId})`.as('hosted'),
      sql<number>`(select count(*) from table_visits where space_id = ${spaceId} and user_id = ${userId})`.as('sat'),
      sql<number>`(select count(*) from waves w where w.space_id = ${spaceId} and w.status = 'shipped' and w.visibility = 'visible' and (
          w.author_id = ${userId}
          or exists (select 1 from doc_contributors dc where dc.doc_name = 'wave:' || w.id and dc.user_id = ${userId})
          or exists (select 1 from blips b where b.wave_id = w.id and b.author_id = ${userId} and b.visibility = 'visible')
          or exists (select 1 from wave_credits c where c.wave_id = w.id and c.user_id = ${userId})))`.as('shipped'),
      sql<number>`(select count(*) from spotlights where space_id = ${spaceId} and user_id = ${userId})`.as('spotlights'),
    ])
    .executeTakeFirstOrThrow();
  return {
    wavesStarted: Number(row.started),
    documentsShaped: Number(row.shaped),
    blips: Number(row.blips),
    supports: Number(row.supports),
    tablesHosted: Number(row.hosted),
    tablesSatAt: Number(row.sat),
    ideasShipped: Number(row.shipped),
    spotlights: Number(row.spotlights),
  };
}

/**
 * The last times this person and the space's staff talked, newest first: cafe tables where both
 * sat (the visit of the later of the two), hands staff answered, and staff replies to their blips.
 */
export async function conversationsWithStaff(db: Db, space: { id: string; slug: string }, userId: string): Promise<Conversation[]> {
  const max = PEOPLE_LIMITS.conversationsMax;
  const staffIds = db
    .selectFrom('memberships')
    .select('user_id')
    .where('space_id', '=', space.id)
    .where('role', 'in', ['staff', 'admin']);
  const [tables, hands, replies] = await Promise.all([
    db
      .selectFrom('table_visits as mine')
      .innerJoin('table_visits as theirs', (j) => j.onRef('theirs.table_id', '=', 'mine.table_id').onRef('theirs.user_id', '!=', 'mine.user_id'))
      .innerJoin('cafe_tables as t', 't.id', 'mine.table_id')
      .innerJoin('users as s', 's.id', 'theirs.user_id')
      .select(['t.id', 't.topic', 'mine.last_sat_at as mine_at', 'theirs.last_sat_at as theirs_at', 's.id as staff_id', 's.display_name as staff_name'])
      .where('mine.space_id', '=', space.id)
      .where('mine.user_id', '=', userId)
      .where((eb) => eb.or([eb('theirs.staff', '=', 1), eb('theirs.user_id', 'in', staffIds)]))
      .orderBy('mine.last_sat_at', 'desc')
      .limit(max * 4)
      .execute(),
    db
      .selectFrom('table_hands as h')
      .innerJoin('cafe_tables as t', 't.id', 'h.table_id')
      .leftJoin('users as s', 's.id', 'h.answered_by')
      .select(['h.id', 'h.question', 'h.answered_at', 't.id as table_id', 't.topic', 's.id as staff_id', 's.display_name as staff_name'])
      .where('t.space_id', '=', space.id)
      .where('h.user_id', '=', userId)
      .where('h.answered_at', 'is not', null)
      .orderBy('h.answered_at', 'desc')
      .limit(max)
      .execute(),
    db
      .selectFrom('blips as r')
      .innerJoin('blips as p', 'p.id', 'r.parent_id')
      .innerJoin('waves as w', 'w.id', 'r.wave_id')
      .innerJoin('users as s', 's.id', 'r.author_id')
      .select(['r.id', 'r.body', 'r.created_at', 'w.id as wave_id', 'w.title', 's.id as staff_id', 's.display_name as staff_name'])
      .where('w.space_id', '=', space.id)
      .where('p.author_id', '=', userId)
      .where('r.author_id', 'in', staffIds)
      .where('r.visibility', '=', 'visible')
      .where('r.deleted_at', 'is', null)
      .orderBy('r.created_at', 'desc')
      .limit(max)
      .execute(),
  ]);
  const slug = encodeURIComponent(space.slug);
  const byTable = new Map<string, Conversation>();
  for (const row of tables) {
    const at = row.mine_at > row.theirs_at ? row.mine_at : row.theirs_at;
    let entry = byTable.get(row.id);
    if (!entry) {
      entry = { kind: 'table', at, staff: [], title: row.topic, excerpt: null, href: `/s/${slug}/tables/${row.id}`, tableId: row.id, waveId: null, blipId: null };
      byTable.set(row.id, entry);
    }
    if (at > entry.at) entry.at = at;
    entry.staff.push({ id: row.staff_id, displayName: row.staff_name });
  }
  const all: Conversation[] = [
    ...byTable.values(),
    ...hands.map((h) => ({
      kind: 'hand' as const,
      at: h.answered_at!,
      staff: h.staff_id && h.staff_name !== null ? [{ id: h.staff_id, displayName: h.staff_name }] : [],
      title: h.topic,
      excerpt: h.question ? excerptOf(h.question) : null,
      href: `/s/${slug}/tables/${h.table_id}`,
      tableId: h.table_id,
      waveId: null,
      blipId: null,
    })),
    ...replies.map((r) => ({
      kind: 'reply' as const,
      at: r.created_at,
      staff: [{ id: r.staff_id, displayName: r.staff_name }],
      title: r.title,
      excerpt: excerptOf(r.body),
      href: `/s/${slug}/waves/${r.wave_id}#blip-${r.id}`,
      tableId: null,
      waveId: r.wave_id,
      blipId: r.id,
    })),
  ];
  return all.sort((a, b) => b.at.localeCompare(a.at)).slice(0, max);
}
