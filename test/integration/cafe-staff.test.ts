import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docName } from '../../shared/doc-names.js';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, FloorDelta, FloorPage, SeatResult } from '../../shared/schemas/cafe.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import { streamName } from '../../shared/streams.js';
import { CloseCode } from '../../server/collab/close-codes.js';
import { writeParagraphs } from '../../server/collab/rich-text.js';
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

const openTable = (who: Person, body: unknown) => api<CafeTable>(server, 'POST', '/api/v1/spaces/cafe/tables', { token: who.token, body });
const socketOf = (who: Person) => connected(connectSocket(server, { token: who.token }));
const join = (socket: ClientSocket, tableId: string) => socket.emitWithAck('table:join', { tableId }) as Promise<Result<SeatResult>>;
const say = (socket: ClientSocket, tableId: string, body: string) =>
  socket.emitWithAck('table:say', { tableId, body, idempotencyKey: `say-${Math.random().toString(36).slice(2, 12)}` });
const subscribe = (socket: ClientSocket, stream: string, after?: number) =>
  socket.emitWithAck('stream:subscribe', { stream, after }) as Promise<Result<SubscribeResult>>;

async function setup() {
  const space = await makeSpace(server, 'cafe', { tableCapacity: 6, maxTableCapacity: 8 });
  const other = await makeSpace(server, 'elsewhere');
  const ana = await signUp(server, 'Ana Souza');
  const kenji = await signUp(server, 'Kenji Watanabe');
  const priya = await signUp(server, 'Priya Nair');
  const dana = await signUp(server, 'Dana Okafor');
  // A brand sign-in scoped to another space: a fan there, nobody here.
  const outsider = await makePerson(server.deps, { scopedTo: other });
  for (const fan of [ana, kenji, priya]) await grant(server, space, fan, 'fan');
  await grant(server, space, dana, 'staff');
  return { space, other, ana, kenji, priya, dana, outsider };
}

describe('the live floor', () => {
  it('sends the first page on watch, then batched deltas of changed and closed tables, only to watchers of that space', async () => {
    const { ana, kenji, priya, dana, outsider, other } = await setup();
    const first = (await openTable(ana, { topic: 'Night rides' })).body;
    const watcher = await socketOf(priya);
    const watched = (await watcher.emitWithAck('floor:watch', { slug: 'cafe' })) as Result<{ page: FloorPage }>;
    expect(watched.ok && watched.data.page.items.map((t) => t.id)).toEqual([first.id]);
    const deltas: FloorDelta[] = [];
    watcher.on('floor:delta', (d) => deltas.push(d));

    // An outsider (and an anonymous visitor) of this public space watch a floor without names.
    const stranger = await socketOf(outsider);
    const redacted = (await stranger.emitWithAck('floor:watch', { slug: 'cafe' })) as Result<{ page: FloorPage }>;
    expect(redacted.ok && redacted.data.page.items).toMatchObject([{ id: first.id, seatsTaken: 1, people: [], hostId: null }]);
    const strangerDeltas: FloorDelta[] = [];
    stranger.on('floor:delta', (d) => strangerDeltas.push(d));
    const anonymous = await connected(connectSocket(server, {}));
    expect((await anonymous.emitWithAck('floor:watch', { slug: 'cafe' })).ok).toBe(true);
    const elsewhere = await socketOf(await makePerson(server.deps, { space: other, role: 'fan' }));
    expect((await elsewhere.emitWithAck('floor:watch', { slug: 'elsewhere' })).ok).toBe(true);
    const elsewhereDeltas: FloorDelta[] = [];
    elsewhere.on('floor:delta', (d) => elsewhereDeltas.push(d));

    // The first page honours filters.
    const filtered = (await watcher.emitWithAck('floor:watch', { slug: 'cafe', topic: 'cargo' })) as Result<{ page: FloorPage }>;
    expect(filtered.ok && filtered.data.page.items).toEqual([]);

    // A burst of changes arrives as one delta, with each table's state after the burst.
    const kenjiSocket = await socketOf(kenji);
    const second = (await openTable(kenji, { topic: 'Cargo bikes', tags: ['family'] })).body;
    expect((await join(kenjiSocket, first.id)).ok).toBe(true);
    const danaSocket = await socketOf(dana);
    expect((await join(danaSocket, first.id)).ok).toBe(true);
    await eventually(() => expect(deltas.length).toBeGreaterThan(0), 3000);
    await new Promise((r) => setTimeout(r, 700));
    // Three changes in a burst: one delta (two if a slow machine spread the burst over a batch boundary).
    expect(deltas.length).toBeLessThanOrEqual(2);
    expect(deltas.flatMap((d) => d.closed)).toEqual([]);
    const byId = new Map(deltas.flatMap((d) => d.tables).map((t) => [t.id, t]));
    expect(byId.get(first.id)).toMatchObject({ seatsTaken: 2, staffPresent: 1 });
    expect(byId.get(first.id)!.people.map((p) => p.displayName)).toEqual(['Ana Souza', 'Kenji Watanabe', 'Dana Okafor']);
    expect(byId.get(second.id)).toMatchObject({ seatsTaken: 0, tags: ['family'] });

    // Closing sends the id under `closed`.
    expect((await api(server, 'POST', `/api/v1/tables/${second.id}/close`, { token: dana.token })).status).toBe(200);
    await eventually(() => expect(deltas.some((d) => d.closed.includes(second.id))).toBe(true), 3000);
    await eventually(() => expect(strangerDeltas.some((d) => d.closed.includes(second.id))).toBe(true), 3000);
    expect(strangerDeltas.flatMap((d) => d.tables).every((t) => t.people.length === 0 && t.hostId === null)).toBe(true);
    expect(strangerDeltas.flatMap((d) => d.tables).findLast((t) => t.id === first.id)).toMatchObject({ seatsTaken: 2, staffPresent: 1 });
    expect(elsewhereDeltas).toEqual([]);

    // Talk moves liveliness (on a slower beat).
    await subscribe(kenjiSocket, streamName.table(first.id));
    expect((await say(kenjiSocket, first.id, 'Anyone tried the new dynamo lights?')).ok).toBe(true);
    await eventually(
      () => expect(deltas.some((d) => d.tables.some((t) => t.id === first.id && t.recentMessages === 1))).toBe(true),
      8000,
    );

    expect((await watcher.emitWithAck('floor:unwatch', { slug: 'cafe' })).ok).toBe(true);
    const before = deltas.length;
    await api(server, 'PATCH', `/api/v1/tables/${first.id}`, { token: ana.token, body: { topic: 'Night rides and lights' } });
    await new Promise((r) => setTimeout(r, 900));
    expect(deltas).toHaveLength(before);
  }, 20_000);
});

describe('staff at the tables', () => {
  it('lock a table: no new fan seats, fans read but do not write, the notepad turns read-only; unlock restores', async () => {
    const { ana, kenji, dana } = await setup();
    const table = (await openTable(ana, { topic: 'Heated words' })).body;
    const anaSocket = await socketOf(ana);
    const pad = openProvider(server, docName.table(table.id), ana.token);
    await eventually(() => expect(pad.synced).toBe(true));

    expect((await api(server, 'POST', `/api/v1/tables/${table.id}/lock`, { token: ana.token, body: { locked: true } })).status).toBe(403);
    const locked = await api<CafeTable>(server, 'POST', `/api/v1/tables/${table.id}/lock`, { token: dana.token, body: { locked: true } });
    expect(locked.body.locked).toBe(true);
    const kenjiSocket = await socketOf(kenji);
    const sit = await join(kenjiSocket, table.id);
    expect(!sit.ok && sit.error.code).toBe('FORBIDDEN');
    const muted = await say(anaSocket, table.id, 'But I was saying');
    expect(!muted.ok && muted.error.message).toMatch(/locked/);
    const danaSocket = await socketOf(dana);
    expect((await say(danaSocket, table.id, 'Let us take a breath here.')).ok).toBe(true);
    // The open notepad connection is downgraded: Ana's edits no longer reach anyone.
    await eventually(async () => {
      const reader = openProvider(server, docName.table(table.id), ana.token);
      await eventually(() => expect(reader.synced).toBe(true));
      pad.doc.getText('t').insert(0, 'x');
      await new Promise((r) => setTimeout(r, 100));
      expect(reader.doc.getText('t').toString()).toBe('');
      reader.destroy();
    });
    const audit = await server.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', table.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['table.lock']);

    await api(server, 'POST', `/api/v1/tables/${table.id}/lock`, { token: dana.token, body: { locked: false } });
    expect((await join(kenjiSocket, table.id)).ok).toBe(true);
    expect((await say(anaSocket, table.id, 'Thanks, back to lights then')).ok).toBe(true);
  });

  it('close a table: everyone stands, hands go down; the people who sat there find it under earlier tables and may read it', async () => {
    const { ana, kenji, priya, dana } = await setup();
    const table = (await openTable(ana, { topic: 'Saddles' })).body;
    const anaSocket = await socketOf(ana);
    const kenjiSocket = await socketOf(kenji);
    await join(kenjiSocket, table.id);
    expect((await say(anaSocket, table.id, 'Leather or gel?')).ok).toBe(true);
    expect((await anaSocket.emitWithAck('table:hand', { tableId: table.id, question: 'Which saddle ships with the Tour?' })).ok).toBe(true);

    expect((await api(server, 'POST', `/api/v1/tables/${table.id}/close`, { token: kenji.token })).status).toBe(403);
    const closed = await api<CafeTable>(server, 'POST', `/api/v1/tables/${table.id}/close`, { token: dana.token });
    expect(closed.body).toMatchObject({ seatsTaken: 0, people: [], raisedHands: 0 });
    expect(closed.body.closedAt).not.toBeNull();
    expect((await api(server, 'GET', '/api/v1/spaces/cafe/tables', { token: ana.token })).body.items).toEqual([]);

    const earlier = await api<CafeTable[]>(server, 'GET', '/api/v1/spaces/cafe/tables/earlier', { token: kenji.token });
    expect(earlier.body.map((t) => t.id)).toEqual([table.id]);
    expect((await api<CafeTable[]>(server, 'GET', '/api/v1/spaces/cafe/tables/earlier', { token: priya.token })).body).toEqual([]);

    const history = await api(server, 'GET', `/api/v1/tables/${table.id}/conversation`, { token: kenji.token });
    expect(history.status).toBe(200);
    expect(history.body.messages.map((m: { body: string }) => m.body)).toEqual(['Leather or gel?']);
    expect(history.body.hands).toEqual([]);
    expect((await api(server, 'GET', `/api/v1/tables/${table.id}/conversation`, { token: priya.token })).status).toBe(403);
    const priyaPad = openProvider(server, docName.table(table.id), priya.token);
    expect((await new Promise<{ code: number }>((resolve) => priyaPad.once('closed', resolve))).code).toBe(CloseCode.Forbidden);
    const kenjiPad = openProvider(server, docName.table(table.id), kenji.token);
    await eventually(() => expect(kenjiPad.synced).toBe(true));

    // Sitting down reopens it.
    expect((await join(kenjiSocket, table.id)).ok).toBe(true);
    expect((await api<CafeTable[]>(server, 'GET', '/api/v1/spaces/cafe/tables/earlier', { token: kenji.token })).body).toEqual([]);
  });

  it('answer the hands at a table by speaking there', async () => {
    const { ana, dana } = await setup();
    const table = (await openTable(ana, { topic: 'Warranty' })).body;
    const anaSocket = await socketOf(ana);
    const raised = await anaSocket.emitWithAck('table:hand', { tableId: table.id, question: 'Is rust covered?' });
    const hand = raised.ok ? raised.data.hand! : null;
    const danaSocket = await socketOf(dana);
    await join(danaSocket, table.id);
    expect((await say(danaSocket, table.id, 'Hi Ana, yes: five years against rust.')).ok).toBe(true);
    const row = await server.db.kysely.selectFrom('table_hands').selectAll().where('id', '=', hand!.id).executeTakeFirstOrThrow();
    expect(row.answered_by).toBe(dana.id);
    expect(row.answered_at).not.toBeNull();
  });

  it('arriving at a table gives the last messages, your own held ones, the hands up and the head to follow on from', async () => {
    const { ana, kenji, dana } = await setup();
    const table = (await openTable(ana, { topic: 'Gears' })).body;
    const anaSocket = await socketOf(ana);
    for (const line of ['Hub gears?', 'Derailleurs are lighter', 'But hubs need less care']) expect((await say(anaSocket, table.id, line)).ok).toBe(true);
    const kenjiSocket = await socketOf(kenji);
    expect((await api(server, 'GET', `/api/v1/tables/${table.id}/conversation`, { token: kenji.token })).status).toBe(403);
    await join(kenjiSocket, table.id);
    // A newcomer's link is held for review: only its author sees it.
    const held = await say(kenjiSocket, table.id, 'Look at https://spam.example/gears');
    expect(held.ok && held.data.message.visibility).toBe('held');
    await kenjiSocket.emitWithAck('table:hand', { tableId: table.id, question: 'Which is quieter?' });

    const kenjiView = await api(server, 'GET', `/api/v1/tables/${table.id}/conversation?limit=3`, { token: kenji.token });
    expect(kenjiView.body.messages.map((m: { body: string }) => m.body)).toEqual(['Derailleurs are lighter', 'But hubs need less care', 'Look at https://spam.example/gears']);
    expect(kenjiView.body.hands.map((h: { question: string }) => h.question)).toEqual(['Which is quieter?']);
    const anaView = await api(server, 'GET', `/api/v1/tables/${table.id}/conversation`, { token: ana.token });
    expect(anaView.body.messages).toHaveLength(3);
    const danaView = await api(server, 'GET', `/api/v1/tables/${table.id}/conversation`, { token: dana.token });
    expect(danaView.status).toBe(200);

    // Following on from the head misses nothing and repeats nothing.
    const events: StreamEvent[] = [];
    anaSocket.on('stream:event', (e) => events.push(e));
    expect((await subscribe(anaSocket, streamName.table(table.id), anaView.body.head)).ok).toBe(true);
    expect((await say(kenjiSocket, table.id, 'Quiet matters to me')).ok).toBe(true);
    await eventually(() => expect(events.filter((e) => e.type === 'table:message').map((e) => e.type === 'table:message' && e.data.message.body)).toEqual(['Quiet matters to me']));
  });
});

describe('promoting a table to a wave', () => {
  it('starts a wave from picked messages, with the notepad as its draft and everyone who sat there credited', async () => {
    const { ana, kenji, priya, dana } = await setup();
    const table = (await openTable(ana, { topic: 'Kid seats' })).body;
    const anaSocket = await socketOf(ana);
    const kenjiSocket = await socketOf(kenji);
    const priyaSocket = await socketOf(priya);
    await join(kenjiSocket, table.id);
    await join(priyaSocket, table.id);
    const lines: string[] = [];
    for (const [socket, body] of [
      [anaSocket, 'A front seat would let me see my kid'],
      [kenjiSocket, 'Rear seats are safer on cargo bikes'],
      [priyaSocket, 'Weather?'],
      [anaSocket, 'A rain cover that fits both would be great'],
    ] as const) {
      const said = await say(socket, table.id, body);
      if (said.ok) lines.push(said.data.message.id);
    }
    // Priya leaves before the promotion: she sat there, so she is credited too.
    await api(server, 'DELETE', `/api/v1/tables/${table.id}/seat`, { token: priya.token });
    const pad = openProvider(server, docName.table(table.id), ana.token);
    await eventually(() => expect(pad.synced).toBe(true));
    writeParagraphs(pad.doc, ['Seats for kids', 'Front and rear, one rain cover']);
    await eventually(async () => {
      const rows = await server.db.kysely.selectFrom('doc_updates').select('id').where('doc_name', '=', docName.table(table.id)).execute();
      expect(rows.length).toBeGreaterThan(0);
    });

    const body = { title: 'Kid seats with one rain cover', tags: ['family'], messageIds: [lines[3], lines[0], lines[1]] };
    expect((await api(server, 'POST', `/api/v1/tables/${table.id}/promote`, { token: ana.token, body })).status).toBe(403);
    const bad = await api(server, 'POST', `/api/v1/tables/${table.id}/promote`, { token: dana.token, body: { ...body, messageIds: ['nope1234'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('messageIds');

    const events: StreamEvent[] = [];
    anaSocket.on('stream:event', (e) => events.push(e));
    await subscribe(anaSocket, streamName.table(table.id));
    const promoted = await api(server, 'POST', `/api/v1/tables/${table.id}/promote`, { token: dana.token, body });
    expect(promoted.status).toBe(201);
    expect(promoted.body.blips).toBe(3);
    expect(promoted.body.credited.map((p: { displayName: string }) => p.displayName)).toEqual(['Ana Souza', 'Kenji Watanabe', 'Priya Nair']);
    const waveId = promoted.body.wave.id;

    const thread = await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: ana.token });
    expect(thread.body.items.map((b: { body: string; author: { displayName: string } }) => [b.author.displayName, b.body])).toEqual([
      ['Ana Souza', 'A front seat would let me see my kid'],
      ['Kenji Watanabe', 'Rear seats are safer on cargo bikes'],
      ['Ana Souza', 'A rain cover that fits both would be great'],
    ]);
    const wave = await api(server, 'GET', `/api/v1/waves/${waveId}`, { token: priya.token });
    expect(wave.body).toMatchObject({ title: 'Kid seats with one rain cover', tags: ['family'], author: { id: dana.id } });
    const contributors = await api(server, 'GET', `/api/v1/waves/${waveId}/contributors`, { token: priya.token });
    const byName = new Map(contributors.body.map((c: { person: { displayName: string } }) => [c.person.displayName, c]));
    expect(byName.get('Priya Nair')).toMatchObject({ tables: 1, blips: 0 });
    expect(byName.get('Ana Souza')).toMatchObject({ tables: 1, blips: 2 });
    expect(byName.get('Dana Okafor')).toMatchObject({ tables: 0 });
    expect(wave.body.contributors).toBe(4);
    const reader = openProvider(server, docName.wave(waveId), ana.token);
    await eventually(() => expect(reader.synced).toBe(true));
    const { plainText } = await import('../../server/collab/rich-text.js');
    expect(plainText(reader.doc)).toBe('Seats for kids\nFront and rear, one rain cover');
    await eventually(() => expect(events.some((e) => e.type === 'table:promoted' && e.data.wave.id === waveId)).toBe(true));

    // It is findable like any wave.
    const search = await api(server, 'GET', '/api/v1/spaces/cafe/search?q=safer', { token: ana.token });
    expect(search.body.map((h: { wave: { id: string } }) => h.wave.id)).toContain(waveId);
  });
});
