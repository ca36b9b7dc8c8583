import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import { createDb, type Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { systemClock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { insertUser } from '../users/users.repository.js';
import { StreamLog, type AppendInput } from './stream-log.js';

let dir: string;
let db: Db;
/** A second connection to the same file: it sees only what is committed. */
let observer: SQLite.Database;
let users: string[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-stream-log-'));
  const file = join(dir, 'test.db');
  db = createDb({ file });
  await migrateToLatest(db.kysely);
  observer = new SQLite(file, { readonly: true });
  users = [];
  for (let i = 0; i < 4; i++) users.push((await insertUser(db.kysely, { email: null, passwordHash: null, displayName: `P${i}`, now: new Date().toISOString() })).id);
});

afterEach(async () => {
  observer.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const committed = (stream: string, seq: number) =>
  observer.prepare('SELECT count(*) AS n FROM stream_events WHERE stream = ? AND seq = ?').get(stream, seq) as { n: number };
const rows = (stream?: string) =>
  (stream
    ? db.sqlite!.prepare('SELECT stream, seq, payload FROM stream_events WHERE stream = ? ORDER BY seq').all(stream)
    : db.sqlite!.prepare('SELECT stream, seq, payload FROM stream_events ORDER BY stream, seq').all()) as { stream: string; seq: number; payload: string }[];

function message(stream: string, actorId: string | null, n: number, extra: Partial<AppendInput<'table:message'>> = {}): AppendInput<'table:message'> {
  const tableId = stream.slice('table:'.length);
  return {
    stream,
    type: 'table:message',
    data: { message: { id: newId(), tableId, author: { id: actorId ?? 'nobody', displayName: 'P' }, body: `message ${n}`, createdAt: new Date().toISOString(), visibility: 'visible' } },
    actorId,
    ...extra,
  };
}

describe.each([
  ['through Kysely', false],
  ['with direct statements', true],
])('StreamLog group commit, %s', (_, direct) => {
  const newLog = (executor: Db['kysely'] = db.kysely) => new StreamLog(executor, systemClock, direct ? db.direct : null);

  it('loses and duplicates nothing under many concurrent appends, in fewer transactions than appends', async () => {
    const log = newLog();
    const published: StreamEvent[] = [];
    log.onPublish((event) => published.push(event));
    const transactions = vi.spyOn(db.kysely, 'startTransaction');
    const streams = Array.from({ length: 5 }, () => `table:${newId()}`);
    // 300 appends at once; every tenth repeats the key of the one before it (a retry racing the first try).
    const inputs = Array.from({ length: 300 }, (_, i) => {
      const actor = users[i % users.length]!;
      const key = i % 10 === 9 ? `key-${i - 1}` : `key-${i}`;
      const sameActor = i % 10 === 9 ? users[(i - 1) % users.length]! : actor;
      return message(streams[(i % 10 === 9 ? i - 1 : i) % streams.length]!, sameActor, i, { idempotencyKey: key });
    });
    const outcomes = await Promise.all(inputs.map((input) => log.append(input)));

    const stored = rows();
    expect(stored).toHaveLength(270);
    for (const stream of streams) {
      // Sequence numbers are 1..n with no gap and no repeat.
      const seqs = rows(stream).map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    const fresh = outcomes.filter((o) => !o.duplicate);
    expect(fresh).toHaveLength(270);
    expect(new Set(fresh.map((o) => `${o.event.stream}#${o.event.seq}`)).size).toBe(270);
    // Each retry got the event its first try stored.
    for (let i = 9; i < 300; i += 10) {
      expect(outcomes[i]!.duplicate).toBe(true);
      expect(outcomes[i]!.event).toEqual(outcomes[i - 1]!.event);
    }
    // Appends are written in call order: within a stream, seq follows the order of the calls.
    for (const stream of streams) {
      const mine = fresh.filter((o) => o.event.stream === stream).map((o) => o.event.seq);
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
    // Published once each, after storing.
    expect(published).toHaveLength(270);
    expect(new Set(published.map((e) => `${e.stream}#${e.seq}`)).size).toBe(270);
    expect(transactions.mock.calls.length).toBeLessThan(20);
  });

  it('answers and publishes each append only once a separate connection can read its row', async () => {
    const log = newLog();
    const seenAtPublish: number[] = [];
    log.onPublish((event) => seenAtPublish.push(committed(event.stream, event.seq).n));
    const stream = `table:${newId()}`;
    const seenAtAck: number[] = [];
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        log.append(message(stream, users[i % users.length]!, i)).then(({ event }) => {
          // Checked in the continuation of the resolve, before anything else can run.
          seenAtAck.push(committed(event.stream, event.seq).n);
        }),
      ),
    );
    expect(seenAtAck).toHaveLength(120);
    expect(seenAtAck.every((n) => n === 1)).toBe(true);
    expect(seenAtPublish).toHaveLength(120);
    expect(seenAtPublish.every((n) => n === 1)).toBe(true);
  });

  it('rolls back only the append whose writes fail; the rest of its batch commits', async () => {
    const log = newLog();
    const published: StreamEvent[] = [];
    log.onPublish((event) => published.push(event));
    const stream = `table:${newId()}`;
    const boom = new Error('alongside failed');
    const results = await Promise.allSettled(
      Array.from({ length: 9 }, (_, i) =>
        log.append(
          message(stream, users[0]!, i, {
            idempotencyKey: `k${i}`,
            alongside:
              i === 4
                ? async (trx) => {
                    // Partial writes of the failing append: they must go too.
                    await trx.insertInto('audit_log').values(auditRow()).execute();
                    throw boom;
                  }
                : undefined,
          }),
        ),
      ),
    );
    expect(results[4]).toEqual({ status: 'rejected', reason: boom });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    // The failed append took no sequence number, no idempotency key and left no audit row.
    expect(rows(stream).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows(stream).map((r) => JSON.parse(r.payload).message.body)).not.toContain('message 4');
    expect(db.sqlite!.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'k4'").get()).toEqual({ n: 0 });
    expect(db.sqlite!.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(published).toHaveLength(8);
    // A retry with the failed key is stored then.
    const retry = await log.append(message(stream, users[0]!, 4, { idempotencyKey: 'k4' }));
    expect(retry).toMatchObject({ duplicate: false, event: { seq: 9 } });
  });

  it('fails every append of a batch whose commit fails, and stores none of them', async () => {
    const log = newLog();
    const published: StreamEvent[] = [];
    log.onPublish((event) => published.push(event));
    const stream = `table:${newId()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        log.append(
          message(stream, i === 2 ? 'no-such-person' : users[1]!, i, {
            // Foreign keys checked at COMMIT from the second append on: the third's unknown actor
            // passes its insert and fails the batch's commit.
            alongside: i === 1 ? async (trx) => void (await sql`pragma defer_foreign_keys = on`.execute(trx)) : undefined,
          }),
        ),
      ),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(rows(stream)).toEqual([]);
    expect(published).toEqual([]);
    // The log carries on.
    const next = await log.append(message(stream, users[1]!, 7));
    expect(next.event.seq).toBe(1);
  });

  it('leaves nothing behind of an append whose idempotency key clashes, alone or in a batch', async () => {
    // A key row appearing between the lookup and the insert, as another process's retry would make it.
    db.sqlite!.exec(`CREATE TRIGGER clash BEFORE INSERT ON idempotency_keys WHEN NEW.key = 'clash'
      BEGIN INSERT INTO idempotency_keys (user_id, key, stream, seq, created_at) VALUES (NEW.user_id, 'clash', 'elsewhere', 0, 'now'); END`);
    const log = newLog();
    const stream = `table:${newId()}`;
    await expect(log.append(message(stream, users[0]!, 1, { idempotencyKey: 'clash' }))).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(rows(stream)).toEqual([]);
    const results = await Promise.allSettled([2, 3, 4].map((n) => log.append(message(stream, users[0]!, n, { idempotencyKey: n === 3 ? 'clash' : `k${n}` }))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows(stream).map((r) => r.seq)).toEqual([1, 2]);
    expect(db.sqlite!.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'clash'").get()).toEqual({ n: 0 });
  });

  it('answers a retry of an append committed earlier with that event, alone or in a batch', async () => {
    const log = newLog();
    const published: StreamEvent[] = [];
    log.onPublish((event) => published.push(event));
    const stream = `table:${newId()}`;
    const first = await log.append(message(stream, users[0]!, 1, { idempotencyKey: 'k1' }));
    const alone = await log.append(message(stream, users[0]!, 1, { idempotencyKey: 'k1' }));
    expect(alone).toEqual({ event: first.event, duplicate: true });
    const batch = await Promise.all([
      log.append(message(stream, users[1]!, 2, { idempotencyKey: 'k2' })),
      log.append(message(stream, users[0]!, 1, { idempotencyKey: 'k1' })),
      log.append(message(stream, users[1]!, 3, { idempotencyKey: 'k3' })),
    ]);
    expect(batch.map((o) => o.duplicate)).toEqual([false, true, false]);
    expect(batch[1]!.event).toEqual(first.event);
    expect(rows(stream).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(published.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('stores the events an append is followed by in its transaction and publishes them right after it; a retry adds none', async () => {
    const log = newLog();
    const published: StreamEvent[] = [];
    log.onPublish((event) => published.push(event));
    const stream = `table:${newId()}`;
    const other = `table:${newId()}`;
    const transactions = vi.spyOn(db.kysely, 'startTransaction');
    const followed = (n: number) =>
      message(stream, users[0]!, n, { idempotencyKey: `f${n}`, followedBy: () => [{ ...message(other, users[0]!, 100 + n), actorId: users[0]! }] });
    await log.append(followed(1));
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(published.map((e) => `${e.stream === stream ? 'main' : 'other'}#${e.seq}`)).toEqual(['main#1', 'other#1']);
    const retry = await log.append(followed(1));
    expect(retry.duplicate).toBe(true);
    expect(rows(other).map((r) => r.seq)).toEqual([1]);
    // A failing follower's append rolls back with its follow-ups, alone in its batch.
    const results = await Promise.allSettled([
      log.append(followed(2)),
      log.append(message(stream, users[1]!, 3, { followedBy: () => { throw new Error('no counts'); } })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(rows(stream).map((r) => r.seq)).toEqual([1, 2]);
    expect(rows(other).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('writes into the transaction it was built on', async () => {
    const stream = `table:${newId()}`;
    const published: StreamEvent[] = [];
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        const log = newLog(trx);
        log.onPublish((event) => published.push(event));
        const { event } = await log.append(message(stream, users[0]!, 1));
        expect(event.seq).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(rows(stream)).toEqual([]);
    expect(published).toHaveLength(1);
  });
});

function auditRow() {
  return {
    id: newId(),
    space_id: null,
    actor_id: null,
    action: 'test',
    target_type: 'test',
    target_id: 'x',
    before: null,
    after: null,
    created_at: new Date().toISOString(),
  };
}
