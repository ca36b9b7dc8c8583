import type { Generated, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string | null;
  password_hash: string | null;
  display_name: string;
  bio: string;
  /** JSON array of strings. */
  interests: string;
  created_at: string;
  /** 0/1: others may see this person's blip drafts as they type. */
  share_drafts: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the token: a stolen database does not yield working tokens. */
  id: string;
  user_id: string;
  /** Set for tokens from brand SSO: they act in this space only. */
  space_id: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SsoIdentitiesTable {
  space_id: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
