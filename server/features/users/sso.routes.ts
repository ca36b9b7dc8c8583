import { AuthResponseSchema, SsoBodySchema } from '../../../shared/schemas/auth.js';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import { notFound } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { findSpaceBySlug } from '../spaces/spaces.repository.js';
import { startSession } from './auth.routes.js';
import { userForSsoClaims, verifySsoToken } from './sso.js';

export function ssoRoutes(opts: { csrfSecret: Buffer }) {
  return [
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/sso',
      summary: 'Exchange a brand-signed SSO token (HS256 JWT) for a Commonplace token scoped to this space',
      tag: 'auth',
      auth: 'none',
      params: SpaceParamsSchema,
      body: SsoBodySchema,
      response: AuthResponseSchema,
      errors: [401, 404],
      async handler({ params, body, deps }) {
        // Private spaces too: the brand's signature is the proof of membership.
        const space = await findSpaceBySlug(deps.db.kysely, params.slug);
        if (!space) throw notFound('Space');
        const now = deps.clock.now();
        const claims = await verifySsoToken(body.token, space.sso_secret, now);
        // The person and their session in one commit: a storm of first sign-ins waits on half the fsyncs.
        return deps.db.kysely.transaction().execute(async (trx) => {
          const user = await userForSsoClaims(trx, space, claims, now.toISOString());
          return startSession(deps, opts.csrfSecret, user, { spaceId: space.id, db: trx });
        });
      },
    }),
  ];
}
