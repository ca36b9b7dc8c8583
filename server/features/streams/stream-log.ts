import { CompiledQuery, type ControlledTransaction, type Kysely } from 'kysely';
import type { StreamEvent, StreamEventData, StreamEventType, SubscribeResult } from '../../../shared/schemas/streams.js';
import type { DirectRun } from '../../db/connect.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { Batcher } from '../../db/batcher.js';
import { queryShape } from '../../db/query-shape.js';

export interface AppendInput<T extends StreamEventType> {
  stream: string;
  type: T;
  data: StreamEventData<T>;
  actorId: string | null;
  /** With an actor: a retry carrying the same key returns the first stored event. */
  idempotencyKey?: string;
  /** Writes that must commit together with the event (audit entries, rows of the feature). */
  alongside?: (trx: Kysely<Database>, event: StreamEvent) => Promise<void>;
  /**
   * Further events that follow from this one (counts it changed), made after `alongside` ran:
   * stored in the same transaction and published right after it. Not for a retry's duplicate.
   */
  followedBy?: () => FollowUp[];
}

/** An event appended after another in its transaction (see `AppendInput.followedBy`). */
export type FollowUp = { [T in StreamEventType]: { stream: string; type: T; data: StreamEventData<T>; actorId: string | null } }[StreamEventType];

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

interface Queued {
  input: AppendInput<StreamEventType>;
  resolve: (outcome: Appended) => void;
  reject: (err: unknown) => void;
}

type Appended = { event: StreamEvent; duplicate: boolean; followUps?: StreamEvent[] };

const SAVEPOINT = CompiledQuery.raw('savepoint append');
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw('rollback to savepoint append');
const RELEASE_SAVEPOINT = CompiledQuery.raw('release savepoint append');

/** The statements every append runs, compiled once (see `queryShape`). */
function appendShapes(direct: DirectRun | null) {
  return {
    bumpHead: queryShape<{ stream: string }, { last_seq: number }>((db, p) =>
      db
        .insertInto('stream_heads')
        .values({ stream: p('stream'), last_seq: 1 })
        .onConflict((oc) => oc.column('stream').doUpdateSet((eb) => ({ last_seq: eb('stream_heads.last_seq', '+', 1) })))
        .returning('last_seq'),
      direct,
    ),
    insertEvent: queryShape<Database['stream_events'], never>((db, p) =>
      db.insertInto('stream_events').values({
        stream: p('stream'),
        seq: p('seq'),
        type: p('type'),
        payload: p('payload'),
        actor_id: p('actor_id'),
        created_at: p('created_at'),
      }),
      direct,
    ),
    insertKey: queryShape<Database['idempotency_keys'], never>((db, p) =>
      db.insertInto('idempotency_keys').values({
        user_id: p('user_id'),
        key: p('key'),
        stream: p('stream'),
        seq: p('seq'),
        created_at: p('created_at'),
      }),
      direct,
    ),
    head: queryShape<{ stream: string }, { last_seq: number }>((db, p) =>
      db.selectFrom('stream_heads').select('last_seq').where('stream', '=', p('stream')),
    ),
    findByKey: queryShape<{ user_id: string; key: string }, Database['stream_events']>((db, p) =>
      db
        .selectFrom('idempotency_keys')
        .innerJoin('stream_events', (j) =>
          j.onRef('stream_events.stream', '=', 'idempotency_keys.stream').onRef('stream_events.seq', '=', 'idempotency_keys.seq'),
        )
        .selectAll('stream_events')
        .where('idempotency_keys.user_id', '=', p('user_id'))
        .where('idempotency_keys.key', '=', p('key')),
      direct,
    ),
  };
}

/** At most this many appends share one transaction (and one fsync). */
export const GROUP_COMMIT_MAX = 128;

/**
 * The ordered, durable event log behind every live stream. An event gets the next
 * per-stream sequence number and is committed before anyone hears of it; live
 * delivery (`publish`) happens after the commit, and a reconnecting client reads
 * what it missed with `since`.
 *
 * **Group commit.** Appends that arrive while the log is busy, or in the same turn of the event
 * loop, are written in one transaction, each inside a savepoint of its own, and committed
 * together: one WAL fsync for many messages instead of one each. Every caller is still answered
 * (and its event published) only after the commit that holds its rows; an append whose writes
 * fail (its `alongside` throws, a constraint) is rolled back to its savepoint alone and its
 * caller gets the error, the others commit. If the commit itself fails, every append of the
 * batch fails. Appends are written in call order, so sequence numbers follow it. A log built on
 * a transaction (`new StreamLog(trx, …)`) writes straight into that transaction instead.
 */
export class StreamLog {
  private publish: Publish = () => {};
  private readonly batches = new Batcher<Queued>(GROUP_COMMIT_MAX, (batch) => this.commit(batch));
  /** Appends written and the transactions that committed them, since the start (for benchmarks). */
  private readonly counts = { appends: 0, transactions: 0 };

  private readonly shapes: ReturnType<typeof appendShapes>;

  /** `direct`: the database's synchronous statements (`Db.direct`), for the append's own writes. */
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    direct: DirectRun | null = null,
  ) {
    this.shapes = appendShapes(direct);
  }

  /** Where committed events go live (the Socket.IO rooms, through whatever adapter). */
  onPublish(publish: Publish): void {
    this.publish = publish;
  }

  async append<T extends StreamEventType>(input: AppendInput<T>): Promise<{ event: StreamEvent; duplicate: boolean }> {
    if (this.db.isTransaction) {
      const outcome = await this.write(this.db, input as AppendInput<StreamEventType>);
      if (!outcome.duplicate) for (const event of [outcome.event, ...(outcome.followUps ?? [])]) this.publish(event);
      return { event: outcome.event, duplicate: outcome.duplicate };
    }
    return new Promise<Appended>((resolve, reject) => this.batches.add({ input: input as AppendInput<StreamEventType>, resolve, reject }));
  }

  private async commit(batch: Queued[]): Promise<void> {
    if (batch.length > 1) {
      const outcomes = await this.writeAll(batch).catch(() => null);
      if (outcomes) return this.settle(batch.map((item, i) => ({ item, outcome: outcomes[i]! })), []);
    }
    await this.writeOneByOne(batch);
  }

  /**
   * The common case: every append of the batch in one transaction, no savepoints. Any failure
   * rolls it all back and throws, and the batch is written again one by one.
   */
  private async writeAll(batch: Queued[]): Promise<Appended[]> {
    const trx = await this.db.startTransaction().execute();
    try {
      const outcomes: Appended[] = [];
      for (const item of batch) outcomes.push(await this.write(trx, item.input));
      await trx.commit().execute();
      this.counted(batch.length);
      return outcomes;
    } catch (err) {
      if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => {});
      throw err;
    }
  }

  /**
   * A lone append, or a batch where something failed: each append in a savepoint of its own, so
   * one failure (its `alongside` throws, a retry whose key committed meanwhile) is that caller's.
   */
  private async writeOneByOne(batch: Queued[]): Promise<void> {
    const done: { item: Queued; outcome: Appended }[] = [];
    const failed: { item: Queued; err: unknown }[] = [];
    let trx: ControlledTransaction<Database> | null = null;
    try {
      trx = await this.db.startTransaction().execute();
      const tx = trx;
      if (batch.length === 1) {
        // Alone in its transaction: a failure rolls the whole transaction back, no savepoint needed.
        done.push({ item: batch[0]!, outcome: await this.write(tx, batch[0]!.input) });
      } else {
        for (const item of batch) {
          await tx.executeQuery(SAVEPOINT);
          try {
            const outcome = await this.writeOrEarlier(tx, item.input, async () => {
              await tx.executeQuery(ROLLBACK_TO_SAVEPOINT);
            });
            await tx.executeQuery(RELEASE_SAVEPOINT);
            done.push({ item, outcome });
          } catch (err) {
            await tx.executeQuery(ROLLBACK_TO_SAVEPOINT);
            await tx.executeQuery(RELEASE_SAVEPOINT);
            failed.push({ item, err });
          }
        }
      }
      await tx.commit().execute();
      this.counted(done.length);
    } catch (err) {
      if (trx && !trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => {});
      if (batch.length === 1 && done.length === 0) {
        // A retry whose key committed first (an earlier batch, another process): that event.
        const earlier = await this.earlierAfterConflict(batch[0]!.input, err).catch(() => null);
        if (earlier) return batch[0]!.resolve({ event: earlier, duplicate: true });
      }
      for (const { item } of done) item.reject(err);
      for (const { item, err: own } of failed) item.reject(own);
      // The single append's own error, or a failure to begin or commit: the rest of the batch fails with it.
      for (const item of batch) if (!done.some((d) => d.item === item) && !failed.some((f) => f.item === item)) item.reject(err);
      return;
    }
    this.settle(done, failed);
  }

  private counted(appends: number): void {
    this.counts.appends += appends;
    this.counts.transactions++;
  }

  /** After the commit: callers hear back, and new events go live. */
  private settle(done: { item: Queued; outcome: Appended }[], failed: { item: Queued; err: unknown }[]): void {
    for (const { item, err } of failed) item.reject(err);
    for (const { item, outcome } of done) {
      if (!outcome.duplicate) {
        for (const event of [outcome.event, ...(outcome.followUps ?? [])]) {
          try {
            this.publish(event);
          } catch {
            // A listener's failure is not the writer's: the event is stored and the caller is answered.
          }
        }
      }
      item.resolve({ event: outcome.event, duplicate: outcome.duplicate });
    }
  }

  /**
   * `write` inside a batch, except that a unique violation on the idempotency key (a retry with
   * the same key committed first by another process) answers with that earlier event, once
   * `undo` rolled back this append's partial writes (its savepoint).
   */
  private async writeOrEarlier(trx: Executor, input: AppendInput<StreamEventType>, undo: () => Promise<void>): Promise<Appended> {
    const idem = input.idempotencyKey && input.actorId ? { user: input.actorId, key: input.idempotencyKey } : null;
    try {
      return await this.write(trx, input);
    } catch (err) {
      if (!idem || !isUniqueViolation(err)) throw err;
      await undo();
      const earlier = await this.findByKey(trx, idem.user, idem.key);
      if (earlier) return { event: earlier, duplicate: true };
      throw err;
    }
  }

  /** After a lone append's transaction was rolled back: the event its key already stored, if `err` says so. */
  private async earlierAfterConflict(input: AppendInput<StreamEventType>, err: unknown): Promise<StreamEvent | null> {
    if (!input.idempotencyKey || !input.actorId || !isUniqueViolation(err)) return null;
    return this.findByKey(this.db, input.actorId, input.idempotencyKey);
  }

  /**
   * The rows of one append, inside `trx`. A retry's key is not looked up first: its row's unique
   * key fails the write, and the callers above answer with the earlier event (a read saved on
   * every append that is not a retry).
   */
  private async write(trx: Executor, input: AppendInput<StreamEventType>): Promise<Appended> {
    const stored = await this.insert(trx, input);
    if (input.idempotencyKey && input.actorId) {
      await this.shapes.insertKey(trx, { user_id: input.actorId, key: input.idempotencyKey, stream: stored.stream, seq: stored.seq, created_at: stored.createdAt });
    }
    await input.alongside?.(trx, stored);
    const followUps: StreamEvent[] = [];
    for (const next of input.followedBy?.() ?? []) followUps.push(await this.insert(trx, next));
    return { event: stored, duplicate: false, followUps };
  }

  /** The event's row, with the stream's next sequence number. */
  private async insert(trx: Executor, input: { stream: string; type: StreamEventType; data: unknown; actorId: string | null }): Promise<StreamEvent> {
    const head = await this.shapes.bumpHead(trx, { stream: input.stream });
    const row = {
      stream: input.stream,
      seq: Number(head.rows[0]!.last_seq),
      type: input.type,
      payload: JSON.stringify(input.data),
      actor_id: input.actorId,
      created_at: this.clock.now().toISOString(),
    };
    await this.shapes.insertEvent(trx, row);
    return { stream: row.stream, seq: row.seq, type: row.type, data: input.data, actorId: row.actor_id, createdAt: row.created_at } as StreamEvent;
  }

  /** How many appends group commit wrote and in how many transactions (appends ÷ transactions = batch size). */
  commitStats(): { appends: number; transactions: number } {
    return { ...this.counts };
  }

  /** The event a person's earlier write with this idempotency key stored, if any. */
  earlier(userId: string, key: string): Promise<StreamEvent | null> {
    return this.findByKey(this.db, userId, key);
  }

  private async findByKey(db: Executor, userId: string, key: string): Promise<StreamEvent | null> {
    const { rows } = await this.shapes.findByKey(db, { user_id: userId, key });
    return rows[0] ? toEvent(rows[0]) : null;
  }

  async head(stream: string): Promise<number> {
    const { rows } = await this.shapes.head(this.db, { stream });
    return rows[0] ? Number(rows[0].last_seq) : 0;
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
