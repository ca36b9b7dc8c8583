import type { Feature, FeatureContext } from '../feature.js';
import { InAppChannel } from './in-app.channel.js';
import { notificationsRoutes } from './notifications.routes.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Notifications: stored per person in the same transaction as the fact that causes them, pushed
 * live after the commit, listed and marked read here. Other features notify through
 * `ctx.notifier` (notifier.ts) with facts built in facts.ts; see docs/notifications.md.
 */
export function notificationsFeature(ctx: FeatureContext): Feature {
  const { db, clock } = ctx.deps;
  const live = new InAppChannel(db.kysely, ctx.io);
  const notifications = new NotificationsService({ db: db.kysely, clock, live });
  return { routes: notificationsRoutes(notifications) };
}

export { InAppChannel } from './in-app.channel.js';
export { StoredNotifier, noNotifier, linkOf, type Notifier, type NotificationChannel, type RecordedNotification } from './notifier.js';
export * from './facts.js';
export { readNotificationSettings, writeNotificationSettings } from './notifications.repository.js';
