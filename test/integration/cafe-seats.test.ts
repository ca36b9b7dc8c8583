import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, SeatResult } from '../../shared/schemas/cafe.js';
import { CAFE_EMPTY_CLOSE_MS, CAFE_GRACE_MS } from '../../server/features/cafe/cafe.service.js';
import type { Clock } from '../../server/lib/clock.js';
import { makePerson } from '../helpers/collab-clients.js';
import { makeSpace } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSockets, connected, connectSocket } from '../helpers/sockets.js';
import { eventually } from '../helpers/wait.js';

/** A clock the test moves forward; the grace sweep reads it, so 30 s pass in an instant. */
class MovableClock implements Clock {
  offsetMs = 0;
  now() {
    return new Date(Date.now() + this.offsetMs);
  }
}

const servers: TestServer[] = [];
afterEach(async () => {
  closeSockets();
  for (const s of servers.splice(0).reverse()) await s.dispose();
});

async function start(options: { dir?: string; clock?: Clock } = {}) {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

const table = (server: TestServer, id: string, token: string) =>
  api<CafeTable>(server, 'GET', `/api/v1/tables/${id}`, { token }).then((r) => r.body);

describe('the grace period', () => {
  it('keeps a dropped fan’s seat for the grace period, gives it back on reconnect, and frees it after', async () => {
    const clock = new MovableClock();
    const server = await start({ clock });
    const space = await makeSpace(server, 'cafe');
    const host = await makePerson(server.deps, { space, role: 'fan' });
    const fan = await makePerson(server.deps, { space, role: 'fan' });
    const opened = await api<CafeTable>(server, 'POST', '/api/v1/spaces/cafe/tables', { token: host.token, body: { topic: 'Commuting' } });
    await connected(connectSocket(server, { token: host.token }));

    const first = await connected(connectSocket(server, { token: fan.token }));
    const seat = (await first.emitWithAck('table:join', { tableId: opened.body.id })) as Result<SeatResult>;
    expect(seat.ok && seat.data.table.seatsTaken).toBe(2);
    first.disconnect();
    await eventually(async () => expect((await table(server, opened.body.id, host.token)).people.find((p) => p.id === fan.id)?.away).toBe(true));

    // Not yet past the grace period: the seat is kept; reconnecting takes it back.
    clock.offsetMs = CAFE_GRACE_MS - 5_000;
    await new Promise((r) => setTimeout(r, 1_200)); // longer than one sweep
    expect((await table(server, opened.body.id, host.token)).seatsTaken).toBe(2);
    const second = await connected(connectSocket(server, { token: fan.token }));
    await eventually(async () => expect((await table(server, opened.body.id, host.token)).people.find((p) => p.id === fan.id)?.away).toBe(false));
    expect((await table(server, opened.body.id, host.token)).seatsTaken).toBe(2);

    // Dropped again, and this time the grace period runs out: the seat frees.
    second.disconnect();
    await eventually(async () => expect((await table(server, opened.body.id, host.token)).people.find((p) => p.id === fan.id)?.away).toBe(true));
    clock.offsetMs += CAFE_GRACE_MS + 1_000;
    await eventually(async () => {
      const now = await table(server, opened.body.id, host.token);
      expect(now.seatsTaken).toBe(1);
      expect(now.people.map((p) => p.id)).toEqual([host.id]);
    });
    const rows = await server.db.kysely.selectFrom('table_seats').selectAll().where('user_id', '=', fan.id).execute();
    expect(rows).toEqual([]);
  });

  it('restores the floor from the database after a restart; the seated get their seats back on reconnect', async () => {
    const clock = new MovableClock();
    const first = await start({ clock });
    const space = await makeSpace(first, 'cafe');
    const host = await makePerson(first.deps, { space, role: 'fan' });
    const fan = await makePerson(first.deps, { space, role: 'fan' });
    const staff = await makePerson(first.deps, { space, role: 'staff' });
    const opened = await api<CafeTable>(first, 'POST', '/api/v1/spaces/cafe/tables', { token: host.token, body: { topic: 'Restarts', capacity: 3 } });
    for (const who of [fan, staff]) {
      const socket = await connected(connectSocket(first, { token: who.token }));
      expect(((await socket.emitWithAck('table:join', { tableId: opened.body.id })) as Result<SeatResult>).ok).toBe(true);
    }
    closeSockets();
    await first.stop();

    const second = await start({ dir: first.dir, clock });
    const restored = await table(second, opened.body.id, host.token);
    expect(restored).toMatchObject({ seatsTaken: 2, capacity: 3, staffPresent: 1, closedAt: null });
    expect(restored.people.map((p) => [p.id, p.staff, p.away])).toEqual([
      [host.id, false, true],
      [fan.id, false, true],
      [staff.id, true, true],
    ]);
    // The cap still counts the restored seats.
    const late = await makePerson(second.deps, { space, role: 'fan' });
    expect((await api(second, 'POST', `/api/v1/tables/${opened.body.id}/seat`, { token: late.token })).status).toBe(200);
    const over = await makePerson(second.deps, { space, role: 'fan' });
    expect((await api(second, 'POST', `/api/v1/tables/${opened.body.id}/seat`, { token: over.token })).body.error.code).toBe('TABLE_FULL');

    await connected(connectSocket(second, { token: fan.token }));
    await eventually(async () => expect((await table(second, opened.body.id, host.token)).people.find((p) => p.id === fan.id)?.away).toBe(false));
    // Those who did not come back (and a REST-only sitter who never connected) lose their seats
    // once the grace period is over.
    clock.offsetMs = CAFE_GRACE_MS + 1_000;
    await eventually(async () => {
      const now = await table(second, opened.body.id, fan.token);
      expect(now.people.map((p) => p.id)).toEqual([fan.id]);
      expect(now.seatsTaken).toBe(1);
    });
  });
});

describe('empty tables', () => {
  it('close after the idle time, keep their history, and reopen when someone sits down', async () => {
    const clock = new MovableClock();
    const server = await start({ clock });
    const space = await makeSpace(server, 'cafe');
    const ana = await makePerson(server.deps, { space, role: 'fan' });
    const opened = await api<CafeTable>(server, 'POST', '/api/v1/spaces/cafe/tables', { token: ana.token, body: { topic: 'Short-lived' } });
    const socket = await connected(connectSocket(server, { token: ana.token }));
    const said = (await socket.emitWithAck('table:say', { tableId: opened.body.id, body: 'Anyone here?', idempotencyKey: 'idle-say-1' })) as Result<unknown>;
    expect(said.ok).toBe(true);
    await socket.emitWithAck('table:hand', { tableId: opened.body.id });
    expect((await socket.emitWithAck('table:leave', { tableId: opened.body.id })).ok).toBe(true);

    // Empty, but still on the floor until the idle time passes.
    clock.offsetMs = CAFE_EMPTY_CLOSE_MS - 10_000;
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await table(server, opened.body.id, ana.token)).closedAt).toBeNull();
    clock.offsetMs = CAFE_EMPTY_CLOSE_MS + 1_000;
    await eventually(async () => expect((await table(server, opened.body.id, ana.token)).closedAt).not.toBeNull(), 5_000);
    const floor = await api(server, 'GET', '/api/v1/spaces/cafe/tables', { token: ana.token });
    expect(floor.body.items).toEqual([]);
    const hands = await server.db.kysely.selectFrom('table_hands').selectAll().execute();
    expect(hands.every((h) => h.lowered_at !== null)).toBe(true);

    // Reopened by sitting down; the conversation so far is still there.
    const back = (await socket.emitWithAck('table:join', { tableId: opened.body.id })) as Result<SeatResult>;
    expect(back.ok && back.data.table).toMatchObject({ closedAt: null, seatsTaken: 1, hostId: ana.id });
    const replay = await socket.emitWithAck('stream:subscribe', { stream: `table:${opened.body.id}`, after: 0 });
    expect(replay.ok && replay.data.events.some((e) => e.type === 'table:message' && e.data.message.body === 'Anyone here?')).toBe(true);
  });

  it('stay open as long as their space says', async () => {
    const clock = new MovableClock();
    const server = await start({ clock });
    await makeSpace(server, 'slow', { emptyTableCloseMinutes: 60 });
    const quick = await makeSpace(server, 'quick', { emptyTableCloseMinutes: 2 });
    const ana = await makePerson(server.deps, { space: quick, role: 'fan' });
    const open = async (slug: string) => {
      const opened = await api<CafeTable>(server, 'POST', `/api/v1/spaces/${slug}/tables`, { token: ana.token, body: { topic: `Idle in ${slug}` } });
      await api(server, 'DELETE', `/api/v1/tables/${opened.body.id}/seat`, { token: ana.token });
      return opened.body.id;
    };
    const slow = await open('slow');
    const fast = await open('quick');
    clock.offsetMs = 2 * 60_000 + 1_000;
    await eventually(async () => expect((await table(server, fast, ana.token)).closedAt).not.toBeNull(), 5_000);
    clock.offsetMs = 59 * 60_000;
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await table(server, slow, ana.token)).closedAt).toBeNull();
    clock.offsetMs = 60 * 60_000 + 1_000;
    await eventually(async () => expect((await table(server, slow, ana.token)).closedAt).not.toBeNull(), 5_000);
  });
});
