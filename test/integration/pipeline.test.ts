import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, SeatResult, TableMessage } from '../../shared/schemas/cafe.js';
import type { Pipeline, PipelineWave } from '../../shared/schemas/pipeline.js';
import type { WaveDetail } from '../../shared/schemas/waves.js';
import { writeParagraphs } from '../../server/collab/rich-text.js';
import { titleWords } from '../../server/features/waves/waves.pipeline.js';
import { closeClients, openProvider } from '../helpers/collab-clients.js';
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
  closeClients();
  await server.dispose();
});

let keys = 0;
const key = () => `pipeline-key-${++keys}-${Date.now()}`;
type Who = Pick<TestUser, 'id' | 'token'>;

const newWave = async (who: Who, title: string, draft = '') => {
  const res = await api<WaveDetail>(server, 'POST', '/api/v1/spaces/lumen/waves', { token: who.token, body: { title, draft } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
};
const reply = async (who: Who, waveId: string, body: string) => {
  const res = await api(server, 'POST', `/api/v1/waves/${waveId}/blips`, { token: who.token, body: { body }, headers: { 'idempotency-key': key() } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};
const support = async (who: Who, waveId: string) => expect((await api(server, 'PUT', `/api/v1/waves/${waveId}/support`, { token: who.token })).status).toBe(200);
const setStatus = (who: Who, waveId: string, status: string, reason: string) =>
  api<WaveDetail>(server, 'POST', `/api/v1/waves/${waveId}/status`, { token: who.token, body: { status, reason } });
const pipeline = async (who: Who) => {
  const res = await api<Pipeline>(server, 'GET', '/api/v1/spaces/lumen/pipeline', { token: who.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const card = (board: Pipeline, waveId: string): PipelineWave | undefined => board.columns.flatMap((c) => c.waves).find((w) => w.wave.id === waveId);
const socketOf = (who: Who) => connected(connectSocket(server, { token: who.token }));
const join = (socket: ClientSocket, tableId: string) => socket.emitWithAck('table:join', { tableId }) as Promise<Result<SeatResult>>;
const say = async (socket: ClientSocket, tableId: string, body: string) => {
  const said = (await socket.emitWithAck('table:say', { tableId, body, idempotencyKey: key() })) as Result<{ message: TableMessage }>;
  if (!said.ok) throw new Error(said.error.message);
  return said.data.message;
};
const openTable = async (who: Who, topic: string) => (await api<CafeTable>(server, 'POST', '/api/v1/spaces/lumen/tables', { token: who.token, body: { topic } })).body;

async function setup() {
  const space = await makeSpace(server, 'lumen');
  const [ana, kenji, priya, sam, lee, dana] = await Promise.all(
    ['Ana Souza', 'Kenji Watanabe', 'Priya Nair', 'Sam Newcomer', 'Lee Quiet', 'Dana Okafor'].map((n) => signUp(server, n)),
  );
  for (const fan of [ana!, kenji!, priya!, sam!, lee!]) await grant(server, space, fan, 'fan');
  await grant(server, space, dana!, 'staff');
  return { space, ana: ana!, kenji: kenji!, priya: priya!, sam: sam!, lee: lee!, dana: dana! };
}

/**
 * The story: Ana starts the cargo cover wave (W1), Kenji and Dana reply on it. Priya, Sam and
 * Lee talk at a cafe table that Dana promotes into a second wave (W2, credits all three). Dana
 * links W2 from another table, and W1 from a third. Kenji edits W2's document; Priya supports
 * W2 and replies on it; Ana supports it. Kenji and Sam start two folding-pedal waves.
 */
async function story() {
  const people = await setup();
  const { ana, kenji, priya, sam, lee, dana } = people;
  const w1 = await newWave(ana, 'Rain-proof cover for the cargo box', 'Keeps the groceries dry.');
  await reply(kenji, w1, 'A zip on the side would help.');
  await reply(dana, w1, 'We are looking at fabrics.');

  const table = await openTable(priya, 'Cargo in the rain');
  const [samSocket, leeSocket, priyaSocket, danaSocket] = await Promise.all([sam, lee, priya, dana].map(socketOf));
  expect((await join(samSocket!, table.id)).ok).toBe(true);
  expect((await join(leeSocket!, table.id)).ok).toBe(true);
  const said = await say(priyaSocket!, table.id, 'My groceries got soaked again');
  await say(samSocket!, table.id, 'A waterproof box cover would fix it');
  const promoted = await api<{ wave: { id: string } }>(server, 'POST', `/api/v1/tables/${table.id}/promote`, {
    token: dana.token,
    body: { title: 'Waterproof cargo box cover', messageIds: [said.id] },
  });
  expect(promoted.status).toBe(201);
  const w2 = promoted.body.wave.id;

  // Two more tables: one links W2, one links W1 (staff post the links: fans' first links wait for review).
  const linking = await openTable(kenji, 'Commuting');
  await say(danaSocket!, linking.id, `This one is being worked on: http://lumen.example/s/lumen/waves/${w2}`);
  await say(danaSocket!, linking.id, `Same again: /s/lumen/waves/${w2}#blip-x`);
  const another = await openTable(ana, 'Kids on bikes');
  await say(danaSocket!, another.id, `See /s/lumen/waves/${w1}`);

  // Kenji edits W2's idea document.
  const pad = openProvider(server, `wave:${w2}`, kenji.token);
  await eventually(() => expect(pad.synced).toBe(true));
  writeParagraphs(pad.doc, ['Roll-top closure, welded seams.']);
  await eventually(async () => {
    const row = await server.db.kysely.selectFrom('doc_contributors').select('user_id').where('doc_name', '=', `wave:${w2}`).where('user_id', '=', kenji.id).executeTakeFirst();
    expect(row).toBeTruthy();
  });
  await support(priya, w2);
  await reply(priya, w2, 'Happy to test one.');
  await support(ana, w2);

  const w3 = await newWave(kenji, 'Folding pedals for train commuters');
  const w4 = await newWave(sam, 'Folding pedals for the train');
  return { ...people, w1, w2, w3, w4, tables: { promoted: table, linking, another } };
}

describe('the ideas pipeline', () => {
  it('is for staff only', async () => {
    const { ana } = await setup();
    expect((await api(server, 'GET', '/api/v1/spaces/lumen/pipeline', { token: ana.token })).status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/spaces/lumen/pipeline')).status).toBe(401);
  });

  it('groups waves by status with supporters, contributors, breadth and merge candidates', async () => {
    const { dana, w1, w2, w3, w4 } = await story();
    const board = await pipeline(dana);
    expect(board.columns.map((c) => c.status)).toEqual(['open', 'under-review', 'planned', 'in-progress', 'shipped', 'declined']);
    const open = board.columns[0]!;
    expect(open.total).toBe(4);
    // Most supported first.
    expect(open.waves[0]!.wave.id).toBe(w2);

    // Breadth: W1 was linked from one table; its first-time contributors are Ana (she started it), Kenji and Dana (their first replies).
    expect(card(board, w1)!.breadth).toEqual({ tables: 1, firstTimeContributors: 3 });
    // W2: promoted from one table and linked from another (twice: still one table); Priya, Sam and Lee first contributed there
    // (credited from the table); Kenji and Dana had contributed to W1 before.
    expect(card(board, w2)!.breadth).toEqual({ tables: 2, firstTimeContributors: 3 });
    expect(card(board, w2)!.wave).toMatchObject({ supporters: 2, contributors: 5 });
    expect(card(board, w3)!.breadth).toEqual({ tables: 0, firstTimeContributors: 0 });
    expect(card(board, w4)!.breadth).toEqual({ tables: 0, firstTimeContributors: 0 });
    expect(card(board, w2)!.lastChange).toMatchObject({ to: 'open', reason: 'Started' });

    // Merge candidates: the two cargo covers find each other, the two pedal waves too; never themselves.
    expect(card(board, w1)!.mergeCandidates.map((c) => c.id)).toEqual([w2]);
    expect(card(board, w2)!.mergeCandidates.map((c) => c.id)).toEqual([w1]);
    expect(card(board, w2)!.mergeCandidates[0]!.matched.sort()).toEqual(['box', 'cargo', 'cover']);
    expect(card(board, w3)!.mergeCandidates.map((c) => c.id)).toEqual([w4]);
    expect(card(board, w4)!.mergeCandidates.map((c) => c.id)).toEqual([w3]);

    // Moving and merging are the ordinary routes; a merged wave leaves the board and is no candidate.
    expect((await setStatus(dana, w1, 'planned', 'Prototype in spring.')).status).toBe(200);
    expect((await api(server, 'POST', `/api/v1/waves/${w4}/merge`, { token: dana.token, body: { into: w3, reason: 'Same idea' } })).status).toBe(200);
    const after = await pipeline(dana);
    expect(after.columns.find((c) => c.status === 'planned')!.waves.map((w) => w.wave.id)).toEqual([w1]);
    expect(card(after, w1)!.lastChange).toMatchObject({ to: 'planned', reason: 'Prototype in spring.', actor: { id: dana.id } });
    expect(card(after, w4)).toBeUndefined();
    expect(card(after, w3)!.mergeCandidates).toEqual([]);
    // W4's blips and supports moved; Sam's contribution stays his first elsewhere, so W3's breadth is unchanged.
    expect(card(after, w3)!.breadth.firstTimeContributors).toBe(0);
  }, 20_000);

  it('ships an idea: supporters, co-authors and table-mates are notified exactly once and named on the wave', async () => {
    const { ana, kenji, priya, sam, lee, dana, w2 } = await story();
    const shipped = await setStatus(dana, w2, 'shipped', 'In shops from March: thank you all.');
    expect(shipped.status).toBe(200);
    const change = shipped.body.statusHistory.at(-1)!;
    expect(change.to).toBe('shipped');

    const rows = await server.db.kysely
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'reason'])
      .where('source_key', '=', `status:${change.id}`)
      .execute();
    const byPerson = new Map<string, number>();
    for (const r of rows) byPerson.set(r.user_id, (byPerson.get(r.user_id) ?? 0) + 1);
    // Priya is a supporter, a co-author (a reply) and a table-mate: one notification. Dana shipped it: none.
    expect(Object.fromEntries(byPerson)).toEqual({ [ana.id]: 1, [kenji.id]: 1, [priya.id]: 1, [sam.id]: 1, [lee.id]: 1 });
    expect(rows.every((r) => r.kind === 'shipped' && r.reason === 'In shops from March: thank you all.')).toBe(true);

    // Named on the wave: writers first (Dana started it from the table, Kenji edited, Priya replied), then table-mates, then supporters.
    const detail = (await api<WaveDetail>(server, 'GET', `/api/v1/waves/${w2}`)).body;
    const names = detail.madeWith!.map((p) => p.displayName);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(['Ana Souza', 'Dana Okafor', 'Kenji Watanabe', 'Lee Quiet', 'Priya Nair', 'Sam Newcomer']);
    const order = detail.madeWith!.map((p) => p.id);
    expect(order.indexOf(lee.id)).toBeGreaterThan(order.indexOf(kenji.id));
    expect(order.indexOf(ana.id)).toBe(order.length - 1);
    expect(shipped.body.madeWith?.length).toBe(6);

    // Not shipped: no "made with".
    expect((await setStatus(dana, w2, 'in-progress', 'One more batch of testing.')).status).toBe(200);
    expect((await api<WaveDetail>(server, 'GET', `/api/v1/waves/${w2}`)).body.madeWith).toBeUndefined();
  }, 20_000);

  it('searches only meaningful title words', () => {
    expect(titleWords('A rear light that brightens when you brake')).toEqual(['rear', 'light', 'brightens', 'brake']);
    expect(titleWords('Rain-proof cover for the cargo box')).toEqual(['rain', 'proof', 'cover', 'cargo', 'box']);
  });
});
