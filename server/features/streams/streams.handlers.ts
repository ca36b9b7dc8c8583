import { LIMITS } from '../../../shared/limits.js';
import { SubscribeSchema, UnsubscribeSchema } from '../../../shared/schemas/streams.js';
import { streamRoom } from '../../realtime/rooms.js';
import type { SocketEvents } from '../../realtime/socket-events.js';
import type { StreamAccess } from './stream-access.js';
import type { StreamLog } from './stream-log.js';

export function streamSocketEvents(events: SocketEvents, log: StreamLog, access: StreamAccess) {
  events.on('stream:subscribe', SubscribeSchema, async (socket, { stream, after }) => {
    await access.assertReadable(stream, socket.data.viewer);
    // Join before reading, so nothing committed in between is missed; the client drops seq it already has.
    await socket.join(streamRoom(stream));
    if (after === undefined) return { stream, events: [], head: await log.head(stream), more: false };
    return log.since(stream, after, LIMITS.replayBatch);
  });

  events.on('stream:unsubscribe', UnsubscribeSchema, async (socket, { stream }) => {
    await socket.leave(streamRoom(stream));
    return null;
  });
}
