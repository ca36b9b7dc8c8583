import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docName } from '../../shared/doc-names.js';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, SeatResult } from '../../shared/schemas/cafe.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import { streamName } from '../../shared/streams.js';
import { CloseCode } from '../../server/collab/close-codes.js';
import { closeClients, makePerson, openProvider } from '../helpers/collab-clients.js';
import { grant, makeSpace, signUp } from '../helpers/fixtures.js';
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
  closeClients();
  await server.dispose();
});

type Person = { id: string; token: string };

const openTable = (who: Person, slug: string, body: unknown) => api<CafeTable>(server, 'POST', `/api/v1/spaces/${slug}/tables`, { token: who.token, body });
const floor = (slug: string, token?: string, query = '') => api(server, 'GET', `/api/v1/spaces/${slug}/tables${query}`, { token });
const socketOf = (who: Person) => connected(connectSocket(server, { token: who.token }));
const join = (socket: ClientSocket, tableId: string) => socket.emitWithAck('table:join', { tableId }) as Promise<Result<SeatResult>>;
const subscribe = (socket: ClientSocket, stream: string, after?: number) =>
  socket.emitWithAck('stream:subscribe', { stream, after }) as Promise<Result<SubscribeResult>>;

function collect(socket: ClientSocket): StreamEvent[] {
  const events: StreamEvent[] = [];
  socket.on('stream:event', (e) => events.push(e));
  return events;
}

async function setup() {
  const space = await makeSpace(server, 'cafe', { tableCapacity: 6, maxTableCapacity: 8 });
  const ana = await signUp(server, 'Ana Souza');
  const kenji = await signUp(server, 'Kenji Watanabe');
  const dana = await signUp(server, 'Dana Okafor');
  await grant(server, space, ana, 'fan');
  await grant(server, space, kenji, 'fan');
  await grant(server, space, dana, 'staff');
  return { space, ana, kenji, dana };
}

describe('the cafe floor', () => {
  it('opens tables with the space default capacity, never above the max, and lists them with who sits there', async () => {
    const { ana, kenji } = await setup();
    const first = await openTable(ana, 'cafe', { topic: 'Night rides', tags: ['Lights', 'safety'] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ topic: 'Night rides', tags: ['lights', 'safety'], capacity: 6, seatsTaken: 1, hostId: ana.id, closedAt: null });
    // Opened over REST with no live socket: the seat waits (away) until Ana connects.
    expect(first.body.people).toEqual([{ id: ana.id, displayName: 'Ana Souza', staff: false, away: true }]);
    await socketOf(ana);
    await eventually(async () => expect((await api(server, 'GET', `/api/v1/tables/${first.body.id}`, { token: ana.token })).body.people[0].away).toBe(false));
    expect(first.body.docName).toBe(`table:${first.body.id}`);
    const big = await openTable(kenji, 'cafe', { topic: 'Cargo bikes', capacity: 40 });
    expect(big.body.capacity).toBe(8);

    const all = await floor('cafe', ana.token);
    expect(all.status).toBe(200);
    expect(all.body.items.map((t: CafeTable) => t.topic).sort()).toEqual(['Cargo bikes', 'Night rides']);
    expect((await floor('cafe', ana.token, '?tag=lights')).body.items.map((t: CafeTable) => t.id)).toEqual([first.body.id]);
    expect((await floor('cafe', ana.token, '?topic=CARGO')).body.items.map((t: CafeTable) => t.id)).toEqual([big.body.id]);
    expect((await floor('cafe', ana.token, '?topic=100%25')).body.items).toEqual([]);

    const page1 = await floor('cafe', ana.token, '?limit=1');
    expect(page1.body.items).toHaveLength(1);
    const page2 = await floor('cafe', ana.token, `?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    expect((await floor('cafe', ana.token, '?cursor=nonsense')).body.error.field).toBe('cursor');

    // Only the host (or staff) changes the topic.
    expect((await api(server, 'PATCH', `/api/v1/tables/${first.body.id}`, { token: kenji.token, body: { topic: 'Mine now' } })).status).toBe(403);
    const renamed = await api(server, 'PATCH', `/api/v1/tables/${first.body.id}`, { token: ana.token, body: { topic: 'Rides after dark' } });
    expect(renamed.body.topic).toBe('Rides after dark');
  });

  it('hides a table from a fan of another space', async () => {
    const { ana } = await setup();
    const table = (await openTable(ana, 'cafe', { topic: 'Private chat' })).body;
    const other = await makeSpace(server, 'elsewhere');
    const outsider = await makePerson(server.deps, { scopedTo: other });
    // A public space's floor shows anonymous visitors and outsiders the tables and free seats, never who sits there.
    for (const token of [undefined, outsider.token]) {
      const seen = await floor('cafe', token);
      expect(seen.status).toBe(200);
      expect(seen.body.items).toMatchObject([{ id: table.id, topic: 'Private chat', seatsTaken: 1, people: [], hostId: null }]);
    }
    const privateSpace = await makeSpace(server, 'members-only', { public: false });
    const member = await makePerson(server.deps, { space: privateSpace, role: 'fan' });
    await api(server, 'POST', '/api/v1/spaces/members-only/tables', { token: member.token, body: { topic: 'Inside only' } });
    expect((await floor('members-only')).status).toBe(401);
    expect((await floor('members-only', outsider.token)).status).toBe(404);

    expect((await api(server, 'GET', `/api/v1/tables/${table.id}`, { token: outsider.token })).status).toBe(404);
    expect((await api(server, 'POST', `/api/v1/tables/${table.id}/seat`, { token: outsider.token })).status).toBe(404);
    const socket = await socketOf(outsider);
    const sub = await subscribe(socket, streamName.table(table.id), 0);
    expect(sub.ok).toBe(false);
    expect(!sub.ok && sub.error.code).toBe('NOT_FOUND');
    const joined = await join(socket, table.id);
    expect(!joined.ok && joined.error.code).toBe('NOT_FOUND');
    const pad = openProvider(server, docName.table(table.id), outsider.token);
    const closed = await new Promise<{ code: number }>((resolve) => pad.once('closed', resolve));
    expect(closed.code).toBe(CloseCode.Forbidden);
  });
});

describe('seats', () => {
  it('holds the cap exactly under 50 concurrent joins; the rest hear TABLE_FULL with the emptiest table on the topic', async () => {
    const { space, dana, ana } = await setup();
    const table = (await openTable(dana, 'cafe', { topic: 'Night rides' })).body;
    expect(table.seatsTaken).toBe(0); // a staff opener's seat does not count
    const elsewhere = (await openTable(ana, 'cafe', { topic: 'night rides', capacity: 4 })).body;
    const fans = await Promise.all(Array.from({ length: 50 }, () => makePerson(server.deps, { space, role: 'fan' })));
    const sockets = await Promise.all(fans.map(socketOf));
    const results = await Promise.all(sockets.map((s) => join(s, table.id)));

    const ok = results.filter((r) => r.ok);
    const full = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(ok).toHaveLength(6);
    expect(full).toHaveLength(44);
    for (const error of full) {
      expect(error.code).toBe('TABLE_FULL');
      expect(error.alternative?.table).toMatchObject({ id: elsewhere.id, seatsTaken: 1, capacity: 4 });
    }
    const seats = await server.db.kysely.selectFrom('table_seats').selectAll().where('table_id', '=', table.id).execute();
    expect(seats.filter((s) => s.staff === 0)).toHaveLength(6);
    const now = (await api(server, 'GET', `/api/v1/tables/${table.id}`, { token: ana.token })).body;
    expect(now).toMatchObject({ seatsTaken: 6, capacity: 6, staffPresent: 1 });

    // Staff sit beyond the cap, marked as staff.
    const lee = await makePerson(server.deps, { space, role: 'staff' });
    const staffSeat = await join(await socketOf(lee), table.id);
    expect(staffSeat.ok && staffSeat.data.seat.staff).toBe(true);
    expect(staffSeat.ok && staffSeat.data.table).toMatchObject({ seatsTaken: 6, staffPresent: 2 });

    // REST says the same; the empty table on the topic is now the emptiest one.
    await api(server, 'DELETE', `/api/v1/tables/${elsewhere.id}/seat`, { token: ana.token });
    const refused = await api(server, 'POST', `/api/v1/tables/${table.id}/seat`, { token: ana.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'TABLE_FULL', alternative: { table: { id: elsewhere.id, seatsTaken: 0 } } });

    // With no other table on the topic, the hint is to open one.
    const [x, y, z] = await Promise.all([1, 2, 3].map(() => makePerson(server.deps, { space, role: 'fan' })));
    const lonely = (await openTable(x!, 'cafe', { topic: 'Lonely topic', capacity: 2 })).body;
    expect((await api(server, 'POST', `/api/v1/tables/${lonely.id}/seat`, { token: y!.token })).status).toBe(200);
    const none = await api(server, 'POST', `/api/v1/tables/${lonely.id}/seat`, { token: z!.token });
    expect(none.body.error).toMatchObject({ code: 'TABLE_FULL', alternative: { table: null } });
    expect(none.body.error.alternative.hint).toMatch(/Open a new table on “Lonely topic”/);
  });

  it('seats a fan at one table at a time; a full table keeps them where they were', async () => {
    const { ana, kenji } = await setup();
    const a = (await openTable(ana, 'cafe', { topic: 'Saddles' })).body;
    const b = (await openTable(kenji, 'cafe', { topic: 'Tyres', capacity: 2 })).body;
    const socket = await socketOf(ana);
    const moved = await join(socket, b.id);
    expect(moved.ok && moved.data.table.seatsTaken).toBe(2);
    const emptyA = (await api(server, 'GET', `/api/v1/tables/${a.id}`, { token: ana.token })).body;
    expect(emptyA).toMatchObject({ seatsTaken: 0, people: [], closedAt: null }); // empty, open until its idle time passes
    const seats = await server.db.kysely.selectFrom('table_seats').select('table_id').where('user_id', '=', ana.id).execute();
    expect(seats).toEqual([{ table_id: b.id }]);

    const third = await signUp(server, 'Third');
    const c = (await openTable(third, 'cafe', { topic: 'Bells' })).body;
    const refused = await api(server, 'POST', `/api/v1/tables/${b.id}/seat`, { token: third.token });
    expect(refused.body.error.code).toBe('TABLE_FULL');
    expect((await api(server, 'GET', `/api/v1/tables/${c.id}`, { token: third.token })).body.seatsTaken).toBe(1);

    const left = await socket.emitWithAck('table:leave', { tableId: b.id });
    expect(left.ok).toBe(true);
    expect((await api(server, 'GET', `/api/v1/tables/${b.id}`, { token: ana.token })).body.seatsTaken).toBe(1);
  });
});

describe('table chat', () => {
  it('lets the seated talk (acknowledged once stored), replays history to newcomers, relays typing, and refuses others', async () => {
    const { ana, kenji, dana } = await setup();
    const table = (await openTable(ana, 'cafe', { topic: 'Night rides' })).body;
    const anaSocket = await socketOf(ana);
    const said = await anaSocket.emitWithAck('table:say', { tableId: table.id, body: 'Who rides after dark?', idempotencyKey: 'say-1-aaaa' });
    expect(said.ok).toBe(true);
    const message = said.ok ? said.data.message : null;
    // Stored before the ack.
    const row = await server.db.kysely.selectFrom('table_messages').selectAll().where('id', '=', message!.id).executeTakeFirst();
    expect(row?.body).toBe('Who rides after dark?');
    const again = await anaSocket.emitWithAck('table:say', { tableId: table.id, body: 'Who rides after dark?', idempotencyKey: 'say-1-aaaa' });
    expect(again.ok && again.data.message.id).toBe(message!.id);

    // Not seated: cannot post, cannot read.
    const kenjiSocket = await socketOf(kenji);
    const refused = await kenjiSocket.emitWithAck('table:say', { tableId: table.id, body: 'Hi', idempotencyKey: 'say-2-bbbb' });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const peek = await subscribe(kenjiSocket, streamName.table(table.id), 0);
    expect(!peek.ok && peek.error.code).toBe('FORBIDDEN');

    // Seated: the history is there on replay.
    expect((await join(kenjiSocket, table.id)).ok).toBe(true);
    const replay = await subscribe(kenjiSocket, streamName.table(table.id), 0);
    expect(replay.ok && replay.data.events.filter((e) => e.type === 'table:message').map((e) => e.data)).toEqual([{ message }]);

    const typing = new Promise((resolve) => kenjiSocket.once('table:typing', resolve));
    expect((await subscribe(anaSocket, streamName.table(table.id))).ok).toBe(true);
    expect((await anaSocket.emitWithAck('table:typing', { tableId: table.id, typing: true })).ok).toBe(true);
    expect(await typing).toEqual({ tableId: table.id, person: { id: ana.id, displayName: 'Ana Souza' }, typing: true });

    // Staff read without sitting and may speak.
    const danaSocket = await socketOf(dana);
    expect((await subscribe(danaSocket, streamName.table(table.id), 0)).ok).toBe(true);
    const live = collect(kenjiSocket);
    expect((await danaSocket.emitWithAck('table:say', { tableId: table.id, body: 'Dana from the team here', idempotencyKey: 'say-3-cccc' })).ok).toBe(true);
    await eventually(() => expect(live.some((e) => e.type === 'table:message' && e.data.message.body === 'Dana from the team here')).toBe(true));
  });

  it('holds a link drop from a newcomer for review: only its author hears of it until staff approve', async () => {
    const { ana, kenji, dana } = await setup();
    const table = (await openTable(ana, 'cafe', { topic: 'Night rides' })).body;
    const newcomer = await signUp(server, 'New Person');
    const newcomerSocket = await socketOf(newcomer);
    expect((await join(newcomerSocket, table.id)).ok).toBe(true);
    const kenjiSocket = await socketOf(kenji);
    await join(kenjiSocket, table.id);
    await subscribe(kenjiSocket, streamName.table(table.id));
    const seen = collect(kenjiSocket);
    const mine = collect(newcomerSocket);
    await subscribe(newcomerSocket, streamName.user(newcomer.id));

    const held = await newcomerSocket.emitWithAck('table:say', {
      tableId: table.id,
      body: 'I found brighter lights for night rides, see https://cheap-lights.example/deal',
      idempotencyKey: 'say-link-1',
    });
    expect(held.ok && held.data.message.visibility).toBe('held');
    await eventually(() => expect(mine.some((e) => e.type === 'table:message' && e.stream === streamName.user(newcomer.id))).toBe(true));
    const queue = await api(server, 'GET', '/api/v1/spaces/cafe/moderation/queue?tab=held', { token: dana.token });
    const item = queue.body.items.find((i: { contentId: string }) => held.ok && i.contentId === held.data.message.id);
    expect(item).toMatchObject({ kind: 'table-message', status: 'held', reasons: [{ rule: 'new-author-link' }] });
    expect(item.context.title).toBe('Cafe table: Night rides');
    expect(seen.filter((e) => e.type === 'table:message')).toEqual([]);

    const approved = await api(server, 'POST', `/api/v1/spaces/cafe/moderation/items/${item.id}/approve`, { token: dana.token, body: {} });
    expect(approved.status).toBe(200);
    await eventually(() =>
      expect(seen.find((e) => e.type === 'table:message')?.data).toMatchObject({ message: { visibility: 'visible', body: expect.stringContaining('cheap-lights') } }),
    );
  });
});

describe('raised hands', () => {
  it('raises a hand, lets staff answer it and stores the waiting time', async () => {
    const { ana, dana, kenji } = await setup();
    const table = (await openTable(ana, 'cafe', { topic: 'Warranty' })).body;
    const anaSocket = await socketOf(ana);
    await anaSocket.emitWithAck('stream:subscribe', { stream: streamName.table(table.id) });
    const events = collect(anaSocket);

    const kenjiSocket = await socketOf(kenji);
    const notSeated = await kenjiSocket.emitWithAck('table:hand', { tableId: table.id });
    expect(!notSeated.ok && notSeated.error.code).toBe('FORBIDDEN');

    const raised = await anaSocket.emitWithAck('table:hand', { tableId: table.id, question: 'Does the warranty cover rust?' });
    expect(raised.ok).toBe(true);
    const hand = raised.ok ? raised.data.hand! : null;
    expect(hand).toMatchObject({ question: 'Does the warranty cover rust?', answeredAt: null, waitSeconds: null });
    const twice = await anaSocket.emitWithAck('table:hand', { tableId: table.id });
    expect(twice.ok && twice.data.hand?.id).toBe(hand!.id);
    await eventually(() => expect(events.some((e) => e.type === 'table:hand-raised')).toBe(true));

    const queue = await api(server, 'GET', '/api/v1/spaces/cafe/hands', { token: dana.token });
    expect(queue.body.map((h: { id: string }) => h.id)).toEqual([hand!.id]);
    expect((await api(server, 'GET', '/api/v1/spaces/cafe/hands', { token: ana.token })).status).toBe(403);
    const fanAnswer = await kenjiSocket.emitWithAck('table:answer', { handId: hand!.id });
    expect(!fanAnswer.ok && fanAnswer.error.code).toBe('FORBIDDEN');

    await new Promise((r) => setTimeout(r, 30));
    const danaSocket = await socketOf(dana);
    const answered = await danaSocket.emitWithAck('table:answer', { handId: hand!.id });
    expect(answered.ok).toBe(true);
    expect(answered.ok && answered.data.hand).toMatchObject({ answeredBy: { id: dana.id, displayName: 'Dana Okafor' } });
    const row = await server.db.kysely.selectFrom('table_hands').selectAll().where('id', '=', hand!.id).executeTakeFirstOrThrow();
    expect(row.answered_by).toBe(dana.id);
    expect(row.answered_at).not.toBeNull();
    expect(Date.parse(row.answered_at!) - Date.parse(row.raised_at)).toBeGreaterThanOrEqual(20);
    expect(answered.ok && answered.data.hand.waitSeconds).toBeGreaterThan(0);
    await eventually(() => expect(events.some((e) => e.type === 'table:hand-lowered')).toBe(true));
    const late = await danaSocket.emitWithAck('table:answer', { handId: hand!.id });
    expect(!late.ok && late.error.code).toBe('CONFLICT');

    // A fan lowers their own hand.
    const again = await anaSocket.emitWithAck('table:hand', { tableId: table.id });
    const lowered = await anaSocket.emitWithAck('table:hand', { tableId: table.id, raised: false });
    expect(lowered.ok && lowered.data.hand).toMatchObject({ id: again.ok && again.data.hand!.id, answeredBy: null });
    expect(lowered.ok && lowered.data.hand!.loweredAt).not.toBeNull();
  });
});

describe('the notepad', () => {
  it('is written by the seated, read by staff, and closed to everybody else', async () => {
    const { ana, dana, kenji } = await setup();
    const table = (await openTable(ana, 'cafe', { topic: 'Notes' })).body;
    const name = docName.table(table.id);
    const writer = openProvider(server, name, ana.token);
    const staff = openProvider(server, name, dana.token);
    await eventually(() => expect(writer.synced && staff.synced).toBe(true));
    writer.doc.getText('notes').insert(0, 'Bring lights');
    await eventually(() => expect(staff.doc.getText('notes').toString()).toBe('Bring lights'));
    staff.doc.getText('notes').insert(0, 'STAFF ');
    const stranger = openProvider(server, name, kenji.token);
    const refused = await new Promise<{ code: number }>((resolve) => stranger.once('closed', resolve));
    expect(refused.code).toBe(CloseCode.Forbidden);
    // The read-only edit never reached the writer nor the store.
    const fresh = openProvider(server, name, ana.token);
    await eventually(() => expect(fresh.doc.getText('notes').toString()).toBe('Bring lights'));
    expect(writer.doc.getText('notes').toString()).toBe('Bring lights');

    // Leaving the table turns the open notepad connection away.
    await api(server, 'DELETE', `/api/v1/tables/${table.id}/seat`, { token: ana.token });
    const kicked = await new Promise<{ code: number }>((resolve) => writer.once('closed', resolve));
    expect(kicked.code).toBe(CloseCode.Forbidden);
  });
});

