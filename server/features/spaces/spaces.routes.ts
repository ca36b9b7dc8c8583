import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/errors.js';
import { AuthResponseSchema, SsoBodySchema } from '../../../shared/schemas/auth.js';
import { IdempotencyKeySchema, SpaceParamsSchema } from '../../../shared/schemas/common.js';
import {
  AuditEntrySchema,
  AuditQuerySchema,
  GrantRoleBodySchema,
  MemberSchema,
  SpaceSchema,
  SpaceSettingsPatchSchema,
  SpaceSettingsSchema,
  type Space,
} from '../../../shared/schemas/spaces.js';
import { AnnouncementBodySchema, StreamEventSchema } from '../../../shared/schemas/streams.js';
import type { Role } from '../../../shared/roles.js';
import { AppError, invalidInput, notFound } from '../../http/errors.js';
import type { OriginPolicy } from '../../http/origins.js';
import { defineRoute } from '../../http/route.js';
import { postAnnouncement } from '../announcements/announcements.service.js';
import { appendAudit, listAudit } from '../audit/audit.repository.js';
import type { StreamLog } from '../streams/stream-log.js';
import { startSession } from '../users/auth.routes.js';
import { userForSsoClaims, verifySsoToken } from '../users/sso.js';
import { findUserByEmail, toUser } from '../users/users.repository.js';
import { requireSpace } from './access.js';
import { findSpaceBySlug, membersOf, parseSettings, updateSettings, upsertMembership } from './spaces.repository.js';
import type { SpaceRow } from './spaces.table.js';

export function toSpace(row: SpaceRow, viewerRole: Role | null): Space {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    public: parseSettings(row).public,
    createdAt: row.created_at,
    viewerRole,
  };
}

export const newSsoSecret = () => randomBytes(32).toString('base64url');

export function spacesRoutes(opts: { csrfSecret: Buffer; origins: OriginPolicy; streams: StreamLog }) {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug',
      summary: 'A space, with the viewer’s role in it',
      tag: 'spaces',
      auth: 'optional',
      params: SpaceParamsSchema,
      response: SpaceSchema,
      errors: [401, 404],
      async handler({ params, viewer, deps }) {
        const { space, role } = await requireSpace(deps.db.kysely, viewer, { slug: params.slug }, null);
        return toSpace(space, role);
      },
    }),
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
        const user = await userForSsoClaims(deps.db.kysely, space, claims, now.toISOString());
        return startSession(deps, opts.csrfSecret, user, { spaceId: space.id });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/settings',
      summary: 'The space’s settings (admins)',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      response: SpaceSettingsSchema,
      errors: [403, 404],
      async handler({ params, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'admin');
        return parseSettings(space);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/spaces/:slug/settings',
      summary: 'Change some of the space’s settings (admins)',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      body: SpaceSettingsPatchSchema,
      response: SpaceSettingsSchema,
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'admin');
        const before = parseSettings(space);
        const merged = SpaceSettingsSchema.safeParse({ ...before, ...body });
        if (!merged.success) throw invalidInput(merged.error);
        if (merged.data.tableCapacity > merged.data.maxTableCapacity) {
          throw new AppError(ERROR_CODES.INVALID_INPUT, 'tableCapacity: must not exceed maxTableCapacity', {
            field: 'tableCapacity',
          });
        }
        await deps.db.kysely.transaction().execute(async (trx) => {
          await updateSettings(trx, space.id, merged.data);
          await appendAudit(trx, {
            spaceId: space.id,
            actorId: viewer!.id,
            action: 'space.settings.update',
            targetType: 'space',
            targetId: space.id,
            before,
            after: merged.data,
            now: deps.clock.now().toISOString(),
          });
        });
        await opts.origins.refresh();
        return merged.data;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/sso-secret',
      summary: 'Rotate the space’s SSO signing secret (admins); tokens signed with the old one stop working',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      response: z.object({ ssoSecret: z.string() }),
      errors: [403, 404],
      async handler({ params, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'admin');
        const ssoSecret = newSsoSecret();
        await deps.db.kysely.transaction().execute(async (trx) => {
          await trx.updateTable('spaces').set({ sso_secret: ssoSecret }).where('id', '=', space.id).execute();
          await appendAudit(trx, {
            spaceId: space.id,
            actorId: viewer!.id,
            action: 'space.sso_secret.rotate',
            targetType: 'space',
            targetId: space.id,
            now: deps.clock.now().toISOString(),
          });
        });
        return { ssoSecret };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/members',
      summary: 'People of the space with their roles (staff)',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: z.array(MemberSchema),
      errors: [403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        const rows = await membersOf(deps.db.kysely, space.id, query.limit, query.offset);
        return rows.map(({ role, joined_at, ...user }) => ({ user: toUser(user), role, joinedAt: joined_at }));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/spaces/:slug/roles',
      summary: 'Give a person (by email) a role in the space (admins)',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      body: GrantRoleBodySchema,
      response: MemberSchema,
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'admin');
        const user = await findUserByEmail(deps.db.kysely, body.email);
        if (!user) throw notFound('Account with this email');
        const now = deps.clock.now().toISOString();
        await deps.db.kysely.transaction().execute(async (trx) => {
          const before = await trx
            .selectFrom('memberships')
            .select('role')
            .where('space_id', '=', space.id)
            .where('user_id', '=', user.id)
            .executeTakeFirst();
          await upsertMembership(trx, space.id, user.id, body.role, now);
          await appendAudit(trx, {
            spaceId: space.id,
            actorId: viewer!.id,
            action: 'member.role.set',
            targetType: 'user',
            targetId: user.id,
            before: before ? { role: before.role } : null,
            after: { role: body.role },
            now,
          });
        });
        const joined = await deps.db.kysely
          .selectFrom('memberships')
          .select('joined_at')
          .where('space_id', '=', space.id)
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow();
        return { user: toUser(user), role: body.role, joinedAt: joined.joined_at };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/audit',
      summary: 'The space’s audit log, newest first (staff)',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      query: AuditQuerySchema,
      response: z.array(AuditEntrySchema),
      errors: [403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return listAudit(deps.db.kysely, space.id, query);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/announcements',
      summary: 'Post an announcement to the space stream (staff); send Idempotency-Key to make retries safe',
      tag: 'spaces',
      auth: 'user',
      params: SpaceParamsSchema,
      body: AnnouncementBodySchema,
      response: z.object({ event: StreamEventSchema }),
      status: 201,
      errors: [403, 404],
      async handler({ params, body, viewer, deps, req }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        const key = req.get('idempotency-key');
        const parsedKey = key === undefined ? undefined : IdempotencyKeySchema.safeParse(key);
        if (parsedKey && !parsedKey.success) throw invalidInput(parsedKey.error, 'Idempotency-Key');
        const event = await postAnnouncement(opts.streams, {
          space,
          author: viewer!,
          text: body.text,
          idempotencyKey: parsedKey?.data,
        });
        return { event };
      },
    }),
  ];
}
