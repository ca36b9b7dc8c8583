import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { docName } from '../../../shared/doc-names.js';
import { DocPersistence } from '../../collab/persistence.js';
import { plainText, writeParagraphs } from '../../collab/rich-text.js';
import type { Database } from '../../db/database.js';
import { indexSearchText } from '../../db/search.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import { ensureMember } from '../spaces/spaces.repository.js';
import type { WavesContext } from './waves.context.js';
import { publishWaveCounts } from './waves.publish.js';

/** Blank lines separate paragraphs; single line breaks inside one become spaces (a paragraph is one line of text). */
export function draftParagraphs(draft: string): string[] {
  const paragraphs = draft
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
  return paragraphs.length > 0 ? paragraphs : [''];
}

/**
 * Writes the first version of a wave's idea document as the author's edit, inside the caller's
 * transaction, so the author is its first contributor. Returns the document's plain text.
 */
export async function seedIdeaDocument(
  trx: Kysely<Database>,
  clock: Clock,
  input: { waveId: string; authorId: string; draft: string },
): Promise<string> {
  const doc = new Y.Doc();
  try {
    writeParagraphs(doc, draftParagraphs(input.draft));
    await new DocPersistence(trx, clock).append(docName.wave(input.waveId), Y.encodeStateAsUpdate(doc), input.authorId);
    return plainText(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Appends paragraphs to a wave's idea document as `userId`'s edit, outside any live editor
 * session (seeding, server-side imports): stored and credited like a live edit, the wave
 * recounted when this person is new to it, and the document re-indexed for search.
 * Do not use while the document is open in the document server: its memory would not see it.
 */
export async function appendToIdeaDocument(
  ctx: WavesContext,
  input: { waveId: string; userId: string; paragraphs: string[] },
): Promise<void> {
  const name = docName.wave(input.waveId);
  const persistence = new DocPersistence(ctx.db, ctx.clock);
  const { doc } = await persistence.load(name);
  try {
    const before = Y.encodeStateVector(doc);
    writeParagraphs(doc, input.paragraphs);
    const { firstEdit } = await persistence.store(name, Y.encodeStateAsUpdate(doc, before), input.userId);
    const wave = await ctx.db.selectFrom('waves').select('space_id').where('id', '=', input.waveId).executeTakeFirstOrThrow();
    await indexSearchText(ctx.db, { kind: 'document', refId: input.waveId, waveId: input.waveId, spaceId: wave.space_id, text: plainText(doc) });
    if (!firstEdit) return;
    const now = isoNow(ctx.clock);
    await publishWaveCounts(ctx.streams, ctx.db, {
      waveId: input.waveId,
      actorId: input.userId,
      now,
      write: (trx) => ensureMember(trx, wave.space_id, input.userId, now),
    });
  } finally {
    doc.destroy();
  }
}
