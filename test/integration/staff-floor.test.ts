import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, Hand, SeatResult, TableMessage } from '../../shared/schemas/cafe.js';
import type { StaffFloor, StaffFloorDelta, StaffTable } from '../../shared/schemas/staff-floor.js';
import { STAFF_FLOOR, bucketsAt, isBusyWithoutStaff, messagesInLast, windowStart } from '../../shared/staff-floor.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
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

let keys = 0;
const key = () => `floor-key-${++keys}-${Date.now()}`;
type Who = Pick<TestUser, 'id' | 'token'>;

const socketOf = (who: Who) => connected(connectSocket(server, { token: who.token }));
const openTable = (who: Who, topic: string) => api<CafeTable>(server, 'POST', '/api/v1/spaces/cafe/tables', { token: who.token, body: { topic } });
const join = (socket: ClientSocket, tableId: string) => socket.emitWithAck('table:join', { tableId }) as Promise<Result<SeatResult>>;
const say = (socket: ClientSocket, tableId: string, body: string) =>
  socket.emitWithAck('table:say', { tableId, body, idempotencyKey: key() }) as Promise<Result<{ message: TableMessage }>>;
const watch = (socket: ClientSocket) => socket.emitWithAck('staff-floor:watch', { slug: 'cafe' }) as Promise<Result<StaffFloor>>;

async function setup() {
  // Room to talk: the rate limit would otherwise stop one person after 10 posts a minute.
  const space = await makeSpace(server, 'cafe', { watchedWords: ['refund'], rateLimit: { posts: 100, windowSeconds: 60 } });
  const [ana, kenji, priya, dana, eli] = await Promise.all(['Ana Souza', 'Kenji Watanabe', 'Priya Nair', 'Dana Okafor', 'Eli Staff'].map((n) => signUp(server, n)));
  for (const fan of [ana!, kenji!, priya!]) await grant(server, space, fan, 'fan');
  await grant(server, space, dana!, 'staff');
  await grant(server, space, eli!, 'admin');
  return { space, ana: ana!, kenji: kenji!, priya: priya!, dana: dana!, eli: eli! };
}

/** Collects a socket's staff deltas and keeps the floor as the console would. */
function follow(socket: ClientSocket, floor: StaffFloor) {
  const deltas: StaffFloorDelta[] = [];
  const tables = new Map(floor.tables.map((t) => [t.id, t]));
  const state = { tables, coverage: floor.coverage, deltas };
  socket.on('staff-floor:delta', (delta) => {
    deltas.push(delta);
    for (const t of delta.tables) tables.set(t.id, t);
    for (const id of delta.closed) tables.delete(id);
    if (delta.coverage) state.coverage = delta.coverage;
  });
  return state;
}

describe('the staff floor', () => {
  it('is for staff only: fans and anonymous visitors are refused, on the socket and over REST', async () => {
    const { ana, dana } = await setup();
    const fan = await socketOf(ana);
    const refused = await watch(fan);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const anonymous = await connected(connectSocket(server, {}));
    const anon = await watch(anonymous);
    expect(!anon.ok && anon.error.code).toBe('UNAUTHENTICATED');
    expect((await api(server, 'GET', '/api/v1/spaces/cafe/staff-floor', { token: ana.token })).status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/spaces/cafe/staff-floor')).status).toBe(401);
    expect((await api(server, 'GET', '/api/v1/spaces/nowhere/staff-floor', { token: dana.token })).status).toBe(404);
    const ok = await api<StaffFloor>(server, 'GET', '/api/v1/spaces/cafe/staff-floor', { token: dana.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tables: [], coverage: [] });

    // A fan who watches gets no staff deltas when things change.
    const got: StaffFloorDelta[] = [];
    fan.on('staff-floor:delta', (d) => got.push(d));
    await openTable(ana, 'Night rides');
    await new Promise((r) => setTimeout(r, 900));
    expect(got).toEqual([]);
  });

  it('answers with every open table (activity, last line, hands, staff) and sends batched deltas of what changed, with coverage', async () => {
    const { ana, kenji, dana, eli } = await setup();
    const night = (await openTable(ana, 'Night rides')).body;
    const cargo = (await openTable(kenji, 'Cargo bikes')).body;
    const anaSocket = await socketOf(ana);
    const kenjiSocket = await socketOf(kenji);
    expect((await say(anaSocket, night.id, 'Dynamo lights, anyone?')).ok).toBe(true);

    const danaSocket = await socketOf(dana);
    const first = await watch(danaSocket);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data.tables.map((t) => t.id).sort()).toEqual([night.id, cargo.id].sort());
    const nightRow = first.data.tables.find((t) => t.id === night.id)!;
    expect(nightRow.lastLine).toMatchObject({ author: { id: ana.id, displayName: 'Ana Souza' }, body: 'Dynamo lights, anyone?' });
    expect(nightRow.activity.counts).toHaveLength(STAFF_FLOOR.sparklineMinutes);
    expect(nightRow.activity.counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(nightRow.activity.since).toBe(windowStart(Date.parse(first.data.at)));
    expect(nightRow).toMatchObject({ hands: [], watched: null, busyWithoutStaff: false, staffPresent: 0 });
    // Coverage: Dana watches the staff floor.
    expect(first.data.coverage).toEqual([{ person: { id: dana.id, displayName: 'Dana Okafor' }, watching: true, seat: null }]);
    const live = follow(danaSocket, first.data);

    // A burst: a hand goes up, Eli sits at the cargo table (staff seat), a line is said. One or two deltas, not one per change.
    const raised = (await anaSocket.emitWithAck('table:hand', { tableId: night.id, question: 'Is there a winter tyre?' })) as Result<{ hand: Hand }>;
    expect(raised.ok).toBe(true);
    const eliSocket = await socketOf(eli);
    expect((await join(eliSocket, cargo.id)).ok).toBe(true);
    expect((await say(kenjiSocket, cargo.id, 'Box or long-tail?')).ok).toBe(true);
    await eventually(() => {
      expect(live.tables.get(night.id)!.hands.map((h) => h.question)).toEqual(['Is there a winter tyre?']);
      expect(live.tables.get(cargo.id)!.people.find((p) => p.id === eli.id)).toMatchObject({ staff: true });
      expect(live.tables.get(cargo.id)!.lastLine?.body).toBe('Box or long-tail?');
    }, 5000);
    expect(live.deltas.length).toBeLessThanOrEqual(3);
    // Never the whole floor: each delta carries only tables that changed.
    expect(live.deltas.every((d) => d.tables.length <= 2)).toBe(true);
    await eventually(() =>
      expect(live.coverage).toEqual([
        { person: { id: dana.id, displayName: 'Dana Okafor' }, watching: true, seat: null },
        { person: { id: eli.id, displayName: 'Eli Staff' }, watching: false, seat: { tableId: cargo.id, topic: 'Cargo bikes', away: false } },
      ]),
    );

    // Only the changed table comes again: a new line at the night table.
    const before = live.deltas.length;
    expect((await say(anaSocket, night.id, 'Winter tyres are a must')).ok).toBe(true);
    await eventually(() => expect(live.tables.get(night.id)!.lastLine?.body).toBe('Winter tyres are a must'), 5000);
    expect(live.deltas.slice(before).flatMap((d) => d.tables.map((t) => t.id))).toEqual([night.id]);
    expect(live.deltas.slice(before).every((d) => d.coverage === null)).toBe(true);

    // The fan lowers her hand: it leaves the alerts.
    expect((await anaSocket.emitWithAck('table:hand', { tableId: night.id, raised: false })).ok).toBe(true);
    await eventually(() => expect(live.tables.get(night.id)!.hands).toEqual([]), 5000);

    // Closing removes the table; Eli stands up: coverage follows.
    expect((await api(server, 'POST', `/api/v1/tables/${cargo.id}/close`, { token: dana.token })).status).toBe(200);
    await eventually(() => expect(live.tables.has(cargo.id)).toBe(false), 5000);
    await eventually(() => expect(live.coverage.map((c) => c.person.id)).toEqual([dana.id]), 5000);

    // Eli opens the console floor too (watching); then disconnects: coverage follows both ways.
    const eliConsole = await socketOf(eli);
    expect((await watch(eliConsole)).ok).toBe(true);
    await eventually(() => expect(live.coverage.map((c) => c.person.id).sort()).toEqual([dana.id, eli.id].sort()), 5000);
    eliConsole.disconnect();
    await eventually(() => expect(live.coverage.map((c) => c.person.id)).toEqual([dana.id]), 5000);

    // Unwatch: no more deltas.
    expect((await danaSocket.emitWithAck('staff-floor:unwatch', { slug: 'cafe' })).ok).toBe(true);
    const count = live.deltas.length;
    await api(server, 'PATCH', `/api/v1/tables/${night.id}`, { token: ana.token, body: { topic: 'Night rides and lights' } });
    await new Promise((r) => setTimeout(r, 900));
    expect(live.deltas).toHaveLength(count);
  }, 20_000);

  it('raises a watched-word alert on the table where it was said, until staff decide on the message', async () => {
    const { ana, kenji, dana } = await setup();
    const table = (await openTable(ana, 'Warranty')).body;
    const other = (await openTable(kenji, 'Paint colours')).body;
    const anaSocket = await socketOf(ana);
    const kenjiSocket = await socketOf(kenji);
    const danaSocket = await socketOf(dana);
    const first = await watch(danaSocket);
    if (!first.ok) throw new Error(first.error.message);
    const live = follow(danaSocket, first.data);

    const said = await say(anaSocket, table.id, 'I want a REFUND for my broken light');
    expect(said.ok && said.data.message.visibility).toBe('visible');
    expect((await say(kenjiSocket, other.id, 'Teal or orange?')).ok).toBe(true);
    await eventually(() => {
      expect(live.tables.get(table.id)!.watched).toMatchObject({
        count: 1,
        author: { id: ana.id },
        body: 'I want a REFUND for my broken light',
        reason: expect.stringContaining('refund'),
      });
      expect(live.tables.get(other.id)!.lastLine?.body).toBe('Teal or orange?');
    }, 6000);
    expect(live.tables.get(other.id)!.watched).toBeNull();

    // Staff look at it in the queue and approve it: the alert goes.
    const queue = await api<{ items: { id: string; contentId: string }[] }>(server, 'GET', '/api/v1/spaces/cafe/moderation/queue?tab=flagged', { token: dana.token });
    const item = queue.body.items.find((i) => said.ok && i.contentId === said.data.message.id)!;
    expect(item).toBeTruthy();
    expect((await api(server, 'POST', `/api/v1/spaces/cafe/moderation/items/${item.id}/approve`, { token: dana.token, body: {} })).status).toBe(200);
    await eventually(() => expect(live.tables.get(table.id)!.watched).toBeNull(), 5000);
    // The message stays the table's last line.
    expect(live.tables.get(table.id)!.lastLine?.body).toBe('I want a REFUND for my broken light');
  }, 15_000);

  it(`calls a table busy without staff at ${STAFF_FLOOR.busyMessages} messages in ${STAFF_FLOOR.busyMinutes} minutes with nobody from staff seated`, async () => {
    const { ana, kenji, priya, dana } = await setup();
    const table = (await openTable(ana, 'Gear talk')).body;
    const sockets = await Promise.all([ana, kenji, priya].map(socketOf));
    for (const s of sockets.slice(1)) expect((await join(s, table.id)).ok).toBe(true);
    const danaSocket = await socketOf(dana);
    const first = await watch(danaSocket);
    if (!first.ok) throw new Error(first.error.message);
    const live = follow(danaSocket, first.data);

    for (let i = 0; i < STAFF_FLOOR.busyMessages - 1; i++) expect((await say(sockets[i % 3]!, table.id, `Point number ${i} about gears`)).ok).toBe(true);
    await eventually(() => expect(live.tables.get(table.id)!.lastLine?.body).toBe(`Point number ${STAFF_FLOOR.busyMessages - 2} about gears`), 5000);
    expect(live.tables.get(table.id)!.busyWithoutStaff).toBe(false);
    expect((await say(sockets[0]!, table.id, 'And one more thing')).ok).toBe(true);
    await eventually(() => expect(live.tables.get(table.id)!.busyWithoutStaff).toBe(true), 5000);
    const row = live.tables.get(table.id)!;
    expect(messagesInLast(row.activity, Date.now(), STAFF_FLOOR.busyMinutes)).toBe(STAFF_FLOOR.busyMessages);

    // Staff sit down: no longer "without staff".
    expect((await join(danaSocket, table.id)).ok).toBe(true);
    await eventually(() => expect(live.tables.get(table.id)!.busyWithoutStaff).toBe(false), 5000);
    expect(live.tables.get(table.id)!.staffPresent).toBe(1);
  }, 15_000);
});

describe('staff floor rules', () => {
  const table = (counts: number[], since: string, staffPresent = 0): Pick<StaffTable, 'activity' | 'staffPresent'> => ({ activity: { since, counts }, staffPresent });

  it('slides the sparkline with the clock without a new delta', () => {
    const now = Date.parse('2026-05-01T10:14:30.000Z');
    const since = windowStart(now);
    expect(since).toBe('2026-05-01T10:00:00.000Z');
    const counts = Array.from({ length: 15 }, (_, i) => i);
    expect(bucketsAt({ since, counts }, now)).toEqual(counts);
    // Two minutes later: two buckets slid out, two empty ones came in.
    expect(bucketsAt({ since, counts }, now + 120_000)).toEqual([...counts.slice(2), 0, 0]);
    expect(messagesInLast({ since, counts }, now, 5)).toBe(10 + 11 + 12 + 13 + 14);
  });

  it('busy without staff needs both the messages and no staff', () => {
    const now = Date.parse('2026-05-01T10:14:30.000Z');
    const since = windowStart(now);
    const busy = [...new Array(13).fill(0), 4, 6];
    expect(isBusyWithoutStaff(table(busy, since), now)).toBe(true);
    expect(isBusyWithoutStaff(table(busy, since, 1), now)).toBe(false);
    expect(isBusyWithoutStaff(table([...new Array(14).fill(0), 9], since), now)).toBe(false);
    // Five minutes on, the burst has slid out of the window.
    expect(isBusyWithoutStaff(table(busy, since), now + 5 * 60_000)).toBe(false);
  });
});
