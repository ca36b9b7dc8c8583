import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findRole } from '../spaces/spaces.repository.js';
import { DOUBLE_POST_WINDOW_MS } from './phases/double-post.js';
import type { AuthorRecord, ContentKind, RecentPost } from './pipeline.js';

const RECENT_LIMIT = 200;

/** Everything the pipeline needs to know about an author in a space, read in a few queries. */
export async function loadAuthorRecord(
  db: Kysely<Database>,
  spaceId: string,
  user: { id: string; displayName: string },
  now: Date,
): Promise<AuthorRecord> {
  const [role, membership, history, sanctions] = await Promise.all([
    findRole(db, spaceId, user.id),
    db
      .selectFrom('memberships')
      .select('joined_at')
      .where('space_id', '=', spaceId)
      .where('user_id', '=', user.id)
      .executeTakeFirst(),
    postHistory(db, spaceId, user.id),
    activeSanctions(db, spaceId, user.id, now),
  ]);
  return {
    id: user.id,
    displayName: user.displayName,
    role: role ?? 'fan',
    joinedAt: membership?.joined_at ?? now.toISOString(),
    ...history,
    bannedAt: sanctions.ban?.created_at ?? null,
    suspendedUntil: sanctions.suspension?.until ?? null,
  };
}

/** How many of the author's posts in the space passed (on their own or by staff) and how many were rejected. */
export async function postHistory(db: Kysely<Database>, spaceId: string, authorId: string) {
  const counts = await db
    .selectFrom('moderation_items')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('status', 'in', ['allowed', 'approved', 'flagged']).as('approved'),
      eb.fn.count<number>('id').filterWhere('status', '=', 'rejected').as('rejected'),
    ])
    .where('space_id', '=', spaceId)
    .where('author_id', '=', authorId)
    .executeTakeFirstOrThrow();
  return { approvedPosts: Number(counts.approved), rejectedPosts: Number(counts.rejected) };
}

export async function activeSanctions(db: Kysely<Database>, spaceId: string, userId: string, now: Date) {
  const rows = await db
    .selectFrom('member_sanctions')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  const nowIso = now.toISOString();
  return {
    ban: rows.find((r) => r.kind === 'ban') ?? null,
    suspension: rows.filter((r) => r.kind === 'suspension' && r.until !== null && r.until > nowIso).sort((a, b) => (a.until! < b.until! ? 1 : -1))[0] ?? null,
  };
}

/** The author's posts in the space within the longest window any rule looks back over. */
export async function recentPosts(
  db: Kysely<Database>,
  spaceId: string,
  authorId: string,
  windowSeconds: number,
  now: Date,
): Promise<RecentPost[]> {
  const since = new Date(now.getTime() - Math.max(windowSeconds * 1000, DOUBLE_POST_WINDOW_MS)).toISOString();
  const rows = await db
    .selectFrom('moderation_items')
    .select(['content_id', 'content_kind', 'body', 'created_at'])
    .where('space_id', '=', spaceId)
    .where('author_id', '=', authorId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(RECENT_LIMIT)
    .execute();
  return rows.map((r) => ({ id: r.content_id, kind: r.content_kind as ContentKind, text: r.body, at: r.created_at }));
}
