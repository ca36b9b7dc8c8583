import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { Batcher } from '../db/batcher.js';
import type { Database } from '../db/database.js';
import { isoNow, type Clock } from '../lib/clock.js';
import { insertedChars } from './credit.js';

export interface StoredUpdate {
  /** The doc_updates row id. */
  id: number;
  /** This was the author's first stored edit of the document. */
  firstEdit: boolean;
}

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

type Update = { docName: string; update: Uint8Array; userId: string | null };
type Pending = { input: Update; resolve: (stored: StoredUpdate) => void; reject: (err: unknown) => void };

/** At most this many updates share one transaction (and one fsync). */
const GROUP_COMMIT_MAX = 128;

/**
 * Documents are an append-only log of Yjs updates (doc_updates) plus at most one snapshot
 * per document (doc_snapshots). The log is never trimmed: playback and author credit replay it.
 * Each stored update also credits its author in doc_contributors (characters inserted, edits).
 *
 * Updates of many documents arriving together are stored in one transaction (group commit: one
 * fsync for all); each caller hears back only after the commit that holds its update. If that
 * transaction fails, each update is stored again in a transaction of its own, so a failure is
 * only its own caller's.
 */
export class DocPersistence {
  private readonly batches = new Batcher<Pending>(GROUP_COMMIT_MAX, (batch) => this.commit(batch));

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
    return (await this.store(docName, update, userId)).id;
  }

  /**
   * Appends the update and credits its author (doc_contributors), committed before it resolves;
   * built on a transaction (`new DocPersistence(trx, clock)`), it writes into that one instead.
   */
  store(docName: string, update: Uint8Array, userId: string | null): Promise<StoredUpdate> {
    if (this.db.isTransaction) return this.write(this.db, { docName, update, userId });
    return new Promise((resolve, reject) => this.batches.add({ input: { docName, update, userId }, resolve, reject }));
  }

  private async commit(batch: Pending[]): Promise<void> {
    if (batch.length > 1) {
      const stored = await this.db
        .transaction()
        .execute(async (trx) => {
          const out: StoredUpdate[] = [];
          for (const { input } of batch) out.push(await this.write(trx, input));
          return out;
        })
        .catch(() => null);
      if (stored) return batch.forEach((pending, i) => pending.resolve(stored[i]!));
    }
    for (const { input, resolve, reject } of batch) {
      await this.db
        .transaction()
        .execute((trx) => this.write(trx, input))
        .then(resolve, reject);
    }
  }

  private async write(trx: Kysely<Database>, { docName, update, userId }: Update): Promise<StoredUpdate> {
    const now = isoNow(this.clock);
    const row = await trx
      .insertInto('doc_updates')
      .values({ doc_name: docName, data: asBuffer(update), user_id: userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (userId === null) return { id: row.id, firstEdit: false };
    const credit = await trx
      .insertInto('doc_contributors')
      .values({ doc_name: docName, user_id: userId, chars: insertedChars(update), edits: 1, first_at: now, last_at: now })
      .onConflict((oc) =>
        oc.columns(['doc_name', 'user_id']).doUpdateSet((eb) => ({
          chars: eb('doc_contributors.chars', '+', eb.ref('excluded.chars')),
          edits: eb('doc_contributors.edits', '+', 1),
          last_at: eb.ref('excluded.last_at'),
        })),
      )
      .returning('edits')
      .executeTakeFirstOrThrow();
    return { id: row.id, firstEdit: Number(credit.edits) === 1 };
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
