import { z } from 'zod';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import { AnnouncementBodySchema, StreamEventSchema } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { defineRoute, idempotencyKeyOf } from '../../http/route.js';
import { requireSpace } from '../spaces/access.js';
import type { StreamLog } from '../streams/stream-log.js';
import { postAnnouncement, type AnnouncementReach } from './announcements.service.js';

export function announcementsRoutes(opts: { streams: StreamLog; reach?: AnnouncementReach }) {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/announcements',
      summary: 'The newest announcements, oldest first, and the space stream’s head: subscribe with `after: head` to follow on',
      tag: 'spaces',
      auth: 'optional',
      params: SpaceParamsSchema,
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: z.object({ items: z.array(StreamEventSchema), head: z.int() }),
      errors: [401, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, null);
        const { events, head } = await opts.streams.latestOfType(streamName.space(space.id), 'announcement:posted', query.limit);
        return { items: events, head };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/announcements',
      summary: 'Post an announcement to the space stream (staff); send Idempotency-Key to make retries safe',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      body: AnnouncementBodySchema,
      response: z.object({ event: StreamEventSchema }),
      status: 201,
      errors: [403, 404],
      async handler({ params, body, viewer, deps, req }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        const event = await postAnnouncement(opts.streams, {
          space,
          author: viewer!,
          text: body.text,
          idempotencyKey: idempotencyKeyOf(req),
        }, opts.reach);
        return { event };
      },
    }),
  ];
}
