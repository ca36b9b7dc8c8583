import { z } from 'zod';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import {
  AuditEntrySchema,
  AuditQuerySchema,
  ConsistentSpaceSettingsSchema,
  GrantRoleBodySchema,
  MemberSchema,
  SpaceSchema,
  SpaceSettingsPatchSchema,
  SpaceSettingsSchema,
  type Space,
} from '../../../shared/schemas/spaces.js';
import type { Role } from '../../../shared/roles.js';
import { invalidInput, notFound } from '../../http/errors.js';
import type { OriginPolicy } from '../../http/origins.js';
import { defineRoute } from '../../http/route.js';
import { appendAudit, listAudit } from '../audit/audit.repository.js';
import { findUserByEmail, toUser } from '../users/users.repository.js';
import { requireSpace } from './access.js';
import { membersOf, parseSettings, updateSettings } from './spaces.repository.js';
import { rotateSsoSecret, setRole } from './spaces.service.js';
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

export function spacesRoutes(opts: { origins: OriginPolicy }) {
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
        const merged = ConsistentSpaceSettingsSchema.safeParse({ ...before, ...body });
        if (!merged.success) throw invalidInput(merged.error);
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
        const ssoSecret = await rotateSsoSecret(deps.db.kysely, space, { actorId: viewer!.id, now: deps.clock.now().toISOString() });
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
        const joined = await setRole(deps.db.kysely, space, user.id, body.role, {
          actorId: viewer!.id,
          now: deps.clock.now().toISOString(),
        });
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
  ];
}
