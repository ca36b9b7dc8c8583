import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import { PeopleQuerySchema, PersonSchema, type Person } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { defineRoute } from '../../http/route.js';
import { requireSpace } from '../spaces/access.js';

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Members whose display name contains `q` (case-insensitive), names starting with it first. */
export async function findPeople(db: Kysely<Database>, spaceId: string, q: string, limit: number): Promise<Person[]> {
  const needle = likeEscaped(q.toLowerCase());
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name'])
    .where('memberships.space_id', '=', spaceId)
    .where(sql<boolean>`lower(users.display_name) like ${`%${needle}%`} escape '\\'`)
    .orderBy(sql`case when lower(users.display_name) like ${`${needle}%`} escape '\\' then 0 else 1 end`)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

export function peopleRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/people',
      summary: 'Members of the space whose name contains q, for @mentions (members only)',
      tag: 'waves',
      auth: 'user',
      params: SpaceParamsSchema,
      query: PeopleQuerySchema,
      response: z.array(PersonSchema),
      errors: [403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'fan');
        return findPeople(deps.db.kysely, space.id, query.q, query.limit);
      },
    }),
  ];
}
