import { z } from 'zod';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import {
  ContributorSchema,
  CreateWaveBodySchema,
  ListWavesQuerySchema,
  SupportResultSchema,
  WaveDetailSchema,
  WaveParamsSchema,
  WavePageSchema,
} from '../../../shared/schemas/waves.js';
import { unauthenticated } from '../../http/errors.js';
import { defineRoute, idempotencyKeyOf } from '../../http/route.js';
import { requireSpace } from '../spaces/access.js';
import { requireWave } from './waves.access.js';
import type { WavesContext } from './waves.context.js';
import { decodeCursor } from './waves.cursor.js';
import { contributorsOf, findWave, listWaves, waveDetail } from './waves.repository.js';
import { createWave } from './waves.service.js';
import { setSupport } from './waves.support.js';

/** Reading waves, starting one, and supporting one. */
export function wavesRoutes(waves: WavesContext) {
  const support = (on: boolean) =>
    defineRoute({
      method: on ? 'put' : 'delete',
      path: '/waves/:waveId/support',
      summary: on ? 'Support a wave (once per person; repeating changes nothing)' : 'Take back your support of a wave',
      tag: 'waves',
      auth: 'user',
      params: WaveParamsSchema,
      response: SupportResultSchema,
      errors: [403, 404],
      async handler({ params, viewer, req }) {
        return setSupport(waves, { viewer, waveId: params.waveId, support: on, idempotencyKey: idempotencyKeyOf(req) });
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/waves',
      summary: 'A page of the space’s waves: hot, new or top, filtered by status, tag or your supports; pass nextCursor as cursor',
      tag: 'waves',
      auth: 'optional',
      params: SpaceParamsSchema,
      query: ListWavesQuerySchema,
      response: WavePageSchema,
      errors: [401, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, null);
        if (query.supported && !viewer) throw unauthenticated('Sign in to see the waves you support');
        return listWaves(deps.db.kysely, space.id, viewer?.id ?? null, {
          sort: query.sort,
          status: query.status,
          tag: query.tag,
          supportedOnly: query.supported === true,
          after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort),
          limit: query.limit,
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/waves',
      summary: 'Start a wave; the draft (blank lines between paragraphs) seeds its idea document. Send Idempotency-Key to make retries safe',
      tag: 'waves',
      auth: 'user',
      params: SpaceParamsSchema,
      body: CreateWaveBodySchema,
      response: WaveDetailSchema,
      status: 201,
      errors: [403, 404],
      async handler({ params, body, viewer, deps, req }) {
        const idempotencyKey = idempotencyKeyOf(req);
        const { space, role } = await requireSpace(deps.db.kysely, viewer, params, 'fan');
        const author = { id: viewer!.id, displayName: viewer!.displayName };
        const waveId = await createWave(waves, { space, author, body, idempotencyKey });
        return waveDetail(deps.db.kysely, (await findWave(deps.db.kysely, waveId))!, viewer, role);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/waves/:waveId',
      summary: 'A wave with its status history and what the viewer may do',
      tag: 'waves',
      auth: 'optional',
      params: WaveParamsSchema,
      response: WaveDetailSchema,
      errors: [404],
      async handler({ params, viewer, deps }) {
        const { wave, role } = await requireWave(deps.db.kysely, viewer, params.waveId, null);
        return waveDetail(deps.db.kysely, wave, viewer, role);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/waves/:waveId/contributors',
      summary: 'Everyone who shaped the wave: document characters and edits, blips; most involved first',
      tag: 'waves',
      auth: 'optional',
      params: WaveParamsSchema,
      response: z.array(ContributorSchema),
      errors: [404],
      async handler({ params, viewer, deps }) {
        const { wave } = await requireWave(deps.db.kysely, viewer, params.waveId, null);
        return contributorsOf(deps.db.kysely, wave.id);
      },
    }),
    support(true),
    support(false),
  ];
}
