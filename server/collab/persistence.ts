import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/database.js';
import { isoNow, type Clock } from '../lib/clock.js';

export interface LoadedDoc {
  doc: Y.Doc;
  /** The id of the newest log row the doc contains (the snapshot's upto_id when none follow it). */
  lastId: number;
  /** How many log rows were replayed on top of the snapshot: work a compaction would save. */
  replayed: number;
}

const asBytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
// better-sqlite3 binds Buffers as blobs; this wraps without copying.
const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * Documents are an append-only log of Yjs updates (doc_updates) plus at most one snapshot
 * per document (doc_snapshots). The log is never trimmed: playback and author credit replay it.
 */
export class DocPersistence {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async load(docName: string, doc: Y.Doc = new Y.Doc()): Promise<LoadedDoc> {
    const snapshot = await this.db
      .selectFrom('doc_snapshots')
      .select(['state', 'upto_id'])
      .where('doc_name', '=', docName)
      .executeTakeFirst();
    const uptoId = snapshot?.upto_id ?? 0;
    const rows = await this.db
      .selectFrom('doc_updates')
      .select(['id', 'data'])
      .where('doc_name', '=', docName)
      .where('id', '>', uptoId)
      .orderBy('id')
      .execute();
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, asBytes(snapshot.state));
      for (const row of rows) Y.applyUpdate(doc, asBytes(row.data));
    });
    return { doc, lastId: rows.at(-1)?.id ?? uptoId, replayed: rows.length };
  }

  /** Once this resolves the edit is saved; callers relay it only afterwards. */
  async append(docName: string, update: Uint8Array, userId: string | null): Promise<number> {
    const row = await this.db
      .insertInto('doc_updates')
      .values({ doc_name: docName, data: asBuffer(update), user_id: userId, created_at: isoNow(this.clock) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** `doc` must contain every log row of `docName` up to `uptoId`. An older snapshot never replaces a newer one. */
  async compact(docName: string, doc: Y.Doc, uptoId: number): Promise<void> {
    const state = asBuffer(Y.encodeStateAsUpdate(doc));
    const updatedAt = isoNow(this.clock);
    await this.db
      .insertInto('doc_snapshots')
      .values({ doc_name: docName, state, upto_id: uptoId, updated_at: updatedAt })
      .onConflict((oc) =>
        oc
          .column('doc_name')
          .doUpdateSet({ state, upto_id: uptoId, updated_at: updatedAt })
          .where('doc_snapshots.upto_id', '<', uptoId),
      )
      .execute();
  }
}
