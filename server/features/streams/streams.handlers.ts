import { LIMITS } from '../../../shared/limits.js';
import { SubscribeSchema, UnsubscribeSchema } from '../../../shared/schemas/streams.js';
import type { AppDeps } from '../../deps.js';
import { defineHandler } from '../../realtime/handler.js';
import type { AppSocket } from '../../realtime/io.js';
import { streamRoom } from '../../realtime/rooms.js';
import type { StreamAccess } from './stream-access.js';
import type { StreamLog } from './stream-log.js';

export function registerStreamHandlers(socket: AppSocket, deps: AppDeps, log: StreamLog, access: StreamAccess) {
  socket.on(
    'stream:subscribe',
    defineHandler(socket, deps.log, SubscribeSchema, async ({ stream, after }) => {
      await access.assertReadable(stream, socket.data.viewer);
      // Join before reading, so nothing committed in between is missed; the client drops seq it already has.
      await socket.join(streamRoom(stream));
      if (after === undefined) return { stream, events: [], head: await log.head(stream), more: false };
      return log.since(stream, after, LIMITS.replayBatch);
    }),
  );

  socket.on(
    'stream:unsubscribe',
    defineHandler(socket, deps.log, UnsubscribeSchema, async ({ stream }) => {
      await socket.leave(streamRoom(stream));
      return null;
    }),
  );
}
