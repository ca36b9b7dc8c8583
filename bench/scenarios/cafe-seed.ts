import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { insertSpace, upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import { createSession } from '../../server/features/users/sessions.js';
import { insertUser } from '../../server/features/users/users.repository.js';
import { newId } from '../../server/lib/ids.js';

export interface SeededCafe {
  dir: string;
  file: string;
  spaceId: string;
  /** A bearer token per fan; fan i sits at table ⌊i / fansPerTable⌋. */
  tokens: string[];
  tableIds: string[];
}

const TOPICS = ['Night rides', 'Cargo bikes', 'Rain gear', 'Commuting in winter', 'First bike', 'Repairs at home', 'Touring', 'Kids on bikes'];

/**
 * A fresh database for the cafe benchmark: one space whose settings let a table seat
 * `fansPerTable` and let a fan post far faster than the benchmark does (flooding would refuse
 * benchmark posts; every other setting is the default), `tables × fansPerTable` fans with a
 * membership and a live session each, and `tables` open, empty tables (the fans sit down
 * over Socket.IO, as the product's clients do).
 */
export async function seedCafe(tables: number, fansPerTable: number): Promise<SeededCafe> {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-cafe-'));
  const file = join(dir, 'bench.db');
  const db = createDb({ file, synchronous: 'NORMAL' });
  try {
    await migrateToLatest(db.kysely);
    const now = new Date();
    const iso = now.toISOString();
    return await db.kysely.transaction().execute(async (trx) => {
      const space = await insertSpace(trx, {
        slug: 'cafe-bench',
        name: 'Cafe bench',
        ssoSecret: 'x'.repeat(40),
        now: iso,
        settings: {
          tableCapacity: fansPerTable,
          maxTableCapacity: Math.max(12, fansPerTable),
          rateLimit: { posts: 1000, windowSeconds: 5 },
        },
      });
      const tokens: string[] = [];
      const userIds: string[] = [];
      for (let i = 0; i < tables * fansPerTable; i++) {
        const user = await insertUser(trx, { email: null, passwordHash: null, displayName: `Fan ${i + 1}`, now: iso });
        await upsertMembership(trx, space.id, user.id, 'fan', iso);
        tokens.push((await createSession(trx, { userId: user.id, spaceId: null, now, days: 1 })).token);
        userIds.push(user.id);
      }
      const tableIds: string[] = [];
      for (let t = 0; t < tables; t++) {
        const id = newId();
        await trx
          .insertInto('cafe_tables')
          .values({
            id,
            space_id: space.id,
            topic: `${TOPICS[t % TOPICS.length]} ${Math.floor(t / TOPICS.length) + 1}`,
            tags: '[]',
            capacity: fansPerTable,
            fan_seats: 0,
            host_id: userIds[t * fansPerTable]!,
            created_at: iso,
            last_activity_at: iso,
            closed_at: null,
          })
          .execute();
        tableIds.push(id);
      }
      return { dir, file, spaceId: space.id, tokens, tableIds };
    });
  } finally {
    await db.close();
  }
}
