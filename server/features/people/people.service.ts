import { sql, type Kysely } from 'kysely';
import { hasRole } from '../../../shared/roles.js';
import type { DirectoryPage, FanCard, Profile } from '../../../shared/schemas/people.js';
import type { Sanction } from '../../../shared/schemas/moderation.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { ModeratedKinds } from '../moderation/kinds.js';
import { queueItems } from '../moderation/queue.repository.js';
import type { SpaceAccess } from '../spaces/access.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { Viewer } from '../users/viewer.js';
import { PEOPLE_LIMITS } from '../../../shared/people.js';
import type { NotesService } from './notes.service.js';
import { pendingOf } from './profile.service.js';
import {
  conversationsWithStaff,
  countsOf,
  creditsOf,
  findMember,
  shapedWaves,
  spotlightsOf,
  startedWaves,
  supportedWaves,
  tablesSatAt,
} from './profiles.repository.js';

type Db = Kysely<Database>;

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    // fall through
  }
  throw new AppError(ERROR_CODES.INVALID_INPUT, 'cursor: not a cursor from this list', { field: 'cursor' });
}

/** Profiles (public), fan cards (staff) and the staff's directory of a space's people. */
export class PeopleService {
  constructor(private readonly d: { db: Db; clock: Clock; kinds: ModeratedKinds; notes: NotesService }) {}

  /** The public part of a member's profile; anyone who is not a member of the space is 404. */
  async profile(access: SpaceAccess, userId: string, viewer: Viewer | null): Promise<Profile> {
    const { db } = this.d;
    const space = access.space;
    const member = await findMember(db, space.id, userId);
    if (!member) throw notFound('Person');
    const [started, shaped, supported, tables, spotlights] = await Promise.all([
      startedWaves(db, space.id, userId),
      shapedWaves(db, space.id, userId),
      supportedWaves(db, space.id, userId),
      tablesSatAt(db, space.id, userId),
      spotlightsOf(db, { spaceId: space.id, userId }),
    ]);
    const seesPending = viewer?.id === userId || hasRole(access.role, 'staff');
    return {
      person: { id: member.id, displayName: member.display_name },
      bio: member.bio,
      interests: JSON.parse(member.interests) as string[],
      joinedAt: member.joined_at,
      role: member.role,
      started,
      shaped,
      supported,
      tables,
      spotlights,
      credits: await creditsOf(db, space.id, userId, started, shaped),
      pending: seesPending ? await pendingOf(db, userId) : null,
    };
  }

  /** Everything staff of the space know about a member: the profile, numbers, talks with staff, moderation, notes. */
  async card(access: SpaceAccess, userId: string, viewer: Viewer): Promise<FanCard> {
    const { db, clock, kinds, notes } = this.d;
    const space = access.space;
    const profile = await this.profile(access, userId, viewer);
    const itemIds = await db
      .selectFrom('moderation_items')
      .select('id')
      .where('space_id', '=', space.id)
      .where('author_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(PEOPLE_LIMITS.moderationMax)
      .execute();
    const [counts, conversations, items, sanctions, noteList] = await Promise.all([
      countsOf(db, space.id, userId),
      conversationsWithStaff(db, space, userId),
      queueItems(db, kinds, itemIds.map((r) => r.id), clock.now()),
      sanctionsOf(db, space.id, userId),
      notes.list(space, userId, viewer),
    ]);
    return { ...profile, counts, conversations, moderation: { items, sanctions }, notes: noteList };
  }

  /** Members whose name contains `q`, by name; keyset pages. */
  async directory(space: SpaceRow, query: { q: string; cursor?: string; limit: number }): Promise<DirectoryPage> {
    const { db, notes } = this.d;
    const after = decodeCursor(query.cursor);
    let rows = db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'users.id',
        'users.display_name',
        'memberships.role',
        'memberships.joined_at',
        sql<number>`(select count(*) from waves w where w.space_id = ${space.id} and w.author_id = users.id and w.visibility = 'visible')`.as('waves'),
        sql<number>`(select count(*) from blips b join waves w on w.id = b.wave_id
          where w.space_id = ${space.id} and b.author_id = users.id and b.deleted_at is null and b.visibility = 'visible')`.as('blips'),
        sql<number>`(select count(*) from table_visits v where v.space_id = ${space.id} and v.user_id = users.id)`.as('tables'),
      ])
      .where('memberships.space_id', '=', space.id);
    if (query.q) rows = rows.where(sql<boolean>`lower(users.display_name) like ${`%${likeEscaped(query.q.toLowerCase())}%`} escape '\\'`);
    if (after) {
      rows = rows.where((eb) =>
        eb.or([eb('users.display_name', '>', after[0]), eb.and([eb('users.display_name', '=', after[0]), eb('users.id', '>', after[1])])]),
      );
    }
    const page = await rows.orderBy('users.display_name').orderBy('users.id').limit(query.limit + 1).execute();
    const items = page.slice(0, query.limit);
    const noteCounts = await notes.countsFor(space.id, items.map((r) => r.id));
    const last = items.at(-1);
    return {
      items: items.map((r) => ({
        person: { id: r.id, displayName: r.display_name },
        role: r.role,
        joinedAt: r.joined_at,
        counts: { wavesStarted: Number(r.waves), blips: Number(r.blips), tablesSatAt: Number(r.tables) },
        notes: noteCounts.get(r.id)?.notes ?? 0,
        openPromises: noteCounts.get(r.id)?.openPromises ?? 0,
      })),
      nextCursor: page.length > query.limit && last ? encodeCursor(last.display_name, last.id) : null,
    };
  }
}

async function sanctionsOf(db: Db, spaceId: string, userId: string): Promise<Sanction[]> {
  const rows = await db
    .selectFrom('member_sanctions')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, userId: r.user_id, kind: r.kind, reason: r.reason, until: r.until, createdAt: r.created_at, liftedAt: r.lifted_at }));
}
