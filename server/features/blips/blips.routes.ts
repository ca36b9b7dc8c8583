import { z } from 'zod';
import {
  BlipPageSchema,
  BlipParamsSchema,
  BlipRevisionSchema,
  BlipSchema,
  EditBlipBodySchema,
  HistorySchema,
  PlaybackQuerySchema,
  PlaybackSchema,
  PostBlipBodySchema,
  ReactionCountSchema,
  ReactionParamsSchema,
  WAVE_LIMITS,
  WaveParamsSchema,
} from '../../../shared/schemas/waves.js';
import { defineRoute, idempotencyKeyOf } from '../../http/route.js';
import { requireWave } from '../waves/waves.access.js';
import type { BlipService } from './blips.service.js';
import { playbackAt, waveHistory } from './playback.js';
import type { ReactionService } from './reactions.js';

const BlipPageQuerySchema = z.object({
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(WAVE_LIMITS.blipPageMax).default(WAVE_LIMITS.blipPageMax),
});
const ReactionsResultSchema = z.object({ reactions: z.array(ReactionCountSchema) });

export function blipsRoutes(blips: BlipService, reactions: ReactionService) {
  const reactionRoute = (on: boolean) =>
    defineRoute({
      method: on ? 'put' : 'delete',
      path: '/blips/:blipId/reactions/:reaction',
      summary: on ? 'Add your reaction to a blip (once per reaction)' : 'Take your reaction back',
      tag: 'blips',
      auth: 'user',
      params: ReactionParamsSchema,
      response: ReactionsResultSchema,
      errors: [403, 404, 409],
      async handler({ params, viewer, req }) {
        const counts = await reactions.set(viewer!, { ...params, on, idempotencyKey: idempotencyKeyOf(req) });
        return { reactions: counts };
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/waves/:waveId/blips',
      summary: 'The thread in display order (depth-first, siblings oldest first); deleted blips with replies stay as placeholders',
      tag: 'blips',
      auth: 'optional',
      params: WaveParamsSchema,
      query: BlipPageQuerySchema,
      response: BlipPageSchema,
      errors: [401, 404],
      handler: ({ params, query, viewer }) => blips.page(viewer, params.waveId, query),
    }),
    defineRoute({
      method: 'post',
      path: '/waves/:waveId/blips',
      summary: 'Reply on a wave, to a blip (parentId) or inline (anchor); mention people as <@userId>; send Idempotency-Key to make retries safe',
      tag: 'blips',
      auth: 'user',
      params: WaveParamsSchema,
      body: PostBlipBodySchema,
      response: BlipSchema,
      status: 201,
      errors: [403, 404, 409],
      handler: ({ params, body, viewer, req }) =>
        blips.post(viewer!, { ...body, waveId: params.waveId, idempotencyKey: idempotencyKeyOf(req) }),
    }),
    defineRoute({
      method: 'patch',
      path: '/blips/:blipId',
      summary: 'Edit your own blip; the previous text is kept as a revision',
      tag: 'blips',
      auth: 'user',
      params: BlipParamsSchema,
      body: EditBlipBodySchema,
      response: BlipSchema,
      errors: [403, 404, 409],
      handler: ({ params, body, viewer, req }) =>
        blips.edit(viewer!, { blipId: params.blipId, body: body.body, idempotencyKey: idempotencyKeyOf(req) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/blips/:blipId',
      summary: 'Delete your blip (staff: any); replies keep their place under a placeholder',
      tag: 'blips',
      auth: 'user',
      params: BlipParamsSchema,
      response: null,
      status: 204,
      errors: [403, 404, 409],
      handler: ({ params, viewer, req }) => blips.remove(viewer!, { blipId: params.blipId, idempotencyKey: idempotencyKeyOf(req) }),
    }),
    defineRoute({
      method: 'get',
      path: '/blips/:blipId/revisions',
      summary: 'Earlier texts of an edited blip, oldest first (`at`: when that text was written)',
      tag: 'blips',
      auth: 'optional',
      params: BlipParamsSchema,
      response: z.array(BlipRevisionSchema),
      errors: [401, 404],
      handler: ({ params, viewer }) => blips.revisions(viewer, params.blipId),
    }),
    reactionRoute(true),
    reactionRoute(false),
    defineRoute({
      method: 'get',
      path: '/waves/:waveId/history',
      summary: 'Playback marks over the idea document’s stored updates, and when blips were posted',
      tag: 'blips',
      auth: 'optional',
      params: WaveParamsSchema,
      response: HistorySchema,
      errors: [401, 404],
      async handler({ params, viewer, deps }) {
        const { wave } = await requireWave(deps.db.kysely, viewer, params.waveId, null);
        return waveHistory(deps.db.kysely, wave.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/waves/:waveId/playback',
      summary: 'The idea document right after a stored update (base64 Yjs update) and the thread as it was then; updateId 0 is the empty start',
      tag: 'blips',
      auth: 'optional',
      params: WaveParamsSchema,
      query: PlaybackQuerySchema,
      response: PlaybackSchema,
      errors: [401, 404],
      async handler({ params, query, viewer, deps }) {
        const { wave } = await requireWave(deps.db.kysely, viewer, params.waveId, null);
        return playbackAt(deps.db.kysely, wave, query.updateId, query.at);
      },
    }),
  ];
}
