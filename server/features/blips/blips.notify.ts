import type { Kysely } from 'kysely';
import type { Person } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';
import { blipFacts, type NotificationFact } from '../notifications/facts.js';

/**
 * What a blip that people can now see notifies: `mention` for `mentioned`, and, with
 * `replyToParent`, `reply` for the author of its parent (same source key `blip:<id>`: one each).
 * Nothing while the wave itself is not visible (held or rejected): its readers could not follow
 * the link.
 */
export async function visibleBlipFacts(
  db: Kysely<Database>,
  input: {
    spaceId: string;
    wave: { id: string; title: string; visibility: string };
    blip: { id: string; parentId: string | null; body: string };
    author: Person;
    mentions: readonly Person[];
    mentioned: readonly string[];
    replyToParent: boolean;
  },
): Promise<NotificationFact[]> {
  if (input.wave.visibility !== 'visible') return [];
  let parentAuthorId: string | null = null;
  if (input.replyToParent && input.blip.parentId) {
    const parent = await db
      .selectFrom('blips')
      .select('author_id')
      .where('id', '=', input.blip.parentId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    parentAuthorId = parent?.author_id ?? null;
  }
  return blipFacts({
    spaceId: input.spaceId,
    author: input.author,
    wave: input.wave,
    blip: input.blip,
    mentions: input.mentions,
    mentioned: input.mentioned,
    parentAuthorId,
  });
}
