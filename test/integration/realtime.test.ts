import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import { grant, makeSpace, signUp } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSockets, connected, connectSocket, type ClientSocket } from '../helpers/sockets.js';
import { eventually } from '../helpers/wait.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  closeSockets();
  await server.dispose();
});

const subscribe = (socket: ClientSocket, stream: string, after?: number) =>
  socket.emitWithAck('stream:subscribe', { stream, after }) as Promise<Result<SubscribeResult>>;

const post = (socket: ClientSocket, spaceId: string, text: string, idempotencyKey: string) =>
  socket.emitWithAck('announcement:post', { spaceId, text, idempotencyKey });

async function staffAndSpace() {
  const space = await makeSpace(server, 'acme');
  const staff = await signUp(server, 'Dana');
  await grant(server, space, staff, 'staff');
  return { space, staff };
}

describe('Socket.IO handshake', () => {
  it('refuses a bad token with a clear connect_error', async () => {
    const err = await connected(connectSocket(server, { token: 'forged-token' })).catch((e: Error & { data?: { code: string } }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/invalid, expired or revoked/);
    expect((err as { data?: { code: string } }).data?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a client speaking another protocol version', async () => {
    const err = await connected(connectSocket(server, { protocolVersion: 999 })).catch((e) => e);
    expect(err.data.code).toBe('UNSUPPORTED_PROTOCOL');
  });

  it('refuses a browser origin that is neither ours nor a widget origin', async () => {
    const err = await connected(connectSocket(server, { origin: 'https://evil.example' })).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
  });

  it('accepts the session cookie, a bearer token, and anonymous readers', async () => {
    const { space, staff } = await staffAndSpace();
    for (const socket of [
      connectSocket(server, { cookie: staff.cookie }),
      connectSocket(server, { token: staff.token }),
      connectSocket(server, { origin: server.url }),
    ]) {
      await connected(socket);
      const res = await subscribe(socket, `space:${space.id}`);
      expect(res.ok).toBe(true);
    }
  });
});

describe('streams', () => {
  it('validates payloads and checks permissions in acks', async () => {
    const { space } = await staffAndSpace();
    const fan = await signUp(server, 'Ana');
    const socket = await connected(connectSocket(server, { token: fan.token }));
    const bad = await socket.emitWithAck('stream:subscribe', { stream: 42 } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'stream' } });
    const unknown = await subscribe(socket, 'space:doesnotexist');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const someoneElse = await subscribe(socket, 'user:someoneelse1');
    expect(someoneElse).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const notStaff = await post(socket, space.id, 'hello', 'key-00000001');
    expect(notStaff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noKey = await socket.emitWithAck('announcement:post', { spaceId: space.id, text: 'hi' } as never);
    expect(noKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'idempotencyKey' } });
  });

  it('keeps anonymous readers out of a private space stream', async () => {
    const space = await makeSpace(server, 'hidden', { public: false });
    const socket = await connected(connectSocket(server));
    expect(await subscribe(socket, `space:${space.id}`)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('acknowledges a write once stored and delivers it live to subscribers', async () => {
    const { space, staff } = await staffAndSpace();
    const writer = await connected(connectSocket(server, { token: staff.token }));
    const reader = await connected(connectSocket(server));
    await subscribe(reader, `space:${space.id}`);
    const live: StreamEvent[] = [];
    reader.on('stream:event', (e) => live.push(e));
    const ack = await post(writer, space.id, 'Tables open at noon', 'key-00000001');
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const stored = await server.db.kysely.selectFrom('stream_events').selectAll().where('seq', '=', ack.data.event.seq).execute();
    expect(stored).toHaveLength(1);
    await eventually(() => expect(live.map((e) => e.seq)).toEqual([ack.data.event.seq]));
    expect(live[0]).toMatchObject({ type: 'announcement:posted', data: { text: 'Tables open at noon', author: { displayName: 'Dana' } } });
  });

  it('stores a retried write once', async () => {
    const { space, staff } = await staffAndSpace();
    const writer = await connected(connectSocket(server, { token: staff.token }));
    const acks = await Promise.all([
      post(writer, space.id, 'Once only', 'retry-key-1'),
      post(writer, space.id, 'Once only', 'retry-key-1'),
    ]);
    const again = await post(writer, space.id, 'Once only', 'retry-key-1');
    const seqs = [...acks, again].map((a) => (a.ok ? a.data.event.seq : -1));
    expect(new Set(seqs).size).toBe(1);
    const rows = await server.db.kysely.selectFrom('stream_events').selectAll().where('stream', '=', `space:${space.id}`).execute();
    expect(rows).toHaveLength(1);
    const audit = await server.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'announcement.post').execute();
    expect(audit).toHaveLength(1);
    // The same key over REST is the same write too.
    const rest = await fetch(`${server.url}/api/v1/spaces/acme/announcements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'application/json', 'idempotency-key': 'retry-key-1' },
      body: JSON.stringify({ text: 'Once only' }),
    });
    expect(((await rest.json()) as { event: StreamEvent }).event.seq).toBe(seqs[0]);
  });

  it('gives a client that dropped exactly the events it missed', async () => {
    const { space, staff } = await staffAndSpace();
    const stream = `space:${space.id}`;
    const writer = await connected(connectSocket(server, { token: staff.token }));
    const reader = await connected(connectSocket(server));
    await subscribe(reader, stream, 0);
    const seen: number[] = [];
    reader.on('stream:event', (e) => seen.push(e.seq));
    await post(writer, space.id, 'one', 'k-000000001');
    await post(writer, space.id, 'two', 'k-000000002');
    await eventually(() => expect(seen).toEqual([1, 2]));

    reader.disconnect();
    for (const [i, text] of ['three', 'four', 'five'].entries()) await post(writer, space.id, text, `k-00000001${i}`);

    const back = await connected(connectSocket(server));
    const replay = await subscribe(back, stream, seen.at(-1));
    expect(replay.ok && replay.data.events.map((e) => [e.seq, (e.data as { text: string }).text])).toEqual([
      [3, 'three'],
      [4, 'four'],
      [5, 'five'],
    ]);
    expect(replay.ok && replay.data).toMatchObject({ head: 5, more: false });
  });

  it('replays from the database after a server restart', async () => {
    const { space, staff } = await staffAndSpace();
    const writer = await connected(connectSocket(server, { token: staff.token }));
    await post(writer, space.id, 'before the restart', 'k-restart-1');
    closeSockets();
    await server.stop();
    server = await startTestServer({ dir: server.dir });
    const reader = await connected(connectSocket(server));
    const replay = await subscribe(reader, `space:${space.id}`, 0);
    expect(replay.ok && replay.data.events.map((e) => (e.data as { text: string }).text)).toEqual(['before the restart']);
  });

  it('pages long replays', async () => {
    const { space, staff } = await staffAndSpace();
    for (let i = 0; i < 510; i++) {
      await server.app.streams.append({
        stream: `space:${space.id}`,
        type: 'announcement:posted',
        data: { id: `ann${String(i).padStart(6, '0')}`, text: `n${i}`, author: { id: staff.id, displayName: 'Dana' } },
        actorId: staff.id,
      });
    }
    const reader = await connected(connectSocket(server));
    const first = await subscribe(reader, `space:${space.id}`, 0);
    expect(first.ok && [first.data.events.length, first.data.more]).toEqual([500, true]);
    const rest = await subscribe(reader, `space:${space.id}`, 500);
    expect(rest.ok && [rest.data.events.length, rest.data.more, rest.data.events[0]!.seq]).toEqual([10, false, 501]);
  });
});

describe('announcements over REST', () => {
  it('returns the newest announcements among other space events, and the head to follow on from', async () => {
    const { space, staff } = await staffAndSpace();
    const writer = await connected(connectSocket(server, { token: staff.token }));
    for (let i = 1; i <= 4; i++) await post(writer, space.id, `news ${i}`, `k-news-${i}-000`);
    await server.app.streams.append({
      stream: `space:${space.id}`,
      type: 'wave:counts',
      data: { waveId: 'wave00000001', supporters: 1, replies: 0, contributors: 1, lastActivityAt: new Date().toISOString() },
      actorId: null,
    });
    const res = await fetch(`${server.url}/api/v1/spaces/acme/announcements?limit=3`);
    const body = (await res.json()) as { items: StreamEvent[]; head: number };
    expect(body.items.map((e) => (e.data as { text: string }).text)).toEqual(['news 2', 'news 3', 'news 4']);
    expect(body.head).toBe(5);
  });
});
