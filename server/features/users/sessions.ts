import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { newToken } from '../../lib/ids.js';
import type { SessionRow, UserRow } from './users.table.js';
import { firstRow, queryShape } from '../../db/query-shape.js';

export const SESSION_COOKIE = 'cp_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(
  db: Kysely<Database>,
  input: { userId: string; spaceId: string | null; now: Date; days: number },
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken();
  const session: SessionRow = {
    id: hashToken(token),
    user_id: input.userId,
    space_id: input.spaceId,
    created_at: input.now.toISOString(),
    expires_at: new Date(input.now.getTime() + input.days * 86_400_000).toISOString(),
    revoked_at: null,
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, session };
}

/** The live session and its user for a presented token; null when unknown, expired or revoked. */
// Read on every request and socket handshake: compiled once (queryShape).
const sessionWithUser = queryShape<{ id: string }, UserRow & { session_id: string; space_id: string | null; session_created_at: string; expires_at: string; revoked_at: string | null }>(
  (db, p) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id as session_id', 'sessions.space_id', 'sessions.created_at as session_created_at', 'sessions.expires_at', 'sessions.revoked_at'])
      .selectAll('users')
      .where('sessions.id', '=', p('id')),
);

export async function resolveToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  if (!token || token.length > 200) return null;
  const row = await firstRow(sessionWithUser(db, { id: hashToken(token) }));
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString()) return null;
  const { session_id, space_id, session_created_at, expires_at, revoked_at, ...user } = row;
  return {
    session: { id: session_id, user_id: user.id, space_id, created_at: session_created_at, expires_at, revoked_at },
    user,
  };
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('id', '=', sessionId).execute();
}

/** CSRF token bound to one session: HMAC of the session id under the server secret. */
export function csrfTokenFor(secret: Buffer, sessionId: string): string {
  return createHmac('sha256', secret).update(sessionId).digest('base64url');
}

export function csrfTokenMatches(secret: Buffer, sessionId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
