import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import {
  AnalyticsCsvQuerySchema,
  AnalyticsQuerySchema,
  AnalyticsSchema,
  CatalystsQuerySchema,
  CatalystsSchema,
  InviteHostBodySchema,
  InviteHostResultSchema,
  PersonInSpaceParamsSchema,
} from '../../../shared/schemas/insights.js';
import { defineRoute, idempotencyKeyOf } from '../../http/route.js';
import { requireSpace } from '../spaces/access.js';
import { analyticsCsv, csvFileName } from './analytics.csv.js';
import { analyticsOf } from './analytics.service.js';
import { catalystsOf } from './catalysts.service.js';
import { inviteToHost, type HostInviteDeps } from './host-invite.service.js';
import { windowOf } from './insights.stats.js';

/** The console's insights: staff of the space only (fans 403, outsiders of a private space 404). */
export function insightsRoutes(deps: Pick<HostInviteDeps, 'notifier'>) {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/catalysts',
      summary: 'Staff: who makes others contribute, ranked by reach over their own volume, with the conversations that show it (docs/catalysts.md)',
      tag: 'insights',
      auth: 'user',
      params: SpaceParamsSchema,
      query: CatalystsQuerySchema,
      response: CatalystsSchema,
      errors: [403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return catalystsOf(deps.db.kysely, space, windowOf(query.days, deps.clock.now()));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/people/:userId/invite-host',
      summary: 'Staff: invite a person to host cafe tables (a host-invite notification linking to the cafe; audited). Optional Idempotency-Key',
      tag: 'insights',
      auth: 'user',
      params: PersonInSpaceParamsSchema,
      body: InviteHostBodySchema,
      response: InviteHostResultSchema,
      errors: [403, 404],
      async handler({ params, body, viewer, req, deps: app }) {
        const { space } = await requireSpace(app.db.kysely, viewer, params, 'staff');
        return inviteToHost(
          { db: app.db.kysely, clock: app.clock, notifier: deps.notifier },
          { space, staff: viewer!, userId: params.userId, body, idempotencyKey: idempotencyKeyOf(req) },
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/analytics',
      summary: 'Staff: raised-hand response times, active fans, conversations, ideas by status and time in status, moderation volume and time in queue, over the last `days` UTC days (docs/analytics.md)',
      tag: 'insights',
      auth: 'user',
      params: SpaceParamsSchema,
      query: AnalyticsQuerySchema,
      response: AnalyticsSchema,
      errors: [403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return analyticsOf(deps.db.kysely, space, windowOf(query.days, deps.clock.now()));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/analytics.csv',
      summary:
        'Staff: one table of the analytics as a CSV download (text/csv; header row; days are UTC, times in seconds). Metrics: hands, open-hands, active-fans, active-fans-weekly, conversations, ideas, moderation',
      tag: 'insights',
      auth: 'user',
      params: SpaceParamsSchema,
      query: AnalyticsCsvQuerySchema,
      // The handler writes the CSV itself (not JSON).
      response: null,
      status: 200,
      errors: [403, 404],
      async handler({ params, query, viewer, deps, res }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        const report = await analyticsOf(deps.db.kysely, space, windowOf(query.days, deps.clock.now()));
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .attachment(csvFileName(space.slug, query.metric, report))
          .set('Cache-Control', 'no-store')
          .send(analyticsCsv(report, query.metric));
      },
    }),
  ];
}
