import type { Feature, FeatureContext } from '../feature.js';
import { requireWave, waveDocAccess } from './waves.access.js';
import type { WavesContext } from './waves.context.js';
import { WaveDocHooks } from './waves.docs.js';
import { waveSocketEvents } from './waves.handlers.js';
import { waveModeration } from './waves.moderation.js';
import { peopleRoutes } from './waves.people.js';
import { pipelineRoutes } from './waves.pipeline.js';
import { wavesRoutes } from './waves.routes.js';
import { searchRoutes } from './waves.search.js';
import { waveStaffRoutes } from './waves.staff.routes.js';

/** Waves: ideas with a co-edited document, support, status with reasons, merge, lock, search. */
export function wavesFeature(ctx: FeatureContext): Feature {
  const { deps } = ctx;
  const waves: WavesContext = {
    db: deps.db.kysely,
    clock: deps.clock,
    streams: ctx.streams,
    moderation: ctx.moderation,
    notifier: ctx.notifier,
    refreshDocAccess: (name) => ctx.collab().refreshAccess(name),
  };
  ctx.streamAccess.register('wave', async ({ db, viewer, id }) => {
    await requireWave(db, viewer, id, null);
  });
  ctx.docAccess.register('wave', waveDocAccess);
  ctx.moderation.kinds.register(waveModeration(waves));
  const docHooks = new WaveDocHooks({ db: deps.db.kysely, clock: deps.clock, streams: ctx.streams, log: deps.log.child({ module: 'waves' }) });
  ctx.collabHooks.add(docHooks);

  return {
    routes: [...wavesRoutes(waves), ...waveStaffRoutes(waves), ...searchRoutes(), ...peopleRoutes(), ...pipelineRoutes()],
    socketEvents: (events) => waveSocketEvents(events, waves),
    close: () => docHooks.close(),
  };
}
