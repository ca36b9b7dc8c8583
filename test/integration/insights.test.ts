import { afterEach, describe, expect, it } from 'vitest';
import { docName } from '../../shared/doc-names.js';
import { writeParagraphs } from '../../server/collab/rich-text.js';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, Hand } from '../../shared/schemas/cafe.js';
import type { Analytics, Catalysts } from '../../shared/schemas/insights.js';
import type { Notification } from '../../shared/schemas/notifications.js';
import type { Blip } from '../../shared/schemas/waves.js';
import type { Clock } from '../../server/lib/clock.js';
import { closeClients, openProvider } from '../helpers/collab-clients.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSockets, connected, connectSocket, type ClientSocket } from '../helpers/sockets.js';
import { eventually } from '../helpers/wait.js';
import { csvField } from '../../server/features/insights/analytics.csv.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A clock the test sets: history is written on chosen days, then read "now". */
class SetClock implements Clock {
  constructor(public t: number) {}
  now() {
    return new Date(this.t);
  }
}

const servers: TestServer[] = [];
afterEach(async () => {
  closeSockets();
  closeClients();
  for (const s of servers.splice(0).reverse()) await s.dispose();
});

async function start(clock?: Clock) {
  const server = await startTestServer({ clock });
  servers.push(server);
  return server;
}

async function person(server: TestServer, space: Awaited<ReturnType<typeof makeSpace>>, name: string, role: 'fan' | 'staff' = 'fan') {
  const user = await signUp(server, name);
  await grant(server, space, user, role);
  return user;
}

async function wave(server: TestServer, who: TestUser, title: string): Promise<string> {
  const res = await api(server, 'POST', '/api/v1/spaces/lumen/waves', { token: who.token, body: { title, draft: `${title}: the details.` } });
  expect(res.status).toBe(201);
  return res.body.id;
}

let said = 0;
async function blip(server: TestServer, who: TestUser, waveId: string, parentId?: string): Promise<Blip> {
  const res = await api<Blip>(server, 'POST', `/api/v1/waves/${waveId}/blips`, {
    token: who.token,
    body: { body: `Thought number ${++said} from ${who.displayName}`, parentId },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function seat(server: TestServer, who: TestUser, tableId: string) {
  expect((await api(server, 'POST', `/api/v1/tables/${tableId}/seat`, { token: who.token })).status).toBe(200);
}

const catalysts = (server: TestServer, token: string, query = '') => api<Catalysts>(server, 'GET', `/api/v1/spaces/lumen/catalysts${query}`, { token });

describe('catalysts', () => {
  it('rank a quiet person whose one post drew people in above a loud poster', async () => {
    const server = await start();
    const space = await makeSpace(server, 'lumen', { rateLimit: { posts: 1000, windowSeconds: 60 } });
    const loud = await person(server, space, 'Lou Loud');
    const quiet = await person(server, space, 'Quinn Quiet');
    const solo = await person(server, space, 'Sol Alone');
    const dana = await person(server, space, 'Dana Okafor', 'staff');
    const fans = await Promise.all(['Ana', 'Kenji', 'Priya', 'Ravi', 'Mia', 'Tom'].map((n) => person(server, space, n)));

    // The loud poster: a wave and eight posts of their own on it.
    const big = await wave(server, loud, 'Everything about saddles');
    const loudPosts: Blip[] = [];
    for (let i = 0; i < 8; i++) loudPosts.push(await blip(server, loud, big));
    // The quiet one posts once (answering the loud one's idea), and five people answer them.
    const spark = await blip(server, quiet, big);
    for (const fan of fans.slice(0, 5)) await blip(server, fan, big, spark.id);
    await blip(server, fans[5]!, big, loudPosts[0]!.id);
    // Staff answering is their job: not counted.
    await blip(server, dana, big, spark.id);
    // Someone who only talks to themselves.
    const own = await wave(server, solo, 'My own corner');
    const first = await blip(server, solo, own);
    await blip(server, solo, own, first.id);
    await blip(server, solo, own, first.id);
    // Ravi edits the loud one's idea document live, after them (a co-edit, through the document socket).
    const editor = openProvider(server, docName.wave(big), fans[3]!.token);
    await eventually(() => expect(editor.synced).toBe(true));
    writeParagraphs(editor.doc, ['A gel insert for long rides would help.']);
    await eventually(async () => {
      const row = await server.db.kysely.selectFrom('doc_contributors').select('edits').where('doc_name', '=', docName.wave(big)).where('user_id', '=', fans[3]!.id).executeTakeFirst();
      expect(row?.edits).toBeGreaterThanOrEqual(1);
    });
    // The quiet one also opens a table: two who replied and one new face sit down (and a staff member).
    const table = await api<CafeTable>(server, 'POST', '/api/v1/spaces/lumen/tables', { token: quiet.token, body: { topic: 'Saddles for long rides' } });
    expect(table.status).toBe(201);
    for (const who of [fans[0]!, fans[1]!, solo, dana]) await seat(server, who, table.body.id);

    const res = await catalysts(server, dana.token, '?days=7');
    expect(res.status).toBe(200);
    const ranked = res.body.entries.map((e) => e.person.displayName);
    expect(ranked.slice(0, 2)).toEqual(['Quinn Quiet', 'Lou Loud']);
    expect(ranked).not.toContain('Dana Okafor');
    // Sol drew nobody to his own wave; he only counts as Quinn's guest.
    expect(ranked).not.toContain('Sol Alone');

    const [top, second] = res.body.entries;
    expect(top).toMatchObject({
      rank: 1,
      person: { id: quiet.id },
      reach: 6,
      components: { repliers: 5, tableGuests: 3, coEditors: 0, returningNewcomers: 0, volume: 2, volumeByKind: { blips: 1, tables: 1, waves: 0, edits: 0, messages: 0 } },
    });
    expect(top!.score).toBeCloseTo(6 / (2 + 2));
    // Loud: drew Quinn (answering the wave), Tom (a reply) and Ravi (a co-edit); own volume: a wave, its seeded
    // idea document (one document-day) and 8 blips.
    expect(second).toMatchObject({
      rank: 2,
      person: { id: loud.id },
      reach: 3,
      components: { repliers: 2, coEditors: 1, volume: 10, volumeByKind: { waves: 1, edits: 1, blips: 8 } },
    });
    expect(second!.score).toBeCloseTo(3 / 12);
    expect(second!.evidence[0]).toMatchObject({ id: big, ways: ['reply', 'coedit'] });

    // The evidence: the thread at Quinn's blip, and the table.
    const thread = top!.evidence.find((e) => e.kind === 'wave')!;
    expect(thread).toMatchObject({ id: big, title: 'Everything about saddles', blipId: spark.id, href: `/s/lumen/waves/${big}#blip-${spark.id}`, ways: ['reply'] });
    expect(thread.people.map((p) => p.displayName).sort()).toEqual(['Ana', 'Kenji', 'Mia', 'Priya', 'Ravi']);
    const atTable = top!.evidence.find((e) => e.kind === 'table')!;
    expect(atTable).toMatchObject({ id: table.body.id, title: 'Saddles for long rides', href: `/s/lumen/tables/${table.body.id}`, ways: ['guest'] });
    expect(atTable.people.map((p) => p.displayName).sort()).toEqual(['Ana', 'Kenji', 'Sol Alone']);
    expect(res.body.window.days).toBe(7);
  });

  it('are for the space’s staff only', async () => {
    const server = await start();
    const space = await makeSpace(server, 'lumen');
    const other = await makeSpace(server, 'other');
    const fan = await person(server, space, 'Ana');
    const staff = await person(server, space, 'Dana', 'staff');
    const elsewhere = await signUp(server, 'Olga');
    await grant(server, other, elsewhere, 'staff');

    expect((await catalysts(server, staff.token)).status).toBe(200);
    expect((await catalysts(server, fan.token)).status).toBe(403);
    expect((await catalysts(server, elsewhere.token)).status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/spaces/lumen/catalysts')).status).toBe(401);
    expect((await api(server, 'GET', '/api/v1/spaces/nowhere/catalysts', { token: staff.token })).status).toBe(404);
    expect((await api(server, 'GET', '/api/v1/spaces/lumen/catalysts?days=8', { token: staff.token })).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'query.days' });
    for (const path of ['/analytics', '/analytics.csv?metric=hands']) {
      expect((await api(server, 'GET', `/api/v1/spaces/lumen${path}`, { token: fan.token })).status).toBe(403);
      expect((await api(server, 'GET', `/api/v1/spaces/lumen${path}`, { token: elsewhere.token })).status).toBe(403);
    }
    expect((await api(server, 'POST', `/api/v1/spaces/lumen/people/${staff.id}/invite-host`, { token: fan.token, body: {} })).status).toBe(403);
  });
});

describe('inviting a catalyst to host a table', () => {
  it('notifies the person exactly once, linking to the cafe, and is audited', async () => {
    const server = await start();
    const space = await makeSpace(server, 'lumen');
    const ana = await person(server, space, 'Ana');
    const dana = await person(server, space, 'Dana', 'staff');
    const stranger = await signUp(server, 'Nobody Here');
    const live = await connected(connectSocket(server, { token: ana.token }));
    const pushed: Notification[] = [];
    live.on('notification:new', ({ notification }) => pushed.push(notification));

    const invite = (headers: Record<string, string> = {}) =>
      api(server, 'POST', `/api/v1/spaces/lumen/people/${ana.id}/invite-host`, {
        token: dana.token,
        headers,
        body: { message: 'Your table on night rides was lovely. Would you host one for newcomers on Thursdays?' },
      });
    const first = await invite({ 'Idempotency-Key': 'invite-ana-0001' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ person: { id: ana.id, displayName: 'Ana' }, notified: true, link: '/s/lumen/cafe' });
    // A retry of the same request stores and sends nothing new.
    expect((await invite({ 'Idempotency-Key': 'invite-ana-0001' })).body.notified).toBe(true);

    const inbox = await api(server, 'GET', '/api/v1/me/notifications', { token: ana.token });
    const invites = (inbox.body.items as Notification[]).filter((n) => n.kind === 'host-invite');
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({
      kind: 'host-invite',
      actor: { id: dana.id, displayName: 'Dana' },
      title: 'Space lumen',
      excerpt: 'Your table on night rides was lovely. Would you host one for newcomers on Thursdays?',
      link: '/s/lumen/cafe',
      tableId: null,
      waveId: null,
    });
    await eventually(() => expect(pushed.map((n) => n.kind)).toEqual(['host-invite']));

    const audit = await api(server, 'GET', '/api/v1/spaces/lumen/audit?action=person.invite-host', { token: dana.token });
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ actorId: dana.id, targetType: 'user', targetId: ana.id });

    // Not a member of the space; oneself; a person who turned these off.
    expect((await api(server, 'POST', `/api/v1/spaces/lumen/people/${stranger.id}/invite-host`, { token: dana.token, body: {} })).status).toBe(404);
    expect((await api(server, 'POST', `/api/v1/spaces/lumen/people/${dana.id}/invite-host`, { token: dana.token, body: {} })).status).toBe(400);
    await api(server, 'PATCH', '/api/v1/me/settings', { token: ana.token, body: { notifications: { hostInvite: false } } });
    const off = await api(server, 'POST', `/api/v1/spaces/lumen/people/${ana.id}/invite-host`, { token: dana.token, body: {} });
    expect(off.body.notified).toBe(false);
    expect(pushed).toHaveLength(1);
  });
});

describe('analytics', () => {
  it('measure a small constructed history, and export it as CSV', async () => {
    // Three days ago at noon (UTC); "now" is today at noon.
    const today = Date.parse(new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z');
    const d0 = today - 3 * DAY + 12 * HOUR;
    const clock = new SetClock(d0);
    const server = await start(clock);
    const space = await makeSpace(server, 'lumen');
    const ana = await person(server, space, 'Ana');
    const kenji = await person(server, space, 'Kenji');
    const priya = await person(server, space, 'Priya');
    const dana = await person(server, space, 'Dana', 'staff');
    const socket = async (who: TestUser): Promise<ClientSocket> => connected(connectSocket(server, { token: who.token }));
    const [anaSocket, kenjiSocket, priyaSocket, danaSocket] = [await socket(ana), await socket(kenji), await socket(priya), await socket(dana)];
    const raise = async (s: ClientSocket, tableId: string) => {
      const r = (await s.emitWithAck('table:hand', { tableId })) as Result<{ hand: Hand }>;
      expect(r.ok).toBe(true);
      return (r as { ok: true; data: { hand: Hand } }).data.hand;
    };
    const answer = async (handId: string) => expect(((await danaSocket.emitWithAck('table:answer', { handId })) as Result<unknown>).ok).toBe(true);

    // Day 0: Ana opens a table and raises her hand; Dana answers after 2 minutes. Ana starts an idea.
    const table = (await api<CafeTable>(server, 'POST', '/api/v1/spaces/lumen/tables', { token: ana.token, body: { topic: 'Night lights' } })).body;
    const anaHand = await raise(anaSocket, table.id);
    clock.t += 120_000;
    await answer(anaHand.id);
    clock.t = d0 + HOUR;
    const idea = await wave(server, ana, 'Brighter brake lights');

    // Day 1: Kenji starts a thread on it and Ana answers him; Kenji sits down and waits 10 minutes; the idea is planned.
    clock.t = d0 + DAY;
    const thread = await blip(server, kenji, idea);
    await blip(server, ana, idea, thread.id);
    expect((((await kenjiSocket.emitWithAck('table:join', { tableId: table.id })) as Result<unknown>).ok)).toBe(true);
    const kenjiHand = await raise(kenjiSocket, table.id);
    clock.t += 600_000;
    await answer(kenjiHand.id);
    clock.t = d0 + DAY + 30 * 60_000;
    expect((await api(server, 'POST', `/api/v1/waves/${idea}/status`, { token: dana.token, body: { status: 'planned', reason: 'We are building it.' } })).status).toBe(200);

    // Day 2: Priya supports it; her two link posts are held; Dana approves the first after 5 minutes.
    clock.t = d0 + 2 * DAY;
    expect((await api(server, 'PUT', `/api/v1/waves/${idea}/support`, { token: priya.token })).status).toBe(200);
    const held = await api<Blip>(server, 'POST', `/api/v1/waves/${idea}/blips`, { token: priya.token, body: { body: 'My light: https://lights.example/one' } });
    expect(held.body.visibility).toBe('held');
    clock.t += 5 * 60_000;
    const queue = await api(server, 'GET', '/api/v1/spaces/lumen/moderation/queue?tab=held', { token: dana.token });
    expect(queue.body.items).toHaveLength(1);
    expect((await api(server, 'POST', `/api/v1/spaces/lumen/moderation/items/${queue.body.items[0].id}/approve`, { token: dana.token, body: {} })).status).toBe(200);
    clock.t = d0 + 2 * DAY + HOUR;
    await api(server, 'POST', `/api/v1/waves/${idea}/blips`, { token: priya.token, body: { body: 'And another: https://lights.example/two' } });

    // Today: Priya sits down and raises her hand an hour ago; nobody has answered yet.
    clock.t = d0 + 3 * DAY - HOUR;
    expect((((await priyaSocket.emitWithAck('table:join', { tableId: table.id })) as Result<unknown>).ok)).toBe(true);
    const priyaHand = await raise(priyaSocket, table.id);
    clock.t = d0 + 3 * DAY;

    const res = await api<Analytics>(server, 'GET', '/api/v1/spaces/lumen/analytics?days=4', { token: dana.token });
    expect(res.status).toBe(200);
    const a = res.body;
    const day = (n: number) => new Date(d0 + n * DAY).toISOString().slice(0, 10);
    expect(a.window).toEqual({ days: 4, from: `${day(0)}T00:00:00.000Z`, to: new Date(d0 + 3 * DAY).toISOString() });

    expect(a.hands).toMatchObject({ answered: 2, medianSeconds: 360, loweredUnanswered: 0 });
    expect(a.hands.p90Seconds).toBeCloseTo(552);
    expect(a.hands.open).toEqual([
      { handId: priyaHand.id, tableId: table.id, topic: 'Night lights', person: { id: priya.id, displayName: 'Priya' }, question: null, raisedAt: new Date(d0 + 3 * DAY - HOUR).toISOString(), waitSeconds: 3600 },
    ]);
    expect(a.hands.perDay).toEqual([
      { day: day(0), answered: 1, medianSeconds: 120 },
      { day: day(1), answered: 1, medianSeconds: 600 },
      { day: day(2), answered: 0, medianSeconds: null },
      { day: day(3), answered: 0, medianSeconds: null },
    ]);

    // Staff are not fans: Dana's seat and answers do not count.
    expect(a.activeFans.distinct).toBe(3);
    expect(a.activeFans.perDay.map((d) => d.count)).toEqual([1, 2, 1, 1]);
    expect(a.activeFans.perWeek.reduce((n, w) => Math.max(n, w.count), 0)).toBeGreaterThanOrEqual(1);
    expect(a.activeFans.perWeek.map((w) => w.week)).toEqual([...new Set(a.activeFans.perWeek.map((w) => w.week))]);

    expect(a.conversations.perDay).toEqual([
      { day: day(0), waves: 1, threads: 0, tables: 1, total: 2 },
      { day: day(1), waves: 0, threads: 1, tables: 0, total: 1 },
      // Priya's approved post starts a thread; the one still held does not count.
      { day: day(2), waves: 0, threads: 1, tables: 0, total: 1 },
      { day: day(3), waves: 0, threads: 0, tables: 0, total: 0 },
    ]);
    expect(a.conversations.total).toBe(4);

    const status = (s: string) => a.ideas.byStatus.find((b) => b.status === s)!;
    expect(a.ideas.total).toBe(1);
    expect(status('open')).toEqual({ status: 'open', count: 0, medianSecondsNow: null, completed: 1, medianSecondsCompleted: (DAY - HOUR + 30 * 60_000) / 1000 });
    expect(status('planned')).toEqual({ status: 'planned', count: 1, medianSecondsNow: (2 * DAY - 30 * 60_000) / 1000, completed: 0, medianSecondsCompleted: null });

    expect(a.moderation).toMatchObject({ queued: 2, decided: 1, medianSecondsInQueue: 300, p90SecondsInQueue: 300, waitingNow: 1, oldestWaitingSeconds: 23 * 3600 });
    expect(a.moderation.perDay[2]).toEqual({ day: day(2), queued: 2, decided: 1 });

    // CSV: a download with a header row and one row per day.
    const csv = await fetch(`${server.url}/api/v1/spaces/lumen/analytics.csv?days=4&metric=hands`, { headers: { authorization: `Bearer ${dana.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename=lumen-hands-4d-${day(3)}.csv`);
    expect(await csv.text()).toBe(
      ['day,answered,median_wait_seconds', `${day(0)},1,120`, `${day(1)},1,600`, `${day(2)},0,`, `${day(3)},0,`, ''].join('\r\n'),
    );
    const open = await fetch(`${server.url}/api/v1/spaces/lumen/analytics.csv?days=4&metric=open-hands`, { headers: { authorization: `Bearer ${dana.token}` } });
    expect((await open.text()).split('\r\n')).toEqual([
      'hand_id,table_id,topic,person,question,raised_at,wait_seconds',
      // Ids are random and may start with "-": such a cell is escaped like any other formula-looking text.
      `${csvField(priyaHand.id)},${csvField(table.id)},Night lights,Priya,,${new Date(d0 + 3 * DAY - HOUR).toISOString()},3600`,
      '',
    ]);
    const bad = await api(server, 'GET', '/api/v1/spaces/lumen/analytics.csv?metric=everything', { token: dana.token });
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'query.metric' });
  });
});
