import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { firstRow, queryShape } from '../../db/query-shape.js';
import type { Role } from '../../../shared/roles.js';
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
    firstRow(membershipOf(db, { spaceId, userId: user.id })),
    firstRow(approvedUpTo(db, { spaceId, userId: user.id, cap: approvedCap })),
    activeSanctions(db, spaceId, user.id, now),
  ]);
  return {
    id: user.id,
    displayName: user.displayName,
    role: membership?.role ?? 'fan',
    joinedAt: membership?.joined_at ?? now.toISOString(),
    approvedPosts: Number(approved?.n ?? 0),
    bannedAt: sanctions.ban?.created_at ?? null,
    suspendedUntil: sanctions.suspension?.until ?? null,
  };
}

/** Item statuses that count as a post that passed (on its own or by staff). */
const APPROVED = ['allowed', 'approved', 'flagged'] as const;

// Read for every post screened: compiled once (queryShape).
const membershipOf = queryShape<{ spaceId: string; userId: string }, { role: Role; joined_at: string }>((db, p) =>
  db.selectFrom('memberships').select(['role', 'joined_at']).where('space_id', '=', p('spaceId')).where('user_id', '=', p('userId')),
);
const approvedUpTo = queryShape<{ spaceId: string; userId: string; cap: number }, { n: number }>((db, p) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('moderation_items')
        .select('id')
        .where('space_id', '=', p('spaceId'))
        .where('author_id', '=', p('userId'))
        .where('status', 'in', APPROVED)
        .limit(p('cap'))
        .as('passed'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n')),
);
const sanctionsOf = queryShape<{ spaceId: string; userId: string }, Database['member_sanctions']>((db, p) =>
  db
    .selectFrom('member_sanctions')
    .selectAll()
    .where('space_id', '=', p('spaceId'))
    .where('user_id', '=', p('userId'))
    .where('lifted_at', 'is', null)
    .orderBy('created_at', 'desc'),
);
const RECENT_COLUMNS = ['content_id', 'content_kind', 'body', 'created_at'] as const;
type RecentRow = { content_id: string; content_kind: string; body: string; created_at: string };
const newestSince = queryShape<{ spaceId: string; authorId: string; since: string; limit: number }, RecentRow>((db, p) =>
  db
    .selectFrom('moderation_items')
    .select(RECENT_COLUMNS)
    .where('space_id', '=', p('spaceId'))
    .where('author_id', '=', p('authorId'))
    .where('created_at', '>', p('since'))
    .orderBy('created_at', 'desc')
    .limit(p('limit')),
);
const sameTextSince = queryShape<{ spaceId: string; authorId: string; dupKey: string; kind: string; since: string }, RecentRow>((db, p) =>
  db
    .selectFrom('moderation_items')
    .select(RECENT_COLUMNS)
    .where('space_id', '=', p('spaceId'))
    .where('author_id', '=', p('authorId'))
    .where('dup_key', '=', p('dupKey'))
    .where('content_kind', '=', p('kind'))
    .where('created_at', '>=', p('since'))
    .orderBy('created_at', 'desc')
    .limit(1),
);

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
  const { rows } = await sanctionsOf(db, { spaceId, userId });
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
  const [{ rows: inRateWindow }, { rows: sameText }] = await Promise.all([
    newestSince(db, {
      spaceId,
      authorId,
      since: new Date(now.getTime() - input.rateLimit.windowSeconds * 1000).toISOString(),
      limit: input.rateLimit.posts,
    }),
    sameTextSince(db, {
      spaceId,
      authorId,
      dupKey: duplicateKey(input.text),
      kind: input.kind,
      since: new Date(now.getTime() - DOUBLE_POST_WINDOW_MS).toISOString(),
    }),
  ]);
  const seen = new Set(inRateWindow.map((r) => r.content_id));
  const rows = [...inRateWindow, ...sameText.filter((r) => !seen.has(r.content_id))];
  rows.sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
  return rows.map((r) => ({ id: r.content_id, kind: r.content_kind as ContentKind, text: r.body, at: r.created_at }));
}
