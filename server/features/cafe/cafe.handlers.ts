import {
  CAFE_LIMITS,
  FloorWatchEventSchema,
  TableAnswerEventSchema,
  TableHandEventSchema,
  TableJoinEventSchema,
  TableLeaveEventSchema,
  TableSayEventSchema,
  TableTypingEventSchema,
} from '../../../shared/schemas/cafe.js';
import { streamName } from '../../../shared/streams.js';
import type { Logger } from '../../lib/logger.js';
import type { AppSocket } from '../../realtime/io.js';
import { floorRoom, streamRoom } from '../../realtime/rooms.js';
import { signedIn } from '../../realtime/signed-in.js';
import type { SocketEvents } from '../../realtime/socket-events.js';
import type { CafeService } from './cafe.service.js';

type Cafe = Pick<CafeService, 'tables' | 'seats' | 'chat' | 'hands'>;

/** A signed-in socket opened: back within the grace period, the person's seats are theirs again. */
export function cafeSocketConnected(socket: AppSocket, log: Logger, { seats }: Cafe): void {
  const viewer = socket.data.viewer;
  if (viewer) seats.connected(viewer.id).catch((err) => log.error({ err }, 'cafe: could not restore seats'));
}

export function cafeSocketEvents(events: SocketEvents, log: Logger, { tables, seats, chat, hands }: Cafe) {
  events.onDisconnect((socket) => {
    const viewer = socket.data.viewer;
    if (!viewer) return;
    seats.disconnected(viewer.id).catch((err) => log.error({ err }, 'cafe: could not mark seats away'));
  });

  events.on('floor:watch', FloorWatchEventSchema, async (socket, input) => {
    const viewer = socket.data.viewer;
    // Join before reading the page: a change made meanwhile comes as a delta, never falls in between.
    const { spaceId, audience } = await tables.floorAudience(viewer, input.slug);
    await socket.join(floorRoom(spaceId, audience));
    const { page } = await tables.watchFloor(viewer, input.slug, { limit: CAFE_LIMITS.floorPageDefault, topic: input.topic, tag: input.tag });
    return { page };
  });
  events.on('floor:unwatch', FloorWatchEventSchema, async (socket, input) => {
    const { spaceId, audience } = await tables.floorAudience(socket.data.viewer, input.slug);
    await socket.leave(floorRoom(spaceId, audience));
    return null;
  });
  events.on('table:join', TableJoinEventSchema, (socket, input) => seats.sit(signedIn(socket), input.tableId));
  events.on('table:leave', TableLeaveEventSchema, async (socket, input) => {
    await seats.leave(signedIn(socket), input.tableId);
    return null;
  });
  events.on('table:say', TableSayEventSchema, async (socket, input) => ({ message: await chat.say(signedIn(socket), input) }));
  events.on('table:typing', TableTypingEventSchema, async (socket, input) => {
    const who = signedIn(socket);
    await chat.mayType(who, input.tableId);
    socket.volatile
      .to(streamRoom(streamName.table(input.tableId)))
      .emit('table:typing', { tableId: input.tableId, person: { id: who.id, displayName: who.displayName }, typing: input.typing });
    return null;
  });
  events.on('table:hand', TableHandEventSchema, async (socket, input) => ({ hand: await hands.hand(signedIn(socket), input) }));
  events.on('table:answer', TableAnswerEventSchema, async (socket, input) => ({ hand: await hands.answer(signedIn(socket), input) }));
}
