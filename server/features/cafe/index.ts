import type { Feature, FeatureContext } from '../feature.js';
import { tableDocAccess, tableStreamAccess } from './cafe.access.js';
import { registerCafeHandlers } from './cafe.handlers.js';
import { tableMessageModeration } from './cafe.moderation.js';
import { cafeRoutes } from './cafe.routes.js';
import { createCafe } from './cafe.service.js';
import type { CafeOptions } from './cafe.shared.js';
import { FloorFeed } from './floor-feed.js';

/**
 * Cafe tables: the live floor, seats with an exact cap, table chat, the notepad, raised hands,
 * staff locking, closing and promoting tables to waves.
 * `options` changes the grace period and the idle close; the sweep reads the injected clock, so tests move it.
 */
export function cafeFeature(ctx: FeatureContext, options: Partial<CafeOptions> = {}): Feature {
  const { db, clock, log } = ctx.deps;
  const cafeLog = log.child({ module: 'cafe' });
  const cafe = createCafe(
    {
      db: db.kysely,
      clock,
      log: cafeLog,
      streams: ctx.streams,
      moderation: ctx.moderation,
      notifier: ctx.notifier,
      refreshDocAccess: (name) => ctx.collab().refreshAccess(name),
      floor: new FloorFeed({ db: db.kysely, clock, log: cafeLog }, ctx.io),
    },
    options,
  );
  ctx.streamAccess.register('table', tableStreamAccess);
  ctx.docAccess.register('table', tableDocAccess);
  ctx.moderation.kinds.register(tableMessageModeration({ db: db.kysely, streams: ctx.streams }));
  return {
    routes: cafeRoutes(cafe),
    registerHandlers: (socket) => registerCafeHandlers(socket, log, cafe),
    close: () => cafe.close(),
  };
}
