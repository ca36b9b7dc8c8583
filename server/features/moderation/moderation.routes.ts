import { z } from 'zod';
import { SpaceParamsSchema } from '../../../shared/schemas/common.js';
import {
  ApproveBodySchema,
  BulkDecisionBodySchema,
  BulkResultSchema,
  EditItemBodySchema,
  FlagBodySchema,
  ItemParamsSchema,
  QueueItemSchema,
  QueuePageSchema,
  QueueQuerySchema,
  RejectBodySchema,
  RejectRecentBodySchema,
  SanctionBodySchema,
  SanctionSchema,
} from '../../../shared/schemas/moderation.js';
import { IdSchema } from '../../../shared/schemas/common.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import { AppError } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { requireSpace } from '../spaces/access.js';
import type { Moderation } from './moderation.service.js';
import { listQueue } from './queue.repository.js';
import type { ModerationQueue } from './queue.service.js';

const ItemInSpaceParams = SpaceParamsSchema.extend(ItemParamsSchema.shape);
const UserInSpaceParams = SpaceParamsSchema.extend({ userId: IdSchema });
const SanctionInSpaceParams = SpaceParamsSchema.extend({ sanctionId: IdSchema });

/** The console's moderation API: staff of the space only, except flagging, which any member may do. */
export function moderationRoutes(moderation: Moderation, queue: ModerationQueue) {
  return [
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/moderation/queue',
      summary: 'The moderation queue: held (oldest first), flagged, or recently decided (staff)',
      tag: 'moderation',
      auth: 'user',
      params: SpaceParamsSchema,
      query: QueueQuerySchema,
      response: QueuePageSchema,
      errors: [403, 404],
      async handler({ params, query, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return listQueue(deps.db.kysely, moderation.kinds, space.id, query.tab, query.cursor, query.limit, deps.clock.now());
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/moderation/items/:itemId/approve',
      summary: 'Approve a held or flagged item; 409 names who decided first',
      tag: 'moderation',
      auth: 'user',
      params: ItemInSpaceParams,
      body: ApproveBodySchema,
      response: QueueItemSchema,
      errors: [403, 404, 409],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return queue.decide(space, viewer!, params.itemId, 'approve', body.note ?? null);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/moderation/items/:itemId/reject',
      summary: 'Reject an item with a reason its author sees; 409 names who decided first',
      tag: 'moderation',
      auth: 'user',
      params: ItemInSpaceParams,
      body: RejectBodySchema,
      response: QueueItemSchema,
      errors: [403, 404, 409],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return queue.decide(space, viewer!, params.itemId, 'reject', body.reason);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/spaces/:slug/moderation/items/:itemId',
      summary: 'Edit an item’s text (staff); the original is kept in the audit log',
      tag: 'moderation',
      auth: 'user',
      params: ItemInSpaceParams,
      body: EditItemBodySchema,
      response: QueueItemSchema,
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return queue.edit(space, viewer!, params.itemId, body.body, body.note ?? null);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/moderation/decisions',
      summary: 'Approve or reject several items at once; items someone else decided are listed, not changed',
      tag: 'moderation',
      auth: 'user',
      params: SpaceParamsSchema,
      body: BulkDecisionBodySchema,
      response: BulkResultSchema,
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        if (body.action === 'reject' && !body.reason) {
          throw new AppError(ERROR_CODES.INVALID_INPUT, 'reason: tell the authors why', { field: 'reason' });
        }
        const done: string[] = [];
        const alreadyHandled: { id: string; status: z.infer<typeof QueueItemSchema>['status']; by: string | null }[] = [];
        for (const itemId of body.itemIds) {
          try {
            await queue.decide(space, viewer!, itemId, body.action, body.reason ?? null);
            done.push(itemId);
          } catch (err) {
            if (!(err instanceof AppError) || (err.code !== ERROR_CODES.CONFLICT && err.code !== ERROR_CODES.NOT_FOUND)) throw err;
            const row = await deps.db.kysely
              .selectFrom('moderation_items')
              .leftJoin('users', 'users.id', 'moderation_items.decided_by')
              .select(['moderation_items.status', 'users.display_name'])
              .where('moderation_items.id', '=', itemId)
              .where('moderation_items.space_id', '=', space.id)
              .executeTakeFirst();
            if (row) alreadyHandled.push({ id: itemId, status: row.status, by: row.display_name });
          }
        }
        return { done, alreadyHandled };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/moderation/reject-recent',
      summary: 'Reject everything a person posted in this space in the last day (staff)',
      tag: 'moderation',
      auth: 'user',
      params: SpaceParamsSchema,
      body: RejectRecentBodySchema,
      response: z.object({ rejected: z.array(IdSchema) }),
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return { rejected: await queue.rejectRecent(space, viewer!, body.userId, body.reason) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/sanctions',
      summary: 'Ban a person from the space, or suspend them for some days (staff)',
      tag: 'moderation',
      auth: 'user',
      params: SpaceParamsSchema,
      body: SanctionBodySchema,
      response: SanctionSchema,
      status: 201,
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return queue.sanction(space, viewer!, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/spaces/:slug/sanctions/:sanctionId',
      summary: 'Lift a ban or suspension (staff)',
      tag: 'moderation',
      auth: 'user',
      params: SanctionInSpaceParams,
      response: SanctionSchema,
      errors: [403, 404],
      async handler({ params, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return queue.lift(space, viewer!, params.sanctionId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/spaces/:slug/members/:userId/sanctions',
      summary: 'A person’s bans and suspensions in the space, newest first (staff)',
      tag: 'moderation',
      auth: 'user',
      params: UserInSpaceParams,
      response: z.array(SanctionSchema),
      errors: [403, 404],
      async handler({ params, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'staff');
        return queue.sanctionsOf(space, params.userId);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/spaces/:slug/flags',
      summary: 'Flag content for staff attention, with a reason (members)',
      tag: 'moderation',
      auth: 'user',
      params: SpaceParamsSchema,
      body: FlagBodySchema,
      response: z.object({ flags: z.int(), held: z.boolean() }),
      errors: [403, 404],
      async handler({ params, body, viewer, deps }) {
        const { space } = await requireSpace(deps.db.kysely, viewer, params, 'fan');
        return queue.flag(space, viewer!, body);
      },
    }),
  ];
}
