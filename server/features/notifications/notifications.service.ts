import type { Kysely } from 'kysely';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { Notification, NotificationPage, UnreadCounts } from '../../../shared/schemas/notifications.js';
import type { Database } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { findSpaceBySlug } from '../spaces/spaces.repository.js';
import type { Viewer } from '../users/viewer.js';
import type { InAppChannel } from './in-app.channel.js';
import {
  findNotification,
  listNotifications,
  markAllRead,
  markRead,
  spacesByIds,
  unreadCounts,
} from './notifications.repository.js';

const invalidCursor = () => new AppError(ERROR_CODES.INVALID_INPUT, 'cursor: not a cursor from this API', { field: 'cursor' });

function encodeCursor(n: Pick<Notification, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([n.createdAt, n.id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error
  }
  throw invalidCursor();
}

/**
 * A person's own notifications: the list, the unread counts, marking read. A sign-in scoped to
 * one space (brand SSO) sees and marks only that space's; every `unread` is the header number of
 * this sign-in. Marking read tells the person's other sockets (tabs) with `notification:read`.
 */
export class NotificationsService {
  constructor(private readonly d: { db: Kysely<Database>; clock: Clock; live: InAppChannel }) {}

  /** The space the request is limited to: the `space` asked for, else the sign-in's own scope. */
  private async scope(viewer: Viewer, slug: string | undefined): Promise<string | null> {
    if (slug === undefined) return viewer.scopedSpaceId;
    const space = await findSpaceBySlug(this.d.db, slug);
    if (!space) throw notFound('Space');
    if (viewer.scopedSpaceId !== null && viewer.scopedSpaceId !== space.id) throw forbidden('Your sign-in is for another space');
    return space.id;
  }

  private async unread(viewer: Viewer): Promise<number> {
    const perSpace = (await unreadCounts(this.d.db, [viewer.id])).get(viewer.id);
    if (!perSpace) return 0;
    if (viewer.scopedSpaceId !== null) return perSpace.get(viewer.scopedSpaceId) ?? 0;
    return [...perSpace.values()].reduce((a, b) => a + b, 0);
  }

  async list(viewer: Viewer, query: { cursor?: string; limit: number; unread?: boolean; space?: string }): Promise<NotificationPage> {
    const spaceId = await this.scope(viewer, query.space);
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const page = await listNotifications(this.d.db, { userId: viewer.id, spaceId, unreadOnly: query.unread === true, after, limit: query.limit });
    return {
      items: page.items,
      nextCursor: page.more ? encodeCursor(page.items.at(-1)!) : null,
      unread: await this.unread(viewer),
    };
  }

  async counts(viewer: Viewer): Promise<UnreadCounts> {
    const perSpace = (await unreadCounts(this.d.db, [viewer.id])).get(viewer.id) ?? new Map<string, number>();
    const visible = [...perSpace].filter(([spaceId]) => viewer.scopedSpaceId === null || spaceId === viewer.scopedSpaceId);
    const spaces = await spacesByIds(this.d.db, visible.map(([spaceId]) => spaceId));
    const bySpace: Record<string, number> = {};
    for (const [spaceId, n] of visible) {
      const slug = spaces.get(spaceId)?.slug;
      if (slug) bySpace[slug] = n;
    }
    return { unread: visible.reduce((a, [, n]) => a + n, 0), bySpace };
  }

  /** Marks one of your own notifications read (again: no change); anyone else's is 404. */
  async read(viewer: Viewer, id: string): Promise<{ notification: Notification; unread: number }> {
    const now = this.d.clock.now().toISOString();
    const changed = await markRead(this.d.db, viewer.id, id, viewer.scopedSpaceId, now);
    const notification = await findNotification(this.d.db, viewer.id, id, viewer.scopedSpaceId);
    if (!notification) throw notFound('Notification');
    if (changed) await this.d.live.read(viewer.id, { ids: [id], all: false, space: notification.space.slug }, [notification.space.id]);
    return { notification, unread: await this.unread(viewer) };
  }

  /** Marks all your unread notifications read, or only those of `space`. */
  async readAll(viewer: Viewer, slug: string | undefined): Promise<{ unread: number }> {
    const spaceId = await this.scope(viewer, slug);
    const touched = await markAllRead(this.d.db, viewer.id, spaceId, this.d.clock.now().toISOString());
    if (touched.length > 0) {
      const space = spaceId === null ? null : (slug ?? (await spacesByIds(this.d.db, [spaceId])).get(spaceId)?.slug ?? null);
      await this.d.live.read(viewer.id, { ids: null, all: true, space }, touched);
    }
    return { unread: await this.unread(viewer) };
  }
}
