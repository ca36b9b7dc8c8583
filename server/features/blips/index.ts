import type { Feature, FeatureContext } from '../feature.js';
import { blipSocketEvents } from './blips.handlers.js';
import { blipModeration } from './blips.moderation.js';
import { blipsRoutes } from './blips.routes.js';
import { BlipService } from './blips.service.js';
import { DraftRelay } from './drafts.js';
import { ReactionService } from './reactions.js';
import { WaveCountsThrottle } from './wave-counts-throttle.js';
import { KeyedQueue } from '../waves/keyed-queue.js';
import { settingsRoutes } from './settings.routes.js';

/** Blips: the threaded conversation on a wave, reactions, mentions, live drafts and playback. */
export function blipsFeature(ctx: FeatureContext): Feature {
  const { db, clock } = ctx.deps;
  const drafts = new DraftRelay(db.kysely, clock, ctx.io);
  const perWave = new KeyedQueue();
  const counts = new WaveCountsThrottle({ db: db.kysely, streams: ctx.streams, log: ctx.deps.log.child({ module: 'blips' }) });
  const blips = new BlipService({
    db: db.kysely,
    clock,
    streams: ctx.streams,
    drafts,
    perWave,
    moderation: ctx.moderation,
    notifier: ctx.notifier,
    counts,
  });
  ctx.moderation.kinds.register(blipModeration({ db: db.kysely, clock, streams: ctx.streams, perWave }));
  const reactions = new ReactionService({ db: db.kysely, clock, streams: ctx.streams, perWave });
  return {
    routes: [...blipsRoutes(blips, reactions), ...settingsRoutes()],
    socketEvents: (events) => blipSocketEvents(events, { blips, reactions, drafts }),
    async close() {
      drafts.close();
      await counts.close();
    },
  };
}
