import {
  FloorWatchEventSchema,
  TableAnswerEventSchema,
  TableHandEventSchema,
  TableJoinEventSchema,
  TableLeaveEventSchema,
  TableSayEventSchema,
  TableTypingEventSchema,
} from '../../../shared/schemas/cafe.js';
import { streamName } from '../../../shared/streams.js';
import { unauthenticated } from '../../http/errors.js';
import type { Logger } from '../../lib/logger.js';
import { defineHandler } from '../../realtime/handler.js';
import type { AppSocket } from '../../realtime/io.js';
import { floorRoom, streamRoom } from '../../realtime/rooms.js';
import { CAFE_LIMITS } from '../../../shared/schemas/cafe.js';
import type { CafeService } from './cafe.service.js';

export function registerCafeHandlers(socket: AppSocket, log: Logger, { tables, seats, chat, hands }: Pick<CafeService, 'tables' | 'seats' | 'chat' | 'hands'>) {
  const signedIn = () => {
    const viewer = socket.data.viewer;
    if (!viewer) throw unauthenticated();
    return viewer;
  };
  const viewer = socket.data.viewer;
  if (viewer) {
    // Back within the grace period: the seat is theirs again.
    seats.connected(viewer.id).catch((err) => log.error({ err }, 'cafe: could not restore seats'));
    socket.on('disconnect', () => {
      seats.disconnected(viewer.id).catch((err) => log.error({ err }, 'cafe: could not mark seats away'));
    });
  }

  socket.on(
    'floor:watch',
    defineHandler(socket, log, FloorWatchEventSchema, async (input) => {
      const viewer = socket.data.viewer;
      // Join before reading the page: a change made meanwhile comes as a delta, never falls in between.
      const { spaceId, audience } = await tables.floorAudience(viewer, input.slug);
      await socket.join(floorRoom(spaceId, audience));
      const { page } = await tables.watchFloor(viewer, input.slug, { limit: CAFE_LIMITS.floorPageDefault, topic: input.topic, tag: input.tag });
      return { page };
    }),
  );
  socket.on(
    'floor:unwatch',
    defineHandler(socket, log, FloorWatchEventSchema, async (input) => {
      const { spaceId, audience } = await tables.floorAudience(socket.data.viewer, input.slug);
      await socket.leave(floorRoom(spaceId, audience));
      return null;
    }),
  );
  socket.on('table:join', defineHandler(socket, log, TableJoinEventSchema, (input) => seats.sit(signedIn(), input.tableId)));
  socket.on(
    'table:leave',
    defineHandler(socket, log, TableLeaveEventSchema, async (input) => {
      await seats.leave(signedIn(), input.tableId);
      return null;
    }),
  );
  socket.on(
    'table:say',
    defineHandler(socket, log, TableSayEventSchema, async (input) => ({ message: await chat.say(signedIn(), input) })),
  );
  socket.on(
    'table:typing',
    defineHandler(socket, log, TableTypingEventSchema, async (input) => {
      const who = signedIn();
      await chat.mayType(who, input.tableId);
      socket.volatile
        .to(streamRoom(streamName.table(input.tableId)))
        .emit('table:typing', { tableId: input.tableId, person: { id: who.id, displayName: who.displayName }, typing: input.typing });
      return null;
    }),
  );
  socket.on(
    'table:hand',
    defineHandler(socket, log, TableHandEventSchema, async (input) => ({ hand: await hands.hand(signedIn(), input) })),
  );
  socket.on(
    'table:answer',
    defineHandler(socket, log, TableAnswerEventSchema, async (input) => ({ hand: await hands.answer(signedIn(), input) })),
  );
}
