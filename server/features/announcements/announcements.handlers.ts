import { PostAnnouncementSchema } from '../../../shared/schemas/streams.js';
import type { AppDeps } from '../../deps.js';
import { unauthenticated } from '../../http/errors.js';
import { defineHandler } from '../../realtime/handler.js';
import type { AppSocket } from '../../realtime/io.js';
import { requireSpace } from '../spaces/access.js';
import type { StreamLog } from '../streams/stream-log.js';
import { postAnnouncement, type AnnouncementReach } from './announcements.service.js';

export function registerAnnouncementHandlers(socket: AppSocket, deps: AppDeps, streams: StreamLog, reach?: AnnouncementReach) {
  socket.on(
    'announcement:post',
    defineHandler(socket, deps.log, PostAnnouncementSchema, async ({ spaceId, text, idempotencyKey }) => {
      const viewer = socket.data.viewer;
      if (!viewer) throw unauthenticated();
      const { space } = await requireSpace(deps.db.kysely, viewer, { id: spaceId }, 'staff');
      return { event: await postAnnouncement(streams, { space, author: viewer, text, idempotencyKey }, reach) };
    }),
  );
}
