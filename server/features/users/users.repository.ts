import type { Kysely } from 'kysely';
import type { User } from '../../../shared/schemas/auth.js';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { UserRow } from './users.table.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    bio: row.bio,
    interests: JSON.parse(row.interests) as string[],
    createdAt: row.created_at,
  };
}

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<Database>,
  input: { email: string | null; passwordHash: string | null; displayName: string; now: string },
): Promise<UserRow> {
  const row: UserRow = {
    id: newId(),
    email: input.email?.toLowerCase() ?? null,
    password_hash: input.passwordHash,
    display_name: input.displayName,
    bio: '',
    interests: '[]',
    created_at: input.now,
    share_drafts: 1,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}
