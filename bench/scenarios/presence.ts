import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { Result } from '../../shared/protocol/result.js';
import { streamName } from '../../shared/streams.js';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { insertSpace, upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import { createSession } from '../../server/features/users/sessions.js';
import { insertUser } from '../../server/features/users/users.repository.js';
import { WireClient } from './cafe-wire.js';

/**
 * What the connection scenarios (idle, storm, drop) share: the servers, a seeded database for
 * ours, and what "a signed-in client in a presence room" is on each server.
 *
 * - ours: a real session's bearer token in the Socket.IO handshake (`auth.token`), then
 *   `stream:subscribe` to the space's stream `space:<id>` (the live room every fan of a space
 *   listens on for announcements and waves), acknowledged once the socket is in the room;
 * - bare Socket.IO (bench/baselines/socketio-relay.ts) and the ws floor (ws-relay.ts): the same
 *   handshake without auth, then `join` a room (`socket.join(room)`), acknowledged.
 *
 * Every client of a run is in one room, as every fan of one space is on ours.
 */

export const SERVERS = {
  ours: join(import.meta.dirname, '..', 'servers', 'ours.ts'),
  bare: join(import.meta.dirname, '..', 'baselines', 'socketio-relay.ts'),
  recovery: join(import.meta.dirname, '..', 'baselines', 'socketio-recovery.ts'),
  ws: join(import.meta.dirname, '..', 'baselines', 'ws-relay.ts'),
} as const;

export type ServerKind = keyof typeof SERVERS;

export const SERVER_NAMES: Record<ServerKind, string> = {
  ours: 'ours',
  bare: 'bare Socket.IO',
  recovery: 'Socket.IO + state recovery',
  ws: 'ws floor',
};

/** The room the baselines' clients join. */
export const ROOM = 'space';

export interface SeededSpace {
  dir: string;
  file: string;
  spaceId: string;
  slug: string;
  /** The space's SSO secret: a brand signs its sign-in tokens with it. */
  ssoSecret: string;
  /** A live session's bearer token for each fan (a member of the space). */
  tokens: string[];
  /** A staff member's token (posts announcements). */
  staffToken: string;
}

/**
 * A fresh migrated database for our server: one space (default settings, a random SSO secret),
 * `fans` people with a fan membership and a session each, and one staff member.
 */
export async function seedSpace(fans: number): Promise<SeededSpace> {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-presence-'));
  const file = join(dir, 'bench.db');
  const db = createDb({ file, synchronous: 'NORMAL' });
  const ssoSecret = randomBytes(32).toString('base64url');
  try {
    await migrateToLatest(db.kysely);
    const now = new Date();
    const iso = now.toISOString();
    return await db.kysely.transaction().execute(async (trx) => {
      const space = await insertSpace(trx, { slug: 'presence-bench', name: 'Presence bench', ssoSecret, now: iso });
      const person = async (name: string, role: 'fan' | 'staff') => {
        const user = await insertUser(trx, { email: null, passwordHash: null, displayName: name, now: iso });
        await upsertMembership(trx, space.id, user.id, role, iso);
        return (await createSession(trx, { userId: user.id, spaceId: null, now, days: 1 })).token;
      };
      const tokens: string[] = [];
      for (let i = 0; i < fans; i++) tokens.push(await person(`Fan ${i + 1}`, 'fan'));
      const staffToken = await person('Staff', 'staff');
      return { dir, file, spaceId: space.id, slug: space.slug, ssoSecret, tokens, staffToken };
    });
  } finally {
    await db.close();
  }
}

/** Where a presence client connects, and what it joins there. */
export type PresenceTarget = { kind: 'ours'; url: string; spaceId: string } | { kind: 'bare' | 'ws' | 'recovery'; url: string };

/**
 * Opens one client's Socket.IO connection (the lean client of cafe-wire.ts: the frames
 * socket.io-client sends) and puts it in the presence room; resolves once the server
 * acknowledged the subscription or the join.
 */
export async function joinPresence(target: PresenceTarget, token?: string): Promise<WireClient> {
  if (target.kind === 'ours') {
    if (!token) throw new Error('a client of our server needs a token');
    const client = await WireClient.connect(target.url, { token, protocolVersion: PROTOCOL_VERSION });
    const res = (await client.emitWithAck('stream:subscribe', { stream: streamName.space(target.spaceId) })) as Result<unknown>;
    if (!res.ok) {
      client.close();
      throw new Error(`could not subscribe: ${res.error.code} ${res.error.message}`);
    }
    return client;
  }
  const client = await WireClient.connect(target.url, null);
  await client.emitWithAck('join', ROOM);
  return client;
}
