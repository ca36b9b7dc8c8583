import type { Kysely } from 'kysely';
import type { StreamEvent, StreamEventData, StreamEventType, SubscribeResult } from '../../../shared/schemas/streams.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';

export interface AppendInput<T extends StreamEventType> {
  stream: string;
  type: T;
  data: StreamEventData<T>;
  actorId: string | null;
  /** With an actor: a retry carrying the same key returns the first stored event. */
  idempotencyKey?: string;
  /** Writes that must commit together with the event (audit entries, rows of the feature). */
  alongside?: (trx: Kysely<Database>, event: StreamEvent) => Promise<void>;
}

export type Publish = (event: StreamEvent) => void;

type Executor = Kysely<Database>;

function toEvent(row: Database['stream_events']): StreamEvent {
  return {
    stream: row.stream,
    seq: Number(row.seq),
    type: row.type,
    data: JSON.parse(row.payload),
    actorId: row.actor_id,
    createdAt: row.created_at,
  } as StreamEvent;
}

/**
 * The ordered, durable event log behind every live stream. An event gets the next
 * per-stream sequence number and is committed before anyone hears of it; live
 * delivery (`publish`) happens after the commit, and a reconnecting client reads
 * what it missed with `since`.
 */
export class StreamLog {
  private publish: Publish = () => {};

  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}

  /** Where committed events go live (the Socket.IO rooms, through whatever adapter). */
  onPublish(publish: Publish): void {
    this.publish = publish;
  }

  async append<T extends StreamEventType>(input: AppendInput<T>): Promise<{ event: StreamEvent; duplicate: boolean }> {
    const idem = input.idempotencyKey && input.actorId ? { user: input.actorId, key: input.idempotencyKey } : null;
    try {
      const outcome = await this.db.transaction().execute(async (trx) => {
        if (idem) {
          const earlier = await this.findByKey(trx, idem.user, idem.key);
          if (earlier) return { event: earlier, duplicate: true };
        }
        const head = await trx
          .insertInto('stream_heads')
          .values({ stream: input.stream, last_seq: 1 })
          .onConflict((oc) => oc.column('stream').doUpdateSet((eb) => ({ last_seq: eb('stream_heads.last_seq', '+', 1) })))
          .returning('last_seq')
          .executeTakeFirstOrThrow();
        const row = {
          stream: input.stream,
          seq: Number(head.last_seq),
          type: input.type,
          payload: JSON.stringify(input.data),
          actor_id: input.actorId,
          created_at: this.clock.now().toISOString(),
        };
        await trx.insertInto('stream_events').values(row).execute();
        if (idem) {
          await trx
            .insertInto('idempotency_keys')
            .values({ user_id: idem.user, key: idem.key, stream: row.stream, seq: row.seq, created_at: row.created_at })
            .execute();
        }
        const stored = toEvent(row);
        await input.alongside?.(trx, stored);
        return { event: stored, duplicate: false };
      });
      if (!outcome.duplicate) this.publish(outcome.event);
      return outcome;
    } catch (err) {
      // A concurrent retry with the same key committed first (only possible across processes).
      if (idem && isUniqueViolation(err)) {
        const earlier = await this.findByKey(this.db, idem.user, idem.key);
        if (earlier) return { event: earlier, duplicate: true };
      }
      throw err;
    }
  }

  /** The event a person's earlier write with this idempotency key stored, if any. */
  earlier(userId: string, key: string): Promise<StreamEvent | null> {
    return this.findByKey(this.db, userId, key);
  }

  private async findByKey(db: Executor, userId: string, key: string): Promise<StreamEvent | null> {
    const row = await db
      .selectFrom('idempotency_keys')
      .innerJoin('stream_events', (j) =>
        j.onRef('stream_events.stream', '=', 'idempotency_keys.stream').onRef('stream_events.seq', '=', 'idempotency_keys.seq'),
      )
      .selectAll('stream_events')
      .where('idempotency_keys.user_id', '=', userId)
      .where('idempotency_keys.key', '=', key)
      .executeTakeFirst();
    return row ? toEvent(row) : null;
  }

  async head(stream: string): Promise<number> {
    const row = await this.db.selectFrom('stream_heads').select('last_seq').where('stream', '=', stream).executeTakeFirst();
    return row ? Number(row.last_seq) : 0;
  }

  /** The newest `limit` events of one type, oldest first, and the stream's head (follow on from there). */
  async latestOfType(stream: string, type: StreamEventType, limit: number): Promise<{ events: StreamEvent[]; head: number }> {
    const [rows, head] = await Promise.all([
      this.db
        .selectFrom('stream_events')
        .selectAll()
        .where('stream', '=', stream)
        .where('type', '=', type)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute(),
      this.head(stream),
    ]);
    return { events: rows.reverse().map(toEvent), head };
  }

  /** Events after `after`, oldest first, at most `limit`; `more` says a further call is needed. */
  async since(stream: string, after: number, limit: number): Promise<SubscribeResult> {
    const [rows, head] = await Promise.all([
      this.db
        .selectFrom('stream_events')
        .selectAll()
        .where('stream', '=', stream)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(limit + 1)
        .execute(),
      this.head(stream),
    ]);
    const more = rows.length > limit;
    return { stream, events: rows.slice(0, limit).map(toEvent), head, more };
  }
}
