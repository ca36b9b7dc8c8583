import {
  ListNotificationsQuerySchema,
  MarkReadResultSchema,
  NotificationPageSchema,
  NotificationParamsSchema,
  ReadAllBodySchema,
  ReadAllQuerySchema,
  ReadAllResultSchema,
  UnreadCountsSchema,
} from '../../../shared/schemas/notifications.js';
import { defineRoute } from '../../http/route.js';
import type { NotificationsService } from './notifications.service.js';

/** A person's own notifications (see docs/notifications.md); settings are under `/me/settings`. */
export function notificationsRoutes(notifications: NotificationsService) {
  return [
    defineRoute({
      method: 'get',
      path: '/me/notifications',
      summary: 'Your notifications, newest first; `unread=true` only unread, `space` only one space; pass nextCursor as cursor',
      tag: 'notifications',
      auth: 'user',
      query: ListNotificationsQuerySchema,
      response: NotificationPageSchema,
      errors: [401, 403, 404],
      handler: ({ viewer, query }) => notifications.list(viewer!, query),
    }),
    defineRoute({
      method: 'get',
      path: '/me/notifications/unread',
      summary: 'How many of your notifications are unread, in all and per space',
      tag: 'notifications',
      auth: 'user',
      response: UnreadCountsSchema,
      errors: [401],
      handler: ({ viewer }) => notifications.counts(viewer!),
    }),
    defineRoute({
      method: 'post',
      path: '/me/notifications/:id/read',
      summary: 'Mark one of your notifications read (someone else’s is 404)',
      tag: 'notifications',
      auth: 'user',
      params: NotificationParamsSchema,
      response: MarkReadResultSchema,
      errors: [401, 404],
      handler: ({ viewer, params }) => notifications.read(viewer!, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/me/notifications/read-all',
      summary: 'Mark all your notifications read, or only one space’s (`space` in the body or the query)',
      tag: 'notifications',
      auth: 'user',
      query: ReadAllQuerySchema,
      body: ReadAllBodySchema,
      response: ReadAllResultSchema,
      errors: [401, 403, 404],
      handler: ({ viewer, query, body }) => notifications.readAll(viewer!, body.space ?? query.space),
    }),
  ];
}
