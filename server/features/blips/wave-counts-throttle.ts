import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../lib/logger.js';
import type { FollowUp, StreamLog } from '../streams/stream-log.js';
import type { WaveCounts } from '../waves/waves.counters.js';
import { announceCounts, countsEvents } from './wave-events.js';

/** Waves remembered at most this long after their last counts event. */
const FORGET_AFTER_MS = 60_000;

/**
 * Replies change a wave's counts; on a hot wave they would send every watcher a `wave:counts`
 * after each blip (5,000 watchers of a wave taking ten replies a second: twice the messages).
 * The first change in a quiet wave is announced with its write (`followedBy`, same commit); the
 * changes in the next `intervalMs` are coalesced into one trailing announcement at its end, with
 * the numbers as stored then, so the last numbers anyone sees are always the newest.
 */
export class WaveCountsThrottle {
  private readonly lastAt = new Map<string, number>();
  private readonly trailing = new Map<string, { timer: NodeJS.Timeout; fire: () => Promise<void> }>();

  constructor(
    private readonly d: { db: Kysely<Database>; streams: StreamLog; log: Logger },
    private readonly intervalMs = 1000,
  ) {}

  /** For `followedBy` of a write that changed `counts`: the events to store with it now, or none (a trailing one follows). */
  withWrite(spaceId: string, counts: WaveCounts, actorId: string): FollowUp[] {
    const { waveId } = counts;
    const now = performance.now();
    const last = this.lastAt.get(waveId);
    if (this.trailing.has(waveId)) return [];
    if (last === undefined || now - last >= this.intervalMs) {
      this.remember(waveId, now);
      return countsEvents(spaceId, counts, actorId);
    }
    const fire = async () => {
      this.trailing.delete(waveId);
      this.remember(waveId, performance.now());
      try {
        const fresh = await storedCounts(this.d.db, waveId);
        if (fresh) await announceCounts(this.d.streams, spaceId, fresh, actorId);
      } catch (err) {
        this.d.log.error({ err, waveId }, 'could not announce wave counts');
      }
    };
    this.trailing.set(waveId, { timer: setTimeout(() => void fire(), last + this.intervalMs - now), fire });
    return [];
  }

  /** Sends what is waiting now (shutdown). */
  async close(): Promise<void> {
    const waiting = [...this.trailing.values()];
    for (const { timer } of waiting) clearTimeout(timer);
    await Promise.all(waiting.map(({ fire }) => fire()));
  }

  private remember(waveId: string, at: number): void {
    this.lastAt.delete(waveId);
    this.lastAt.set(waveId, at);
    // Oldest first (insertion order): forget the waves quiet for a while.
    for (const [id, when] of this.lastAt) {
      if (at - when < FORGET_AFTER_MS) break;
      this.lastAt.delete(id);
    }
  }
}

/** A wave's counters as the last recount stored them. */
async function storedCounts(db: Kysely<Database>, waveId: string): Promise<WaveCounts | null> {
  const row = await db
    .selectFrom('waves')
    .select(['supporters', 'replies', 'contributors', 'last_activity_at'])
    .where('id', '=', waveId)
    .executeTakeFirst();
  if (!row) return null;
  return { waveId, supporters: Number(row.supporters), replies: Number(row.replies), contributors: Number(row.contributors), lastActivityAt: row.last_activity_at };
}
