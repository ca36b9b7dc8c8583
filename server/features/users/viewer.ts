import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { resolveToken } from './sessions.js';

/** Who is making a request or holding a socket; null means an anonymous visitor. */
export interface Viewer {
  id: string;
  displayName: string;
  sessionId: string;
  /** Tokens from brand SSO act in this one space only. */
  scopedSpaceId: string | null;
  via: 'cookie' | 'bearer';
}

export async function viewerFromToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
  via: Viewer['via'],
): Promise<Viewer | null> {
  const found = await resolveToken(db, token, now);
  if (!found) return null;
  return {
    id: found.user.id,
    displayName: found.user.display_name,
    sessionId: found.session.id,
    scopedSpaceId: found.session.space_id,
    via,
  };
}

/** The bearer token of an `Authorization: Bearer …` header, if any. */
export function bearerFrom(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
