import { requireSpace } from '../spaces/access.js';
import type { Feature, FeatureContext } from '../feature.js';
import { moderationRoutes } from './moderation.routes.js';
import { ModerationQueue } from './queue.service.js';

/** Moderation: the console's queue, sanctions and fans' flags; `ctx.moderation` screens every post. */
export function moderationFeature(ctx: FeatureContext): Feature {
  const queue = new ModerationQueue(ctx.deps.db.kysely, ctx.deps.clock, ctx.streams, ctx.moderation.kinds, ctx.notifier);
  ctx.streamAccess.register('staff', async ({ db, viewer, id }) => {
    await requireSpace(db, viewer, { id }, 'staff');
  });
  return { routes: moderationRoutes(ctx.moderation, queue) };
}
