import { PostAnnouncementSchema } from '../../../shared/schemas/streams.js';
import type { AppDeps } from '../../deps.js';
import { signedIn } from '../../realtime/signed-in.js';
import type { SocketEvents } from '../../realtime/socket-events.js';
import { requireSpace } from '../spaces/access.js';
import type { StreamLog } from '../streams/stream-log.js';
import { postAnnouncement, type AnnouncementReach } from './announcements.service.js';

export function announcementSocketEvents(events: SocketEvents, deps: AppDeps, streams: StreamLog, reach?: AnnouncementReach) {
  events.on('announcement:post', PostAnnouncementSchema, async (socket, { spaceId, text, idempotencyKey }) => {
    const viewer = signedIn(socket);
    const { space } = await requireSpace(deps.db.kysely, viewer, { id: spaceId }, 'staff');
    return { event: await postAnnouncement(streams, { space, author: viewer, text, idempotencyKey }, reach) };
  });
}
