import type { Feature, FeatureContext } from '../feature.js';
import { tableDocAccess, tableStreamAccess } from './cafe.access.js';
import { registerCafeHandlers } from './cafe.handlers.js';
import { tableMessageModeration } from './cafe.moderation.js';
import { cafeRoutes } from './cafe.routes.js';
import type { CafeService } from './cafe.service.js';
import { CAFE_EMPTY_CLOSE_MS, CAFE_GRACE_MS, CAFE_SWEEP_MS, tableChanges, type CafeDeps, type CafeOptions } from './cafe.shared.js';
import { ChatService } from './chat.service.js';
import { HandsService } from './hands.service.js';
import { SeatsService } from './seats.service.js';
import { TablesService } from './tables.service.js';
import { FloorFeed } from './floor-feed.js';
import { PromoteService } from './promote.service.js';

/**
 * Cafe tables: the live floor, seats with an exact cap, table chat, the notepad, raised hands,
 * staff locking, closing and promoting tables to waves.
 * `options` changes the grace period and the idle close; the sweep reads the injected clock, so tests move it.
 */
export function cafeFeature(ctx: FeatureContext, options: Partial<CafeOptions> = {}): Feature {
  const { db, clock, log } = ctx.deps;
  const cafeLog = log.child({ module: 'cafe' });
  const floor = new FloorFeed({ db: db.kysely, clock, log: cafeLog }, ctx.io);
  const d: CafeDeps = {
    db: db.kysely,
    clock,
    log: cafeLog,
    streams: ctx.streams,
    moderation: ctx.moderation,
    refreshDocAccess: (name) => ctx.collab().refreshAccess(name),
    floor,
  };
  const changed = tableChanges(d);
  const seats = new SeatsService(
    d,
    {
      graceMs: options.graceMs ?? CAFE_GRACE_MS,
      sweepMs: options.sweepMs ?? CAFE_SWEEP_MS,
      emptyCloseMs: options.emptyCloseMs ?? CAFE_EMPTY_CLOSE_MS,
    },
    changed,
  );
  const hands = new HandsService(d, changed);
  const cafe: CafeService = {
    tables: new TablesService(d, seats, changed),
    seats,
    chat: new ChatService(d, hands),
    hands,
    promote: new PromoteService(d),
  };
  ctx.streamAccess.register('table', tableStreamAccess);
  ctx.docAccess.register('table', tableDocAccess);
  ctx.moderation.kinds.register(tableMessageModeration({ db: db.kysely, streams: ctx.streams }));
  return {
    routes: cafeRoutes(cafe),
    registerHandlers: (socket) => registerCafeHandlers(socket, log, cafe),
    close: async () => {
      await seats.close();
      await floor.close();
    },
  };
}
