import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { duplicateKey } from './normalize.js';
import { DOUBLE_POST_WINDOW_MS } from './phases/double-post.js';
import type { AuthorRecord, ContentKind, RecentPost } from './pipeline.js';

/**
 * Everything the pipeline needs to know about an author in a space, read in a few queries.
 * Approved posts are counted only up to `approvedCap` (what the rules compare them with), so the
 * cost does not grow with everything the author ever wrote.
 */
export async function loadAuthorRecord(
  db: Kysely<Database>,
  spaceId: string,
  user: { id: string; displayName: string },
  now: Date,
  approvedCap: number,
): Promise<AuthorRecord> {
  const [membership, approved, sanctions] = await Promise.all([
    db
      .selectFrom('memberships')
      .select(['role', 'joined_at'])
      .where('space_id', '=', spaceId)
      .where('user_id', '=', user.id)
      .executeTakeFirst(),
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('moderation_items')
          .select('id')
          .where('space_id', '=', spaceId)
          .where('author_id', '=', user.id)
          .where('status', 'in', APPROVED)
          .limit(approvedCap)
          .as('passed'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    activeSanctions(db, spaceId, user.id, now),
  ]);
  return {
    id: user.id,
    displayName: user.displayName,
    role: membership?.role ?? 'fan',
    joinedAt: membership?.joined_at ?? now.toISOString(),
    approvedPosts: Number(approved.n),
    bannedAt: sanctions.ban?.created_at ?? null,
    suspendedUntil: sanctions.suspension?.until ?? null,
  };
}

/** Item statuses that count as a post that passed (on its own or by staff). */
const APPROVED = ['allowed', 'approved', 'flagged'] as const;

/** How many of the author's posts in the space passed (on their own or by staff) and how many were rejected. */
export async function postHistory(db: Kysely<Database>, spaceId: string, authorId: string) {
  const counts = await db
    .selectFrom('moderation_items')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('status', 'in', APPROVED).as('approved'),
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

/**
 * The author's posts the rules need (see `ModerationContext.recentByAuthor`): the newest within
 * the rate-limit window, at most its post limit, and the latest earlier post of the same kind
 * with the same duplicate key within the double-post window. Two index range reads of a few rows,
 * however much the author has written.
 */
export async function recentPosts(
  db: Kysely<Database>,
  input: { spaceId: string; authorId: string; kind: ContentKind; text: string; rateLimit: { posts: number; windowSeconds: number }; now: Date },
): Promise<RecentPost[]> {
  const { spaceId, authorId, now } = input;
  const columns = ['content_id', 'content_kind', 'body', 'created_at'] as const;
  const [inRateWindow, sameText] = await Promise.all([
    db
      .selectFrom('moderation_items')
      .select(columns)
      .where('space_id', '=', spaceId)
      .where('author_id', '=', authorId)
      .where('created_at', '>', new Date(now.getTime() - input.rateLimit.windowSeconds * 1000).toISOString())
      .orderBy('created_at', 'desc')
      .limit(input.rateLimit.posts)
      .execute(),
    db
      .selectFrom('moderation_items')
      .select(columns)
      .where('space_id', '=', spaceId)
      .where('author_id', '=', authorId)
      .where('dup_key', '=', duplicateKey(input.text))
      .where('content_kind', '=', input.kind)
      .where('created_at', '>=', new Date(now.getTime() - DOUBLE_POST_WINDOW_MS).toISOString())
      .orderBy('created_at', 'desc')
      .limit(1)
      .execute(),
  ]);
  const seen = new Set(inRateWindow.map((r) => r.content_id));
  const rows = [...inRateWindow, ...sameText.filter((r) => !seen.has(r.content_id))];
  rows.sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
  return rows.map((r) => ({ id: r.content_id, kind: r.content_kind as ContentKind, text: r.body, at: r.created_at }));
}
