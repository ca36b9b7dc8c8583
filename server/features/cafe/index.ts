import type { Feature, FeatureContext } from '../feature.js';
import { tableDocAccess, tableStreamAccess } from './cafe.access.js';
import { cafeSocketConnected, cafeSocketEvents } from './cafe.handlers.js';
import { tableMessageModeration } from './cafe.moderation.js';
import { cafeRoutes } from './cafe.routes.js';
import { createCafe } from './cafe.service.js';
import type { CafeOptions } from './cafe.shared.js';
import { FloorFeed } from './floor-feed.js';
import { StaffFloorFeed } from './staff-floor.js';
import { staffFloorRoutes, staffFloorSocketEvents } from './staff-floor.routes.js';

/**
 * Cafe tables: the live floor, seats with an exact cap, table chat, the notepad, raised hands,
 * staff locking, closing and promoting tables to waves.
 * `options` changes the grace period and the idle close; the sweep reads the injected clock, so tests move it.
 */
export function cafeFeature(ctx: FeatureContext, options: Partial<CafeOptions> = {}): Feature {
  const { db, clock, log } = ctx.deps;
  const cafeLog = log.child({ module: 'cafe' });
  const floor = new FloorFeed({ db: db.kysely, clock, log: cafeLog }, ctx.io);
  // The console's staff floor follows every change the fans' floor sees, in its own batches.
  const staffFloor = new StaffFloorFeed({ db: db.kysely, clock, log: cafeLog }, ctx.io);
  floor.observe(staffFloor);
  const cafe = createCafe(
    {
      db: db.kysely,
      clock,
      log: cafeLog,
      streams: ctx.streams,
      moderation: ctx.moderation,
      notifier: ctx.notifier,
      refreshDocAccess: (name) => ctx.collab().refreshAccess(name),
      floor,
    },
    options,
  );
  ctx.streamAccess.register('table', tableStreamAccess);
  ctx.docAccess.register('table', tableDocAccess);
  const messages = tableMessageModeration({ db: db.kysely, streams: ctx.streams });
  ctx.moderation.kinds.register({
    ...messages,
    // A decision moves the table's last line and its watched-word alert on the staff floor.
    afterDecision: async (messageId, visibility) => {
      await messages.afterDecision?.(messageId, visibility);
      await staffFloor.messageDecided(messageId).catch((err) => cafeLog.error({ err, messageId }, 'staff floor: could not note a decision'));
    },
  });
  return {
    routes: [...cafeRoutes(cafe), ...staffFloorRoutes(staffFloor)],
    socketEvents: (events) => {
      cafeSocketEvents(events, log, cafe);
      staffFloorSocketEvents(events, staffFloor);
    },
    connected: (socket) => cafeSocketConnected(socket, log, cafe),
    close: async () => {
      await cafe.close();
      await staffFloor.close();
    },
  };
}
