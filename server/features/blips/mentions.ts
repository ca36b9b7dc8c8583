import type { Kysely } from 'kysely';
import type { Person } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';

/** Mentions are written in a blip's body as `<@userId>`; clients show them as `@Display Name`. */
const MENTION_TOKEN = /<@([A-Za-z0-9_-]{6,40})>/g;

export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_TOKEN)].map((m) => m[1]!))];
}

/** Which of `ids` are members of the space; others can be neither mentioned nor notified. */
export async function membersAmong(db: Kysely<Database>, spaceId: string, ids: string[]): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.display_name'])
      .where('memberships.space_id', '=', spaceId)
      .where('users.id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, { id: r.id, displayName: r.display_name });
  }
  return found;
}

/** The mentioned members, in the order they first appear; other tokens stay plain text. */
export async function resolveMentions(db: Kysely<Database>, spaceId: string, body: string): Promise<Person[]> {
  const ids = mentionedIds(body);
  if (ids.length === 0) return [];
  const members = await membersAmong(db, spaceId, ids);
  return ids.flatMap((id) => members.get(id) ?? []);
}
