import type { Kysely } from 'kysely';
import type * as Y from 'yjs';
import { parseDocName } from '../../../shared/doc-names.js';
import type { AfterStorePayload, AfterUnloadPayload, CollabHook } from '../../collab/hooks.js';
import { plainText } from '../../collab/rich-text.js';
import type { Database } from '../../db/database.js';
import { indexSearchText } from '../../db/search.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { ensureMember } from '../spaces/spaces.repository.js';
import type { StreamLog } from '../streams/stream-log.js';
import { KeyedQueue } from './keyed-queue.js';
import { publishWaveCounts } from './waves.publish.js';

/** A busy document is re-indexed at most this often. */
export const INDEX_DELAY_MS = 1000;

const waveIdOf = (name: string) => {
  const parsed = parseDocName(name);
  return parsed?.kind === 'wave' ? parsed.id : null;
};

/**
 * The waves' document hooks. After stored edits, the idea document's plain text goes into the
 * search index, at most once per INDEX_DELAY_MS per document and at once when it unloads. A
 * person's first edit makes them a contributor (and a member of the space): the wave is recounted
 * and the counts announced. Other edits touch nothing but a timer.
 */
export class WaveDocHooks implements CollabHook {
  private readonly pending = new Map<string, { doc: Y.Doc; timer: NodeJS.Timeout }>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly writes = new KeyedQueue();

  constructor(
    private readonly deps: { db: Kysely<Database>; clock: Clock; streams: StreamLog; log: Logger },
    private readonly delayMs = INDEX_DELAY_MS,
  ) {}

  async afterStore({ docName, doc, userId, firstEdit }: AfterStorePayload): Promise<void> {
    const waveId = waveIdOf(docName);
    if (!waveId) return;
    const entry = this.pending.get(docName);
    if (entry) entry.doc = doc;
    else {
      const timer = setTimeout(() => this.flush(docName), this.delayMs);
      timer.unref();
      this.pending.set(docName, { doc, timer });
    }
    if (firstEdit && userId) await this.track(this.credit(waveId, userId));
  }

  async afterUnload({ docName, doc }: AfterUnloadPayload): Promise<void> {
    const entry = this.pending.get(docName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(docName);
    await this.track(this.index(docName, doc));
  }

  /** Indexes what is still waiting and lets running work finish (shutdown). */
  async close(): Promise<void> {
    for (const docName of [...this.pending.keys()]) this.flush(docName);
    await Promise.all([...this.inFlight]);
  }

  private flush(docName: string): void {
    const entry = this.pending.get(docName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(docName);
    void this.track(this.index(docName, entry.doc));
  }

  private index(docName: string, doc: Y.Doc): Promise<void> {
    const waveId = waveIdOf(docName)!;
    // Read now: the document may be freed once the hook returns. Writes of one document stay in order.
    const text = plainText(doc);
    return this.writes.run(docName, async () => {
      const wave = await this.deps.db.selectFrom('waves').select('space_id').where('id', '=', waveId).executeTakeFirst();
      if (!wave) return;
      await indexSearchText(this.deps.db, { kind: 'document', refId: waveId, waveId, spaceId: wave.space_id, text });
    });
  }

  private async credit(waveId: string, userId: string): Promise<void> {
    const now = isoNow(this.deps.clock);
    await publishWaveCounts(this.deps.streams, this.deps.db, {
      waveId,
      actorId: userId,
      now,
      write: async (trx) => {
        const wave = await trx.selectFrom('waves').select('space_id').where('id', '=', waveId).executeTakeFirstOrThrow();
        await ensureMember(trx, wave.space_id, userId, now);
      },
    });
  }

  private track(work: Promise<void>): Promise<void> {
    const logged = work.catch((err: unknown) => this.deps.log.error({ err }, 'wave document hook failed'));
    this.inFlight.add(logged);
    void logged.then(() => this.inFlight.delete(logged));
    return logged;
  }
}
