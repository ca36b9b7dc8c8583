import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type Db } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { firstRow, queryShape } from './query-shape.js';

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-query-shape-'));
  db = createDb({ file: join(dir, 'test.db') });
  await migrateToLatest(db.kysely);
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertHead = queryShape<{ stream: string; seq: number }, never>((k, p) => k.insertInto('stream_heads').values({ stream: p('stream'), last_seq: p('seq') }));

describe('queryShape', () => {
  it('compiles once and binds each run its own values, keeping the fixed ones', async () => {
    const build = vi.fn((k: Db['kysely'], p: (name: 'prefix') => string) =>
      k.selectFrom('stream_heads').select('stream').where('stream', 'like', p('prefix')).where('last_seq', '>', 1).orderBy('stream'),
    );
    const heads = queryShape<{ prefix: string }, { stream: string }>(build);
    for (const [stream, seq] of [['table:a', 1], ['table:b', 5], ['wave:c', 7]] as const) await insertHead(db.kysely, { stream, seq });
    expect((await heads(db.kysely, { prefix: 'table:%' })).rows).toEqual([{ stream: 'table:b' }]);
    expect((await heads(db.kysely, { prefix: '%' })).rows).toEqual([{ stream: 'table:b' }, { stream: 'wave:c' }]);
    expect(await firstRow(heads(db.kysely, { prefix: 'none%' }))).toBeUndefined();
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('runs directly on the connection inside a transaction, and its writes go with that transaction', async () => {
    const direct = vi.fn(db.direct!);
    const put = queryShape<{ stream: string; seq: number }, never>((k, p) => k.insertInto('stream_heads').values({ stream: p('stream'), last_seq: p('seq') }), direct);
    await put(db.kysely, { stream: 'outside', seq: 1 });
    expect(direct).not.toHaveBeenCalled();
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await put(trx, { stream: 'inside', seq: 2 });
        expect(direct).toHaveBeenCalledTimes(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const streams = await db.kysely.selectFrom('stream_heads').select('stream').execute();
    expect(streams).toEqual([{ stream: 'outside' }]);
  });
});
