import { z } from 'zod';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import {
  CreateNoteBodySchema,
  DataExportSchema,
  DirectoryPageSchema,
  DirectoryQuerySchema,
  EditNoteBodySchema,
  ExportQuerySchema,
  FanCardSchema,
  ForgetBodySchema,
  ForgetResultSchema,
  MyProfileSchema,
  NoteParamsSchema,
  NoteRevisionSchema,
  NoteSchema,
  PersonParamsSchema,
  ProfilePatchSchema,
  ProfileSchema,
  PromiseItemSchema,
  PromisesQuerySchema,
  SpotlightBodySchema,
  SpotlightSchema,
} from '../../../shared/schemas/people.js';
import { notFound } from '../../http/errors.js';
import { defineRoute, idempotencyKeyOf } from '../../http/route.js';
import { requireSpace } from '../spaces/access.js';
import { SESSION_COOKIE } from '../users/sessions.js';
import type { MyDataService } from './my-data.service.js';
import type { NotesService } from './notes.service.js';
import type { PeopleService } from './people.service.js';
import type { ProfileService } from './profile.service.js';
import { findMember, spotlightsOf } from './profiles.repository.js';
import type { SpotlightsService } from './spotlights.service.js';

export interface PeopleRouteDeps {
  people: PeopleService;
  profiles: ProfileService;
  notes: NotesService;
  spotlights: SpotlightsService;
  myData: MyDataService;
  /** After forgetting: close the person's live connections. */
  disconnect(userId: string, spaceIds: string[]): void;
}

const SpotlightsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });

/** People: profiles, fan cards, notes and promises, spotlights, your data (docs/people.md). */
export function peopleRoutes(d: PeopleRouteDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/people/:userId',
      summary: 'A member’s public profile (anyone who may read the space; non-members are 404)',
      tag: 'people',
      auth: 'optional',
      params: PersonParamsSchema,
      response: ProfileSchema,
      errors: [401, 404],
      async handler({ params, viewer, deps }) {
        const access = await requireSpace(deps.db.kysely, viewer, params, null);
        return d.people.profile(access, params.userId, viewer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/people/:userId/card',
      summary: 'A member’s fan card: profile, numbers, last conversations with staff, moderation history, staff notes (staff)',
      tag: 'people',
      auth: 'user',
      params: PersonParamsSchema,
      response: FanCardSchema,
      errors: [401, 403, 404],
      async handler({ params, viewer, deps }) {
        const access = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return d.people.card(access, params.userId, viewer!);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/directory',
      summary: 'The space’s people, by name, with a few numbers and their notes and open promises (staff); pass nextCursor as cursor',
      tag: 'people',
      auth: 'user',
      params: SpaceParamsSchema,
      query: DirectoryQuerySchema,
      response: DirectoryPageSchema,
      errors: [401, 403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return d.people.directory(space, query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/people/:userId/notes',
      summary: 'Staff notes about a member, newest first (staff of the space only)',
      tag: 'people',
      auth: 'user',
      params: PersonParamsSchema,
      response: z.array(NoteSchema),
      errors: [401, 403, 404],
      async handler({ params, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        if (!(await findMember(deps.db.kysely, space.id, params.userId))) throw notFound('Person');
        return d.notes.list(space, params.userId, viewer!);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/people/:userId/notes',
      summary: 'Write a note about a member, shared with the space’s staff; `promise` makes it an open promise (staff; audited)',
      tag: 'people',
      auth: 'user',
      params: PersonParamsSchema,
      body: CreateNoteBodySchema,
      response: NoteSchema,
      status: 201,
      errors: [401, 403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        if (!(await findMember(deps.db.kysely, space.id, params.userId))) throw notFound('Person');
        return d.notes.create(space, params.userId, viewer!, body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/notes/:noteId',
      summary: 'One staff note (staff of its space; anyone else 404)',
      tag: 'people',
      auth: 'user',
      params: NoteParamsSchema,
      response: NoteSchema,
      errors: [401, 404],
      handler: ({ params, viewer }) => d.notes.get(viewer!, params.noteId),
    }),
    defineRoute({
      method: 'patch',
      path: '/notes/:noteId',
      summary: 'Change a note: its text (the author only), or its promise (any staff of the space: open/done, due day); audited, every version kept',
      tag: 'people',
      auth: 'user',
      params: NoteParamsSchema,
      body: EditNoteBodySchema,
      response: NoteSchema,
      errors: [401, 403, 404],
      handler: ({ params, body, viewer }) => d.notes.edit(viewer!, params.noteId, body),
    }),
    defineRoute({
      method: 'get',
      path: '/notes/:noteId/history',
      summary: 'Every version of a note, oldest first (staff of its space; anyone else 404)',
      tag: 'people',
      auth: 'user',
      params: NoteParamsSchema,
      response: z.array(NoteRevisionSchema),
      errors: [401, 404],
      handler: ({ params, viewer }) => d.notes.history(viewer!, params.noteId),
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/promises',
      summary: 'Promises staff made to people: open ones overdue first, then by due day (staff)',
      tag: 'people',
      auth: 'user',
      params: SpaceParamsSchema,
      query: PromisesQuerySchema,
      response: z.array(PromiseItemSchema),
      errors: [401, 403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return d.notes.promises(space, viewer!, query.status, query.limit);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/people/:userId/spotlight',
      summary: 'Thank a member in public: on their profile, `person:spotlighted` on the space stream, a notification to them (staff; audited)',
      tag: 'people',
      auth: 'user',
      params: PersonParamsSchema,
      body: SpotlightBodySchema,
      response: SpotlightSchema,
      status: 201,
      errors: [401, 403, 404, 409],
      async handler({ params, body, viewer, req, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return d.spotlights.spotlight(space, viewer!, params.userId, body, idempotencyKeyOf(req));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/spotlights',
      summary: 'The newest spotlights of the space (whoever may read the space)',
      tag: 'people',
      auth: 'optional',
      params: SpaceParamsSchema,
      query: SpotlightsQuerySchema,
      response: z.array(SpotlightSchema),
      errors: [401, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, null);
        return (await spotlightsOf(deps.db.kysely, { spaceId: space.id })).slice(0, query.limit);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me/profile',
      summary: 'Your profile as others see it, and your changes still waiting for review',
      tag: 'people',
      auth: 'user',
      response: MyProfileSchema,
      errors: [401],
      handler: ({ viewer }) => d.profiles.mine(viewer!.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/me/profile',
      summary: 'Change your display name, bio (≤ 500, moderated: may wait for review) or interests (≤ 10)',
      tag: 'people',
      auth: 'user',
      body: ProfilePatchSchema,
      response: MyProfileSchema,
      errors: [401, 403, 422, 429],
      handler: ({ viewer, body }) => d.profiles.update(viewer!, body),
    }),
    defineRoute({
      method: 'get',
      path: '/me/export',
      summary: 'Download everything a space (or every space) stores about you, except staff notes (a JSON attachment)',
      tag: 'people',
      auth: 'user',
      query: ExportQuerySchema,
      response: DataExportSchema,
      errors: [401, 403, 404],
      async handler({ viewer, query, res }) {
        const data = await d.myData.export(viewer!, query.space);
        const day = data.exportedAt.slice(0, 10);
        res.setHeader('Content-Disposition', `attachment; filename="commonplace-${query.space ?? 'all'}-${day}.json"`);
        res.setHeader('Cache-Control', 'no-store');
        return data;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/me/forget',
      summary: 'Forget me: your content stays as “Former member”, your account and everything about you are deleted',
      tag: 'people',
      auth: 'user',
      body: ForgetBodySchema,
      response: ForgetResultSchema,
      errors: [401, 403],
      async handler({ viewer, res }) {
        const { anonymized, spaceIds } = await d.myData.forget(viewer!);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        d.disconnect(viewer!.id, spaceIds);
        return { anonymized };
      },
    }),
  ];
}
