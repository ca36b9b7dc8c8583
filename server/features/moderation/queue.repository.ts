import type { Kysely } from 'kysely';
import type { QueueItem, Reason } from '../../../shared/schemas/moderation.js';
import type { Database } from '../../db/database.js';
import { activeSanctions, postHistory } from './author-record.js';
import type { ModeratedKinds } from './kinds.js';
import type { ModerationItemRow } from './moderation.table.js';

const TAB_STATUSES = {
  held: ['held'],
  flagged: ['flagged'],
  recent: ['allowed', 'approved', 'rejected'],
} as const;
export type QueueTab = keyof typeof TAB_STATUSES;

function encodeCursor(row: Pick<ModerationItemRow, 'created_at' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string') ? (value as [string, string]) : null;
  } catch {
    return null;
  }
}

/** Held items oldest first (longest waiting at the top); the other tabs newest first. */
export async function listQueue(
  db: Kysely<Database>,
  kinds: ModeratedKinds,
  spaceId: string,
  tab: QueueTab,
  cursor: string | undefined,
  limit: number,
  now: Date,
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const oldestFirst = tab === 'held';
  const after = decodeCursor(cursor);
  let query = db
    .selectFrom('moderation_items')
    .select(['id', 'created_at'])
    .where('space_id', '=', spaceId)
    .where('status', 'in', [...TAB_STATUSES[tab]]);
  if (after) {
    query = query.where((eb) =>
      oldestFirst
        ? eb.or([eb('created_at', '>', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '>', after[1])])])
        : eb.or([eb('created_at', '<', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])])]),
    );
  }
  const direction = oldestFirst ? 'asc' : 'desc';
  const rows = await query.orderBy('created_at', direction).orderBy('id', direction).limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const items = await queueItems(db, kinds, page.map((r) => r.id), now);
  return { items, nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
}

/** Items with their author cards and context, in the order of `ids`. */
export async function queueItems(db: Kysely<Database>, kinds: ModeratedKinds, ids: string[], now: Date): Promise<QueueItem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('moderation_items as m')
    .leftJoin('users as a', 'a.id', 'm.author_id')
    .leftJoin('users as d', 'd.id', 'm.decided_by')
    .leftJoin('memberships as ms', (j) => j.onRef('ms.user_id', '=', 'm.author_id').onRef('ms.space_id', '=', 'm.space_id'))
    .selectAll('m')
    .select(['a.display_name as author_name', 'd.display_name as decider_name', 'ms.joined_at as author_joined'])
    .where('m.id', 'in', ids)
    .execute();
  const contexts = new Map<string, Map<string, { title: string; waveId: string | null; href: string }>>();
  for (const kind of new Set(rows.map((r) => r.content_kind))) {
    const adapter = kinds.get(kind);
    if (adapter) contexts.set(kind, await adapter.describe(db, rows.filter((r) => r.content_kind === kind).map((r) => r.content_id)));
  }
  const authors = new Map<string, Awaited<ReturnType<typeof authorStats>>>();
  for (const row of rows) {
    if (row.author_id && !authors.has(row.author_id)) authors.set(row.author_id, await authorStats(db, row.space_id, row.author_id, now));
  }
  const byId = new Map(
    rows.map((row) => {
      const stats = row.author_id ? authors.get(row.author_id)! : null;
      const item: QueueItem = {
        id: row.id,
        kind: row.content_kind as QueueItem['kind'],
        contentId: row.content_id,
        status: row.status,
        body: row.body,
        reasons: JSON.parse(row.reasons) as Reason[],
        flags: JSON.parse(row.flags) as Reason[],
        createdAt: row.created_at,
        author:
          row.author_id && stats
            ? {
                id: row.author_id,
                displayName: row.author_name ?? 'Someone',
                joinedAt: row.author_joined ?? null,
                ...stats,
              }
            : null,
        context: contexts.get(row.content_kind)?.get(row.content_id) ?? null,
        decidedBy: row.decided_by ? { id: row.decided_by, displayName: row.decider_name ?? 'a moderator' } : null,
        decidedAt: row.decided_at,
        decisionNote: row.decision_note,
      };
      return [row.id, item] as const;
    }),
  );
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

async function authorStats(db: Kysely<Database>, spaceId: string, authorId: string, now: Date) {
  const [history, sanctions] = await Promise.all([postHistory(db, spaceId, authorId), activeSanctions(db, spaceId, authorId, now)]);
  return { ...history, banned: sanctions.ban !== null, suspendedUntil: sanctions.suspension?.until ?? null };
}
