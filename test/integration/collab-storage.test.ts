import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocPersistence } from '../../server/collab/persistence.js';
import { changesDoc } from '../../server/collab/update-check.js';
import { createDb, type Db } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { systemClock } from '../../server/lib/clock.js';
import { insertUser } from '../../server/features/users/users.repository.js';

function edited(build: (text: Y.Text) => void, base?: Y.Doc): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  build(doc.getText('t'));
  return { doc, update: Y.encodeStateAsUpdate(doc, before) };
}

describe('changesDoc', () => {
  it('tells new content and new deletions from what the doc already has', () => {
    const server = new Y.Doc();
    const typed = edited((t) => t.insert(0, 'hello world'));
    expect(changesDoc(server, typed.update)).toBe(true);
    Y.applyUpdate(server, typed.update);
    expect(changesDoc(server, typed.update)).toBe(false);

    const deleted = edited((t) => t.delete(0, 6), server);
    expect(changesDoc(server, Y.encodeStateAsUpdate(deleted.doc, Y.encodeStateVector(server)))).toBe(true);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(deleted.doc));
    // What a reconnecting client sends as SyncStep2: nothing new, but its whole delete set.
    expect(changesDoc(server, Y.encodeStateAsUpdate(deleted.doc, Y.encodeStateVector(server)))).toBe(false);
    expect(changesDoc(server, Y.encodeStateAsUpdate(deleted.doc))).toBe(false);

    const more = edited((t) => t.delete(0, 2), server);
    expect(changesDoc(server, Y.encodeStateAsUpdate(more.doc, Y.encodeStateVector(server)))).toBe(true);
    expect(changesDoc(server, new Uint8Array([0, 0]))).toBe(false);
  });

  it('counts deletions of content the doc has not seen as changes', () => {
    const author = edited((t) => t.insert(0, 'abc'));
    const remover = edited((t) => t.delete(1, 1), author.doc);
    const onlyDelete = Y.encodeStateAsUpdate(remover.doc, Y.encodeStateVector(author.doc));
    expect(changesDoc(new Y.Doc(), onlyDelete)).toBe(true);
  });

  it('throws on bytes that are not an update', () => {
    expect(() => changesDoc(new Y.Doc(), new Uint8Array([99, 255]))).toThrow();
    expect(() => changesDoc(new Y.Doc(), new Uint8Array([1, 200, 3, 0, 4]))).toThrow();
  });
});

describe('DocPersistence', () => {
  let db: Db;
  afterEach(() => db?.close());

  it('loads snapshot plus later rows, keeps the log, and never regresses a snapshot', async () => {
    db = createDb({ file: ':memory:' });
    await migrateToLatest(db.kysely);
    const store = new DocPersistence(db.kysely, systemClock);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const text = source.getText('t');
    for (const word of ['one ', 'two ', 'three ']) text.insert(text.length, word);

    const ids: number[] = [];
    for (const u of updates.slice(0, 2)) ids.push(await store.append('space:abcdef', u, null));
    const partial = await store.load('space:abcdef');
    expect(partial).toMatchObject({ lastId: ids[1], replayed: 2 });
    await store.compact('space:abcdef', partial.doc, ids[1]!);
    ids.push(await store.append('space:abcdef', updates[2]!, null));

    const loaded = await store.load('space:abcdef');
    expect(loaded.doc.getText('t').toString()).toBe('one two three ');
    expect(loaded).toMatchObject({ lastId: ids[2], replayed: 1 });
    const rows = await db.kysely.selectFrom('doc_updates').select('id').execute();
    expect(rows).toHaveLength(3);

    await store.compact('space:abcdef', loaded.doc, ids[2]!);
    await store.compact('space:abcdef', partial.doc, ids[0]!);
    const snapshot = await db.kysely.selectFrom('doc_snapshots').selectAll().executeTakeFirstOrThrow();
    expect(snapshot.upto_id).toBe(ids[2]);
    expect((await store.load('space:abcdef')).replayed).toBe(0);
    expect((await store.load('space:other1')).lastId).toBe(0);
  });

  it('stores updates of many documents arriving together in one transaction, each answered once committed, a failing one alone', async () => {
    db = createDb({ file: ':memory:' });
    await migrateToLatest(db.kysely);
    const store = new DocPersistence(db.kysely, systemClock);
    const author = await insertUser(db.kysely, { email: null, passwordHash: null, displayName: 'Ana', now: new Date().toISOString() });
    const transactions = vi.spyOn(db.kysely, 'transaction');
    const docs = Array.from({ length: 20 }, (_, i) => `wave:doc${String(i).padStart(3, '0')}`);
    const typed = docs.map((_, i) => edited((t) => t.insert(0, `text of document ${i}`)).update);
    const stored = await Promise.all(docs.map((name, i) => store.store(name, typed[i]!, author.id)));
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(new Set(stored.map((s) => s.id)).size).toBe(20);
    expect(stored.every((s) => s.firstEdit)).toBe(true);
    for (const [i, name] of docs.entries()) expect((await store.load(name)).doc.getText('t').toString()).toBe(`text of document ${i}`);

    // An update by someone who does not exist (a foreign key) fails alone; the others of its batch are stored.
    const results = await Promise.allSettled([
      store.store(docs[0]!, edited((t) => t.insert(0, 'more ')).update, author.id),
      store.store(docs[1]!, edited((t) => t.insert(0, 'ghost ')).update, 'no-such-user'),
      store.store(docs[2]!, edited((t) => t.insert(0, 'again ')).update, author.id),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await db.kysely.selectFrom('doc_updates').select('doc_name').where('doc_name', 'in', docs.slice(0, 3)).execute();
    expect(rows.map((r) => r.doc_name).sort()).toEqual([docs[0], docs[0], docs[1], docs[2], docs[2]]);
  });
});
