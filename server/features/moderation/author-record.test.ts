import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { newId } from '../../lib/ids.js';
import { insertSpace, upsertMembership } from '../spaces/spaces.repository.js';
import { insertUser } from '../users/users.repository.js';
import { loadAuthorRecord, recentPosts } from './author-record.js';
import { duplicateKey } from './normalize.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

let dir: string;
let db: Db;
let spaceId: string;
let authorId: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-author-record-'));
  db = createDb({ file: join(dir, 'test.db') });
  await migrateToLatest(db.kysely);
  spaceId = (await insertSpace(db.kysely, { slug: 's', name: 'S', ssoSecret: 'x', now: ago(86_400) })).id;
  authorId = (await insertUser(db.kysely, { email: null, passwordHash: null, displayName: 'Ana', now: ago(86_400) })).id;
  await upsertMembership(db.kysely, spaceId, authorId, 'fan', ago(86_400));
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stores moderation items as if the author had posted these texts at these times. */
async function posted(items: { text: string; secondsAgo: number; status?: 'allowed' | 'held' | 'rejected' }[]) {
  await db.kysely
    .insertInto('moderation_items')
    .values(
      items.map(({ text, secondsAgo, status }) => ({
        id: newId(),
        space_id: spaceId,
        content_kind: 'blip',
        content_id: newId(),
        author_id: authorId,
        status: status ?? 'allowed',
        body: text,
        dup_key: duplicateKey(text),
        reasons: '[]',
        flags: '[]',
        created_at: ago(secondsAgo),
        updated_at: ago(secondsAgo),
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })),
    )
    .execute();
}

describe('what screening reads about an author', () => {
  it('reads the newest posts of the rate window and the one earlier post with the same text, not the whole history', async () => {
    await posted([{ text: 'Great post, as always Amber!', secondsAgo: 500 }]);
    await posted(Array.from({ length: 300 }, (_, i) => ({ text: `Thought number ${i}`, secondsAgo: 300 - i })));
    const recent = await recentPosts(db.kysely, {
      spaceId,
      authorId,
      kind: 'blip',
      text: 'great post,  as always amber',
      rateLimit: { posts: 10, windowSeconds: 60 },
      now: NOW,
    });
    // Ten newest (within the minute) plus the earlier double, newest first.
    expect(recent).toHaveLength(11);
    expect(recent.slice(0, 10).map((p) => p.text)).toEqual(Array.from({ length: 10 }, (_, i) => `Thought number ${299 - i}`));
    expect(recent[10]).toMatchObject({ text: 'Great post, as always Amber!', kind: 'blip', at: ago(500) });
  });

  it('does not offer a same-text post older than the double-post window, or of another kind', async () => {
    await posted([{ text: 'Same words', secondsAgo: 11 * 60 }]);
    const recent = await recentPosts(db.kysely, { spaceId, authorId, kind: 'wave', text: 'same words', rateLimit: { posts: 10, windowSeconds: 60 }, now: NOW });
    expect(recent).toEqual([]);
  });

  it('counts approved posts only up to what the rules compare them with', async () => {
    await posted(Array.from({ length: 50 }, (_, i) => ({ text: `Post ${i}`, secondsAgo: 1000 + i })));
    await posted([{ text: 'Held one', secondsAgo: 10, status: 'held' }]);
    const capped = await loadAuthorRecord(db.kysely, spaceId, { id: authorId, displayName: 'Ana' }, NOW, 3);
    expect(capped.approvedPosts).toBe(3);
    const upTo100 = await loadAuthorRecord(db.kysely, spaceId, { id: authorId, displayName: 'Ana' }, NOW, 100);
    expect(upTo100).toMatchObject({ approvedPosts: 50, role: 'fan', joinedAt: ago(86_400), bannedAt: null, suspendedUntil: null });
  });
});
