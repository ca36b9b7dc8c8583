import type { Result } from '../../shared/protocol/result.js';
import type {
  Notification,
  NotificationNew,
  NotificationPage,
  NotificationRead,
  UnreadCounts,
} from '../../shared/schemas/notifications.js';
import type { ApiClient } from './api.js';
import type { AppSocket } from './socket.js';

const v1 = '/api/v1';

export interface ListOptions {
  cursor?: string | null;
  /** Only unread ones. */
  unread?: boolean;
  /** Only one space's (its slug). */
  space?: string | null;
  limit?: number;
}

/** A page of your notifications, newest first (see docs/protocol.md#notifications). */
export function listNotifications(api: ApiClient, options: ListOptions = {}): Promise<Result<NotificationPage>> {
  const params = new URLSearchParams();
  if (options.limit) params.set('limit', String(options.limit));
  if (options.unread) params.set('unread', 'true');
  if (options.space) params.set('space', options.space);
  if (options.cursor) params.set('cursor', options.cursor);
  const query = params.toString();
  return api.get(`${v1}/me/notifications${query ? `?${query}` : ''}`);
}

export function fetchUnread(api: ApiClient): Promise<Result<UnreadCounts>> {
  return api.get(`${v1}/me/notifications/unread`);
}

export function markRead(api: ApiClient, id: string): Promise<Result<{ notification: Notification; unread: number }>> {
  return api.post(`${v1}/me/notifications/${encodeURIComponent(id)}/read`);
}

/** All your unread notifications read, or (with `space`) only that space's. */
export function markAllRead(api: ApiClient, space: string | null = null): Promise<Result<{ unread: number }>> {
  return api.post(`${v1}/me/notifications/read-all`, space ? { space } : {});
}

export type CenterEvent =
  /** The counts changed (`unread`, `bySpace`). */
  | 'change'
  /** A notification arrived live; `detail` is the Notification. */
  | 'arrived'
  /** Notifications were read here or in another tab; `detail` is the NotificationRead. */
  | 'read'
  /** The socket reconnected: live events may have been missed, lists should load again. */
  | 'resync';

/**
 * The signed-in person's notifications as the app shell sees them: the header's unread count
 * (and per space), kept live from `notification:new` / `notification:read`, and read again over
 * REST on every (re)connect, since live events are not replayed. Pages listen for `arrived` and
 * `read` to update their lists. Does nothing while `enabled` is false (signed out).
 */
export class NotificationCenter extends EventTarget {
  unread = 0;
  bySpace: Record<string, number> = {};
  /** False until the counts were read once for this person. */
  known = false;

  #enabled = false;
  #request = 0;
  #started = false;
  #connectedBefore = false;

  constructor(
    private readonly api: ApiClient,
    private readonly socket: AppSocket,
  ) {
    super();
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** Signed in (true) or out (false): counts are read again, or cleared. */
  set enabled(on: boolean) {
    if (on === this.#enabled) return;
    this.#enabled = on;
    this.#request++;
    this.unread = 0;
    this.bySpace = {};
    this.known = false;
    this.#changed();
    if (on) void this.refresh();
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.socket.on('connect', this.#onConnect);
    this.socket.on('notification:new', this.#onNew);
    this.socket.on('notification:read', this.#onRead);
  }

  stop(): void {
    this.#started = false;
    this.socket.off('connect', this.#onConnect);
    this.socket.off('notification:new', this.#onNew);
    this.socket.off('notification:read', this.#onRead);
  }

  /** Reads the counts over REST (after a reconnect, or when a read event cannot say per space). */
  async refresh(): Promise<void> {
    if (!this.#enabled) return;
    const request = ++this.#request;
    const result = await fetchUnread(this.api);
    if (request !== this.#request || !result.ok) return;
    this.unread = result.data.unread;
    this.bySpace = { ...result.data.bySpace };
    this.known = true;
    this.#changed();
  }

  /** Marks one read; the answer's count is the header's. */
  async markRead(id: string): Promise<Result<{ notification: Notification; unread: number }>> {
    const result = await markRead(this.api, id);
    if (result.ok) {
      this.unread = result.data.unread;
      this.#changed();
      void this.refresh();
    }
    return result;
  }

  async markAllRead(space: string | null = null): Promise<Result<{ unread: number }>> {
    const result = await markAllRead(this.api, space);
    if (result.ok) {
      this.unread = result.data.unread;
      if (space) delete this.bySpace[space];
      else this.bySpace = {};
      this.#changed();
      void this.refresh();
    }
    return result;
  }

  on(type: CenterEvent, listener: (detail: unknown) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent).detail);
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  #onConnect = (): void => {
    void this.refresh();
    if (this.#connectedBefore) this.dispatchEvent(new CustomEvent('resync'));
    this.#connectedBefore = true;
  };

  #onNew = ({ notification, unread }: NotificationNew): void => {
    if (!this.#enabled) return;
    this.unread = unread;
    const slug = notification.space.slug;
    this.bySpace = { ...this.bySpace, [slug]: (this.bySpace[slug] ?? 0) + 1 };
    this.known = true;
    this.#changed();
    this.dispatchEvent(new CustomEvent('arrived', { detail: notification }));
  };

  #onRead = (read: NotificationRead): void => {
    if (!this.#enabled) return;
    this.unread = read.unread;
    if (read.all && read.space) delete this.bySpace[read.space];
    else if (read.all) this.bySpace = {};
    this.#changed();
    this.dispatchEvent(new CustomEvent('read', { detail: read }));
    // Which space a single read belonged to is not in the event: ask.
    if (!read.all) void this.refresh();
  };

  #changed(): void {
    this.dispatchEvent(new CustomEvent('change'));
  }
}
