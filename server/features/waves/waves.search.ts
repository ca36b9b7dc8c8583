import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import { SearchHitSchema, SearchQuerySchema, type SearchHit } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { searchSpace } from '../../db/search.js';
import { defineRoute } from '../../http/route.js';
import { requireSpace } from '../spaces/access.js';

/**
 * Ranked hits in one space, each with the wave it belongs to now. Titles and documents of a
 * merged wave stay findable and show status `merged`; blips moved by a merge point to the wave
 * they moved into.
 */
export async function searchWaves(db: Kysely<Database>, spaceId: string, query: string, limit: number): Promise<SearchHit[]> {
  const hits = await searchSpace(db, spaceId, query, limit);
  if (hits.length === 0) return [];
  const waves = await db
    .selectFrom('waves')
    .select(['id', 'title', 'status'])
    .where('space_id', '=', spaceId)
    .where('visibility', '=', 'visible')
    .where('id', 'in', [...new Set(hits.map((h) => h.waveId))])
    .execute();
  const byId = new Map(waves.map((w) => [w.id, w]));
  return hits.flatMap((hit) => {
    const wave = byId.get(hit.waveId);
    if (!wave) return [];
    return [{ wave, kind: hit.kind, blipId: hit.kind === 'blip' ? hit.refId : null, snippet: hit.snippet }];
  });
}

export function searchRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/search',
      summary: 'Full-text search over the space’s wave titles, idea documents and blips; the last word matches as a prefix',
      tag: 'waves',
      auth: 'optional',
      params: SpaceParamsSchema,
      query: SearchQuerySchema,
      response: z.array(SearchHitSchema),
      errors: [401, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, null);
        return searchWaves(deps.db.kysely, space.id, query.q, query.limit);
      },
    }),
  ];
}
