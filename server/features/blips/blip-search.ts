import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { indexSearchText } from '../../db/search.js';
import { membersAmong, mentionedIds } from './mentions.js';

/** What search sees of a blip: the words people read, with mentions as `@Name` and no markdown marks. */
export async function searchableBlipText(db: Kysely<Database>, spaceId: string, body: string): Promise<string> {
  const people = await membersAmong(db, spaceId, mentionedIds(body));
  return body
    .replace(/<@([A-Za-z0-9_-]{6,40})>/g, (token, id: string) => (people.has(id) ? `@${people.get(id)!.displayName}` : token))
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)_(\S[^_]*\S|\S)_(?=\s|[.,!?;:]|$)/g, '$1$2');
}

export async function indexBlip(db: Kysely<Database>, blip: { id: string; waveId: string; spaceId: string; body: string }): Promise<void> {
  const text = await searchableBlipText(db, blip.spaceId, blip.body);
  await indexSearchText(db, { kind: 'blip', refId: blip.id, waveId: blip.waveId, spaceId: blip.spaceId, text });
}
