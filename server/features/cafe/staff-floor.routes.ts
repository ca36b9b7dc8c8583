import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import { StaffFloorSchema, StaffFloorWatchEventSchema } from '../../../shared/schemas/staff-floor.js';
import { defineRoute } from '../../http/route.js';
import type { AppSocket } from '../../realtime/io.js';
import type { SocketEvents } from '../../realtime/socket-events.js';
import { staffFloorRoom, type StaffFloorFeed } from './staff-floor.js';

/** `GET /spaces/:slug/staff-floor`: the staff floor once (the console follows it live with `staff-floor:watch`). */
export function staffFloorRoutes(feed: StaffFloorFeed) {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/staff-floor',
      summary:
        'Staff: every open table with activity per minute (last 15), the last line said, hands up, watched-word alerts and whether it is busy without staff; and which staff are on the floor',
      tag: 'cafe',
      auth: 'user',
      params: SpaceParamsSchema,
      response: StaffFloorSchema,
      errors: [401, 403, 404],
      handler: ({ params, viewer }) => feed.snapshot(viewer, params.slug),
    }),
  ];
}

/** The spaces each socket watches the staff floor of (only sockets that watch one are here). */
const watchingBySocket = new WeakMap<AppSocket, Set<string>>();

/**
 * `staff-floor:watch {slug}` (staff of the space): joins the staff room, then answers with the
 * whole staff floor; `staff-floor:delta` batches follow. Watching counts as being on the floor
 * (coverage) until the socket unwatches or disconnects.
 */
export function staffFloorSocketEvents(events: SocketEvents, feed: StaffFloorFeed): void {
  events.on('staff-floor:watch', StaffFloorWatchEventSchema, async (socket, input) => {
    const { spaceId, room } = await feed.room(socket.data.viewer, input.slug);
    // Join before reading: a change made meanwhile comes as a delta, never falls in between.
    await socket.join(room);
    const watching = watchingBySocket.get(socket) ?? new Set<string>();
    watchingBySocket.set(socket, watching.add(spaceId));
    feed.coverageMoved(spaceId);
    return feed.read(spaceId);
  });
  events.on('staff-floor:unwatch', StaffFloorWatchEventSchema, async (socket, input) => {
    // No role check to leave: someone whose staff role went meanwhile may still stop watching.
    const spaceId = await feed.spaceIdOf(input.slug);
    if (spaceId === null) return null;
    await socket.leave(staffFloorRoom(spaceId));
    if (watchingBySocket.get(socket)?.delete(spaceId)) feed.coverageMoved(spaceId);
    return null;
  });
  events.onDisconnect((socket) => {
    const watching = watchingBySocket.get(socket);
    if (!watching) return;
    watchingBySocket.delete(socket);
    for (const spaceId of watching) feed.coverageMoved(spaceId);
  });
}
