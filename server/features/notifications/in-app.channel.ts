import type { Kysely } from 'kysely';
import type { NotificationRead } from '../../../shared/schemas/notifications.js';
import type { Database } from '../../db/database.js';
import type { AppServer } from '../../realtime/io.js';
import { personRoom } from '../../realtime/rooms.js';
import type { NotificationChannel, RecordedNotification } from './notifier.js';
import { unreadCounts } from './notifications.repository.js';

const sum = (perSpace: Map<string, number> | undefined) => [...(perSpace?.values() ?? [])].reduce((a, b) => a + b, 0);

/**
 * The live half of in-app notifications: pushes to the person's own room (`personRoom`), which
 * every signed-in socket joins on connect. A full sign-in's sockets get the person's total unread
 * count; a space-scoped sign-in's sockets only hear about their space, with that space's count.
 * Through Socket.IO's adapter this reaches the person's sockets on every process. Someone with no
 * socket open misses nothing: the notification is stored and listed when they come back.
 */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in-app';

  constructor(
    private readonly db: Kysely<Database>,
    private readonly io: () => AppServer | null,
  ) {}

  async send(batch: readonly RecordedNotification[]): Promise<void> {
    const io = this.io();
    if (!io) return;
    const counts = await unreadCounts(this.db, batch.map((r) => r.userId));
    for (const { userId, notification } of batch) {
      const perSpace = counts.get(userId);
      io.to(personRoom(userId)).emit('notification:new', { notification, unread: sum(perSpace) });
      io.to(personRoom(userId, notification.space.id)).emit('notification:new', {
        notification,
        unread: perSpace?.get(notification.space.id) ?? 0,
      });
    }
  }

  /** Tells the person's sockets (other tabs) that notifications were read, with the new counts. */
  async read(userId: string, change: Omit<NotificationRead, 'unread'>, spaceIds: readonly string[]): Promise<void> {
    const io = this.io();
    if (!io) return;
    const perSpace = (await unreadCounts(this.db, [userId])).get(userId);
    io.to(personRoom(userId)).emit('notification:read', { ...change, unread: sum(perSpace) });
    for (const spaceId of new Set(spaceIds)) {
      io.to(personRoom(userId, spaceId)).emit('notification:read', { ...change, unread: perSpace?.get(spaceId) ?? 0 });
    }
  }
}
