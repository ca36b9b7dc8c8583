import type { Kysely } from 'kysely';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingsSchema,
  type Notification,
  type NotificationSettings,
} from '../../../shared/schemas/notifications.js';
import type { Database } from '../../db/database.js';
import type { NotificationRow } from './notifications.table.js';

type Db = Kysely<Database>;

/** Chunk size for `IN (…)` lists and multi-row inserts (well under SQLite's variable limit). */
const CHUNK = 400;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export interface SpaceRef {
  id: string;
  slug: string;
  name: string;
}

export function toNotification(row: NotificationRow, space: SpaceRef, actor: { id: string; displayName: string } | null): Notification {
  return {
    id: row.id,
    kind: row.kind,
    space: { id: space.id, slug: space.slug, name: space.name },
    actor: row.actor_id && actor ? { id: row.actor_id, displayName: actor.displayName } : null,
    waveId: row.wave_id,
    blipId: row.blip_id,
    tableId: row.table_id,
    title: row.title,
    excerpt: row.excerpt,
    reason: row.reason,
    status: row.status,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** Inserts the rows; a (user, source) pair stored before is skipped. Returns only the rows stored now. */
export async function insertNotifications(db: Db, rows: NotificationRow[]): Promise<NotificationRow[]> {
  const stored: NotificationRow[] = [];
  for (const part of chunks(rows, 100)) {
    const inserted = await db
      .insertInto('notifications')
      .values(part)
      .onConflict((oc) => oc.columns(['user_id', 'source_key']).doNothing())
      .returningAll()
      .execute();
    stored.push(...inserted);
  }
  return stored;
}

export async function spacesByIds(db: Db, ids: readonly string[]): Promise<Map<string, SpaceRef>> {
  const found = new Map<string, SpaceRef>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('spaces').select(['id', 'slug', 'name']).where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

/** Which of `userIds` are members of the space now. */
export async function membersOf(db: Db, spaceId: string, userIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(userIds)])) {
    const rows = await db.selectFrom('memberships').select('user_id').where('space_id', '=', spaceId).where('user_id', 'in', part).execute();
    for (const r of rows) found.add(r.user_id);
  }
  return found;
}

function parseNotificationSettings(json: string | undefined): NotificationSettings {
  if (!json) return { ...DEFAULT_NOTIFICATION_SETTINGS };
  const stored = NotificationSettingsSchema.partial().safeParse(JSON.parse(json));
  return { ...DEFAULT_NOTIFICATION_SETTINGS, ...(stored.success ? stored.data : {}) };
}

/** The settings of the people who have any; the others have the defaults (all on). */
export async function settingsOf(db: Db, userIds: readonly string[]): Promise<Map<string, NotificationSettings>> {
  const found = new Map<string, NotificationSettings>();
  for (const part of chunks([...new Set(userIds)])) {
    const rows = await db.selectFrom('notification_settings').select(['user_id', 'settings']).where('user_id', 'in', part).execute();
    for (const r of rows) found.set(r.user_id, parseNotificationSettings(r.settings));
  }
  return found;
}

export async function readNotificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const row = await db.selectFrom('notification_settings').select('settings').where('user_id', '=', userId).executeTakeFirst();
  return parseNotificationSettings(row?.settings);
}

/** Changes the named kinds only; one statement, so two tabs changing different kinds both stick. */
export async function writeNotificationSettings(db: Db, userId: string, change: Partial<NotificationSettings>, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await readNotificationSettings(trx, userId);
    const settings = JSON.stringify({ ...current, ...change });
    await trx
      .insertInto('notification_settings')
      .values({ user_id: userId, settings, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ settings, updated_at: now }))
      .execute();
  });
}

const withContext = (db: Db) =>
  db
    .selectFrom('notifications as n')
    .innerJoin('spaces as s', 's.id', 'n.space_id')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .selectAll('n')
    .select(['s.slug as space_slug', 's.name as space_name', 'a.display_name as actor_name']);

type WithContext = NotificationRow & { space_slug: string; space_name: string; actor_name: string | null };

const fromJoined = (r: WithContext) =>
  toNotification(r, { id: r.space_id, slug: r.space_slug, name: r.space_name }, r.actor_name === null ? null : { id: r.actor_id!, displayName: r.actor_name });

export interface ListFilter {
  userId: string;
  spaceId: string | null;
  unreadOnly: boolean;
  after: { at: string; id: string } | null;
  limit: number;
}

/** A keyset page, newest first (created_at, then id, descending); one row more than `limit` tells there is more. */
export async function listNotifications(db: Db, f: ListFilter): Promise<{ items: Notification[]; more: boolean }> {
  let q = withContext(db).where('n.user_id', '=', f.userId);
  if (f.spaceId) q = q.where('n.space_id', '=', f.spaceId);
  if (f.unreadOnly) q = q.where('n.read_at', 'is', null);
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) => eb.or([eb('n.created_at', '<', at), eb.and([eb('n.created_at', '=', at), eb('n.id', '<', id)])]));
  }
  const rows = (await q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(f.limit + 1).execute()) as WithContext[];
  return { items: rows.slice(0, f.limit).map(fromJoined), more: rows.length > f.limit };
}

export async function findNotification(db: Db, userId: string, id: string, spaceId: string | null): Promise<Notification | null> {
  let q = withContext(db).where('n.user_id', '=', userId).where('n.id', '=', id);
  if (spaceId) q = q.where('n.space_id', '=', spaceId);
  const row = (await q.executeTakeFirst()) as WithContext | undefined;
  return row ? fromJoined(row) : null;
}

/** Unread per person and space: `counts.get(userId)?.get(spaceId)`. */
export async function unreadCounts(db: Db, userIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  for (const part of chunks([...new Set(userIds)])) {
    const rows = await db
      .selectFrom('notifications')
      .select(['user_id', 'space_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', 'in', part)
      .where('read_at', 'is', null)
      .groupBy(['user_id', 'space_id'])
      .execute();
    for (const r of rows) {
      let perSpace = counts.get(r.user_id);
      if (!perSpace) counts.set(r.user_id, (perSpace = new Map()));
      perSpace.set(r.space_id, Number(r.n));
    }
  }
  return counts;
}

/** Marks one of the person's notifications read; true when it was unread. */
export async function markRead(db: Db, userId: string, id: string, spaceId: string | null, now: string): Promise<boolean> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null);
  if (spaceId) q = q.where('space_id', '=', spaceId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks all the person's unread notifications (of one space) read; returns the spaces that had any. */
export async function markAllRead(db: Db, userId: string, spaceId: string | null, now: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    let spaces = trx.selectFrom('notifications').select('space_id').distinct().where('user_id', '=', userId).where('read_at', 'is', null);
    if (spaceId) spaces = spaces.where('space_id', '=', spaceId);
    const touched = (await spaces.execute()).map((r) => r.space_id);
    if (touched.length === 0) return [];
    let q = trx.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
    if (spaceId) q = q.where('space_id', '=', spaceId);
    await q.execute();
    return touched;
  });
}
