import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles.js';
import { DEFAULT_SPACE_SETTINGS, SpaceSettingsSchema, type SpaceSettings } from '../../../shared/schemas/spaces.js';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { SpaceRow } from './spaces.table.js';
import { firstRow, queryShape } from '../../db/query-shape.js';

export function parseSettings(row: Pick<SpaceRow, 'settings'>): SpaceSettings {
  // Settings written by an older version get today's defaults for keys they lack.
  return SpaceSettingsSchema.parse({ ...DEFAULT_SPACE_SETTINGS, ...JSON.parse(row.settings) });
}

// Read on every request and message: compiled once (queryShape).
const spaceBySlug = queryShape<{ slug: string }, SpaceRow>((db, p) => db.selectFrom('spaces').selectAll().where('slug', '=', p('slug')));
const spaceById = queryShape<{ id: string }, SpaceRow>((db, p) => db.selectFrom('spaces').selectAll().where('id', '=', p('id')));
const roleOf = queryShape<{ spaceId: string; userId: string }, { role: Role }>((db, p) =>
  db.selectFrom('memberships').select('role').where('space_id', '=', p('spaceId')).where('user_id', '=', p('userId')),
);

export function findSpaceBySlug(db: Kysely<Database>, slug: string) {
  return firstRow(spaceBySlug(db, { slug }));
}

export function findSpaceById(db: Kysely<Database>, id: string) {
  return firstRow(spaceById(db, { id }));
}

export async function insertSpace(
  db: Kysely<Database>,
  input: { slug: string; name: string; ssoSecret: string; now: string; settings?: Partial<SpaceSettings> },
): Promise<SpaceRow> {
  const row: SpaceRow = {
    id: newId(),
    slug: input.slug,
    name: input.name,
    settings: JSON.stringify({ ...DEFAULT_SPACE_SETTINGS, ...input.settings }),
    sso_secret: input.ssoSecret,
    created_at: input.now,
  };
  await db.insertInto('spaces').values(row).execute();
  return row;
}

export async function updateSettings(db: Kysely<Database>, spaceId: string, settings: SpaceSettings) {
  await db.updateTable('spaces').set({ settings: JSON.stringify(settings) }).where('id', '=', spaceId).execute();
}

export async function findRole(db: Kysely<Database>, spaceId: string, userId: string): Promise<Role | null> {
  return (await firstRow(roleOf(db, { spaceId, userId })))?.role ?? null;
}

/** Records (or changes) a role; a member keeps the date they first joined. */
export async function upsertMembership(db: Kysely<Database>, spaceId: string, userId: string, role: Role, now: string) {
  await db
    .insertInto('memberships')
    .values({ space_id: spaceId, user_id: userId, role, joined_at: now })
    .onConflict((oc) => oc.columns(['space_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

/** Adds a fan membership the first time someone acts in a space; never lowers a role. */
export async function ensureMember(db: Kysely<Database>, spaceId: string, userId: string, now: string) {
  await db
    .insertInto('memberships')
    .values({ space_id: spaceId, user_id: userId, role: 'fan', joined_at: now })
    .onConflict((oc) => oc.columns(['space_id', 'user_id']).doNothing())
    .execute();
}

export function membershipsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('spaces', 'spaces.id', 'memberships.space_id')
    .select(['spaces.id', 'spaces.slug', 'spaces.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('spaces.name')
    .execute();
}

export function membersOf(db: Kysely<Database>, spaceId: string, limit: number, offset: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('users')
    .select(['memberships.role', 'memberships.joined_at'])
    .where('memberships.space_id', '=', spaceId)
    .orderBy('memberships.joined_at')
    .orderBy('users.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function allWidgetOrigins(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('spaces').select('settings').execute();
  return new Set(rows.flatMap((r) => parseSettings(r).widgetOrigins));
}
