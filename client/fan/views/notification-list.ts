import type { Notification, NotificationRead } from '../../../shared/schemas/notifications.js';

/** Newest first (created_at, then id, both descending), as the server pages them. */
function newerFirst(a: Notification, b: Notification): number {
  return a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;
}

/** Both lists in one, each notification once (the fresher copy: the one from `first`), newest first. */
export function mergeNotifications(first: readonly Notification[], second: readonly Notification[]): Notification[] {
  const byId = new Map<string, Notification>();
  for (const n of second) byId.set(n.id, n);
  for (const n of first) {
    const known = byId.get(n.id);
    // A copy that is read wins: reading is never undone.
    byId.set(n.id, known?.readAt && !n.readAt ? { ...n, readAt: known.readAt } : n);
  }
  return [...byId.values()].sort(newerFirst);
}

/** Applies a `notification:read` (from this tab or another) to a list. */
export function markIn(items: readonly Notification[], read: NotificationRead, at: string): Notification[] {
  const ids = read.ids ? new Set(read.ids) : null;
  return items.map((n) => {
    if (n.readAt) return n;
    const hit = read.all ? read.space === null || n.space.slug === read.space : ids?.has(n.id) === true;
    return hit ? { ...n, readAt: at } : n;
  });
}
