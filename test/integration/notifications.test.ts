import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, Hand, SeatResult } from '../../shared/schemas/cafe.js';
import type { QueueItem } from '../../shared/schemas/moderation.js';
import type {
  Notification,
  NotificationNew,
  NotificationPage,
  NotificationRead,
  UnreadCounts,
} from '../../shared/schemas/notifications.js';
import type { Blip } from '../../shared/schemas/waves.js';
import { createSession } from '../../server/features/users/sessions.js';
import { spotlightFact } from '../../server/features/notifications/facts.js';
import { StoredNotifier, type RecordedNotification } from '../../server/features/notifications/notifier.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSockets, connected, connectSocket } from '../helpers/sockets.js';
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
const key = () => `notify-key-${++keys}-${Date.now()}`;

type Who = Pick<TestUser, 'id' | 'token'>;

const inbox = async (who: Who, query = '') => {
  const res = await api<NotificationPage>(server, 'GET', `/api/v1/me/notifications${query}`, { token: who.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const counts = async (who: Who) => (await api<UnreadCounts>(server, 'GET', '/api/v1/me/notifications/unread', { token: who.token })).body;
const post = (who: Who, waveId: string, body: string, parentId?: string, idempotencyKey = key()) =>
  api<Blip>(server, 'POST', `/api/v1/waves/${waveId}/blips`, {
    token: who.token,
    body: { body, ...(parentId ? { parentId } : {}) },
    headers: { 'idempotency-key': idempotencyKey },
  });
const setStatus = (who: Who, waveId: string, status: string, reason: string) =>
  api(server, 'POST', `/api/v1/waves/${waveId}/status`, { token: who.token, body: { status, reason } });

/** A real socket of this person, collecting what is pushed to them. */
async function listen(who: Who) {
  const socket = await connected(connectSocket(server, { token: who.token }));
  const got: NotificationNew[] = [];
  const reads: NotificationRead[] = [];
  socket.on('notification:new', (p) => got.push(p));
  socket.on('notification:read', (p) => reads.push(p));
  return { socket, got, reads };
}

async function setup() {
  const space = await makeSpace(server, 'lumen');
  const other = await makeSpace(server, 'elsewhere');
  const [ana, kenji, priya, dana, outsider, leaver] = await Promise.all(
    ['Ana Souza', 'Kenji Watanabe', 'Priya Nair', 'Dana Okafor', 'Olu Outsider', 'Lee Leaver'].map((n) => signUp(server, n)),
  );
  for (const fan of [ana!, kenji!, priya!, leaver!]) await grant(server, space, fan, 'fan');
  await grant(server, space, dana!, 'staff');
  await grant(server, other, outsider!, 'fan');
  await grant(server, other, priya!, 'fan');
  const wave = await api(server, 'POST', '/api/v1/spaces/lumen/waves', {
    token: ana!.token,
    body: { title: 'Rain-proof cargo cover', draft: 'Keeps the groceries dry.' },
  });
  expect(wave.status).toBe(201);
  return { space, other, ana: ana!, kenji: kenji!, priya: priya!, dana: dana!, outsider: outsider!, leaver: leaver!, waveId: wave.body.id as string };
}

/** Someone who left the space: their membership is gone (there is no leave route yet). */
const leave = (spaceId: string, who: Who) =>
  server.db.kysely.deleteFrom('memberships').where('space_id', '=', spaceId).where('user_id', '=', who.id).execute();

const kinds = (page: NotificationPage) => page.items.map((n) => n.kind);

describe('replies and mentions', () => {
  it('notifies each person once (a reply that mentions you is one mention), never the writer, and pushes it live to the recipient only', async () => {
    const { ana, kenji, priya, dana, outsider, leaver, waveId, space } = await setup();
    const [anaLive, kenjiLive, outsiderLive, danaLive] = await Promise.all([listen(ana), listen(kenji), listen(outsider), listen(dana)]);
    const first = await post(ana, waveId, 'Should it fold flat?');
    expect(first.status).toBe(201);
    await leave(space.id, leaver);

    // Kenji replies to Ana and mentions her, Priya, himself, and people who are not members here.
    const body = `Yes <@${ana.id}>! <@${priya.id}> tested one. <@${kenji.id}> <@${outsider.id}> <@${leaver.id}>`;
    const idem = key();
    const reply = await post(kenji, waveId, body, first.body.id, idem);
    expect(reply.status).toBe(201);

    const anaBox = await inbox(ana);
    expect(anaBox.items).toHaveLength(1);
    expect(anaBox.items[0]).toMatchObject({
      kind: 'mention',
      space: { id: space.id, slug: 'lumen' },
      actor: { id: kenji.id, displayName: 'Kenji Watanabe' },
      waveId,
      blipId: reply.body.id,
      tableId: null,
      title: 'Rain-proof cargo cover',
      excerpt: `Yes @Ana Souza! @Priya Nair tested one. @Kenji Watanabe <@${outsider.id}> <@${leaver.id}>`,
      link: `/s/lumen/waves/${waveId}#blip-${reply.body.id}`,
      readAt: null,
    });
    expect(anaBox.unread).toBe(1);
    // Priya had no socket open: the notification waited for her.
    expect(kinds(await inbox(priya))).toEqual(['mention']);
    for (const nobody of [kenji, outsider, leaver, dana]) expect((await inbox(nobody)).items).toEqual([]);

    await eventually(() => expect(anaLive.got).toHaveLength(1));
    expect(anaLive.got[0]).toEqual({ notification: anaBox.items[0], unread: 1 });

    // A retry of the same post (a lost ack) stores nothing new and notifies nobody again.
    const retry = await post(kenji, waveId, body, first.body.id, idem);
    expect(retry.body.id).toBe(reply.body.id);
    // A plain reply to Kenji: a `reply` for him.
    const answer = await post(priya, waveId, 'It folds into the box rim.', reply.body.id);
    expect(kinds(await inbox(kenji))).toEqual(['reply']);
    expect((await inbox(kenji)).items[0]).toMatchObject({ actor: { id: priya.id }, blipId: answer.body.id, excerpt: 'It folds into the box rim.' });
    await eventually(() => expect(kenjiLive.got).toHaveLength(1));
    expect((await inbox(ana)).items).toHaveLength(1);
    expect((await inbox(priya)).items).toHaveLength(1);

    // An edit notifies only the people it newly mentions.
    const edited = await api(server, 'PATCH', `/api/v1/blips/${reply.body.id}`, {
      token: kenji.token,
      body: { body: `${body} and <@${dana.id}>` },
    });
    expect(edited.status).toBe(200);
    expect(kinds(await inbox(dana))).toEqual(['mention']);
    expect((await inbox(ana)).items).toHaveLength(1);
    expect((await inbox(priya)).items).toHaveLength(1);
    await eventually(() => expect(danaLive.got).toHaveLength(1));

    expect(anaLive.got).toHaveLength(1);
    expect(outsiderLive.got).toEqual([]);
    expect(kenjiLive.got).toHaveLength(1);
  });

  it('holds back a held reply until staff approve it, then notifies; the author hears of approvals and rejections', async () => {
    const { ana, kenji, priya, dana, waveId } = await setup();
    const first = await post(ana, waveId, 'Any good lights?');
    const kenjiLive = await listen(kenji);
    // A newcomer's link is held for review.
    const held = await post(kenji, waveId, `<@${priya.id}> see https://cheap-lights.example/deal`, first.body.id);
    expect(held.body.visibility).toBe('held');
    expect((await inbox(ana)).items).toEqual([]);
    expect((await inbox(priya)).items).toEqual([]);

    const queue = await api<{ items: QueueItem[] }>(server, 'GET', '/api/v1/spaces/lumen/moderation/queue?tab=held', { token: dana.token });
    const item = queue.body.items.find((i) => i.contentId === held.body.id)!;
    const approved = await api(server, 'POST', `/api/v1/spaces/lumen/moderation/items/${item.id}/approve`, { token: dana.token, body: {} });
    expect(approved.status).toBe(200);

    expect(kinds(await inbox(ana))).toEqual(['reply']);
    expect(kinds(await inbox(priya))).toEqual(['mention']);
    expect((await inbox(kenji)).items).toEqual([
      expect.objectContaining({
        kind: 'moderation',
        status: 'approved',
        actor: { id: dana.id, displayName: 'Dana Okafor' },
        blipId: held.body.id,
        link: `/s/lumen/waves/${waveId}#blip-${held.body.id}`,
      }),
    ]);
    await eventually(() => expect(kenjiLive.got.map((g) => g.notification.kind)).toEqual(['moderation']));

    // Priya's first post is a link too: held, then rejected with a reason she sees.
    const spam = await post(priya, waveId, 'more at https://cheap-lights.example/other');
    expect(spam.body.visibility).toBe('held');
    const spamItem = (await api<{ items: QueueItem[] }>(server, 'GET', '/api/v1/spaces/lumen/moderation/queue?tab=held', { token: dana.token })).body.items.find(
      (i) => i.contentId === spam.body.id,
    )!;
    const rejected = await api(server, 'POST', `/api/v1/spaces/lumen/moderation/items/${spamItem.id}/reject`, {
      token: dana.token,
      body: { reason: 'No shop links, please' },
    });
    expect(rejected.status).toBe(200);
    expect((await inbox(priya)).items[0]).toMatchObject({
      kind: 'moderation',
      status: 'rejected',
      reason: 'No shop links, please',
      excerpt: 'more at https://cheap-lights.example/other',
    });
    expect(kinds(await inbox(priya))).toEqual(['moderation', 'mention']);
    expect((await inbox(kenji)).items).toHaveLength(1);
    expect((await inbox(ana)).items).toHaveLength(1);
  });
});

describe('status changes', () => {
  it('reach supporters and writers once each, with the reason, never the staff member who acted or someone who left', async () => {
    const { ana, kenji, priya, dana, leaver, outsider, waveId, space } = await setup();
    // Kenji supports and writes (one notification all the same), Priya supports, Dana (staff) supports.
    for (const who of [kenji, priya, dana, leaver]) expect((await api(server, 'PUT', `/api/v1/waves/${waveId}/support`, { token: who.token })).status).toBe(200);
    await post(kenji, waveId, 'A roll-up pocket would be great.');
    await leave(space.id, leaver);
    const priyaLive = await listen(priya);

    expect((await setStatus(dana, waveId, 'planned', 'We are building it for spring.')).status).toBe(200);
    for (const who of [ana, kenji, priya]) {
      const box = await inbox(who);
      expect(box.items).toHaveLength(1);
      expect(box.items[0]).toMatchObject({
        kind: 'status',
        status: 'planned',
        reason: 'We are building it for spring.',
        actor: { id: dana.id },
        title: 'Rain-proof cargo cover',
        link: `/s/lumen/waves/${waveId}`,
      });
    }
    for (const nobody of [dana, leaver, outsider]) expect((await inbox(nobody)).items).toEqual([]);
    await eventually(() => expect(priyaLive.got).toHaveLength(1));

    expect((await setStatus(dana, waveId, 'shipped', 'In shops from March.')).status).toBe(200);
    expect(kinds(await inbox(kenji))).toEqual(['shipped', 'status']);
    expect((await inbox(kenji)).items[0]).toMatchObject({ status: 'shipped', reason: 'In shops from March.' });
    expect((await counts(kenji)).unread).toBe(2);
  });
});

describe('cafe tables', () => {
  it('tells the seated fans when staff sit down, and a fan when staff answer their hand', async () => {
    const { ana, kenji, priya, dana } = await setup();
    const table = (await api<CafeTable>(server, 'POST', '/api/v1/spaces/lumen/tables', { token: ana.token, body: { topic: 'Night riding' } })).body;
    const anaLive = await listen(ana);
    const kenjiLive = await listen(kenji);
    expect(((await kenjiLive.socket.emitWithAck('table:join', { tableId: table.id })) as Result<SeatResult>).ok).toBe(true);

    const danaLive = await listen(dana);
    expect(((await danaLive.socket.emitWithAck('table:join', { tableId: table.id })) as Result<SeatResult>).ok).toBe(true);
    for (const who of [ana, kenji]) {
      expect((await inbox(who)).items).toEqual([
        expect.objectContaining({ kind: 'staff-joined', actor: { id: dana.id, displayName: 'Dana Okafor' }, tableId: table.id, title: 'Night riding', link: `/s/lumen/tables/${table.id}` }),
      ]);
    }
    // Sitting down again where you already sit is not news.
    expect(((await danaLive.socket.emitWithAck('table:join', { tableId: table.id })) as Result<SeatResult>).ok).toBe(true);
    expect((await inbox(ana)).items).toHaveLength(1);
    expect((await inbox(priya)).items).toEqual([]);
    expect((await inbox(dana)).items).toEqual([]);

    const raised = (await anaLive.socket.emitWithAck('table:hand', { tableId: table.id, question: 'Does the warranty cover rust?' })) as Result<{ hand: Hand }>;
    const hand = raised.ok ? raised.data.hand : null;
    const answered = (await danaLive.socket.emitWithAck('table:answer', { handId: hand!.id })) as Result<{ hand: Hand }>;
    expect(answered.ok).toBe(true);
    expect((await inbox(ana)).items[0]).toMatchObject({
      kind: 'hand-answered',
      actor: { id: dana.id },
      tableId: table.id,
      excerpt: 'Does the warranty cover rust?',
      link: `/s/lumen/tables/${table.id}`,
    });
    expect(kinds(await inbox(kenji))).toEqual(['staff-joined']);
    await eventually(() => expect(anaLive.got.map((g) => g.notification.kind)).toEqual(['staff-joined', 'hand-answered']));
    expect(anaLive.got.map((g) => g.unread)).toEqual([1, 2]);
    expect(kenjiLive.got.map((g) => g.notification.kind)).toEqual(['staff-joined']);
    expect(danaLive.got).toEqual([]);
  });
});

describe('reading', () => {
  it('counts unread per space, pages newest first, marks one or all read, and tells the other tabs', async () => {
    const { ana, kenji, priya, outsider, waveId } = await setup();
    // Seven mentions of Priya in lumen (from two people, under the posting rate limit), one in elsewhere.
    for (let i = 0; i < 7; i++) await post(i % 2 ? kenji : ana, waveId, `Note ${i} for <@${priya.id}>`);
    const away = await api(server, 'POST', '/api/v1/spaces/elsewhere/waves', { token: outsider.token, body: { title: 'Folding pedals' } });
    await post(outsider, away.body.id, `<@${priya.id}> what do you think?`);

    expect(await counts(priya)).toEqual({ unread: 8, bySpace: { lumen: 7, elsewhere: 1 } });
    const seen: Notification[] = [];
    let cursor: string | null = null;
    do {
      const page: NotificationPage = await inbox(priya, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      expect(page.unread).toBe(8);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((n) => n.id)).size).toBe(8);
    const order = seen.map((n) => `${n.createdAt} ${n.id}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(seen[0]!.space.slug).toBe('elsewhere');
    expect((await inbox(priya, '?space=elsewhere')).items.map((n) => n.space.slug)).toEqual(['elsewhere']);
    expect((await api(server, 'GET', '/api/v1/me/notifications?cursor=nonsense', { token: priya.token })).status).toBe(400);
    expect((await api(server, 'GET', '/api/v1/me/notifications?space=nowhere', { token: priya.token })).status).toBe(404);

    const tabA = await listen(priya);
    const tabB = await listen(priya);
    const one = seen[3]!;
    const read = await api(server, 'POST', `/api/v1/me/notifications/${one.id}/read`, { token: priya.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ notification: { id: one.id }, unread: 7 });
    expect(read.body.notification.readAt).not.toBeNull();
    await eventually(() => expect(tabB.reads).toEqual([{ ids: [one.id], all: false, space: 'lumen', unread: 7 }]));
    expect(tabA.reads).toHaveLength(1);
    // Again: nothing changes, nothing is pushed.
    expect((await api(server, 'POST', `/api/v1/me/notifications/${one.id}/read`, { token: priya.token })).body.unread).toBe(7);
    expect((await inbox(priya, '?unread=true')).items.map((n) => n.id)).not.toContain(one.id);
    expect((await inbox(priya, '?unread=true')).items).toHaveLength(7);

    // Someone else's notification does not exist for you.
    expect((await api(server, 'POST', `/api/v1/me/notifications/${one.id}/read`, { token: kenji.token })).status).toBe(404);
    expect((await api(server, 'POST', `/api/v1/me/notifications/${one.id}/read`)).status).toBe(401);

    const lumenRead = await api(server, 'POST', '/api/v1/me/notifications/read-all', { token: priya.token, body: { space: 'lumen' } });
    expect(lumenRead.body).toEqual({ unread: 1 });
    expect(await counts(priya)).toEqual({ unread: 1, bySpace: { elsewhere: 1 } });
    await eventually(() => expect(tabA.reads.at(-1)).toEqual({ ids: null, all: true, space: 'lumen', unread: 1 }));
    const everything = await api(server, 'POST', '/api/v1/me/notifications/read-all?space=elsewhere', { token: priya.token });
    expect(everything.body).toEqual({ unread: 0 });
    expect((await inbox(priya, '?unread=true')).items).toEqual([]);
    expect((await inbox(priya)).items).toHaveLength(8);
    expect(tabA.got).toEqual([]);
  });

  it('shows a sign-in scoped to one space only that space’s notifications, live and listed', async () => {
    const { ana, priya, outsider, waveId, other } = await setup();
    const { token } = await createSession(server.db.kysely, { userId: priya.id, spaceId: other.id, now: new Date(), days: 1 });
    const scoped = { id: priya.id, token };
    const scopedLive = await listen(scoped);
    const fullLive = await listen(priya);

    await post(ana, waveId, `<@${priya.id}> look`);
    const away = await api(server, 'POST', '/api/v1/spaces/elsewhere/waves', { token: outsider.token, body: { title: 'Folding pedals' } });
    await post(outsider, away.body.id, `<@${priya.id}> and here`);

    await eventually(() => expect(fullLive.got.map((g) => g.unread)).toEqual([1, 2]));
    await eventually(() => expect(scopedLive.got).toHaveLength(1));
    expect(scopedLive.got[0]).toMatchObject({ notification: { space: { slug: 'elsewhere' } }, unread: 1 });
    expect((await inbox(scoped)).items.map((n) => n.space.slug)).toEqual(['elsewhere']);
    expect(await counts(scoped)).toEqual({ unread: 1, bySpace: { elsewhere: 1 } });
    expect((await api(server, 'GET', '/api/v1/me/notifications?space=lumen', { token })).status).toBe(403);
    const lumenOne = (await inbox(priya, '?space=lumen')).items[0]!;
    expect((await api(server, 'POST', `/api/v1/me/notifications/${lumenOne.id}/read`, { token })).status).toBe(404);
    expect((await api(server, 'POST', '/api/v1/me/notifications/read-all', { token, body: {} })).body).toEqual({ unread: 0 });
    expect((await counts(priya)).bySpace).toEqual({ lumen: 1 });
  });
});

describe('settings', () => {
  it('are all on by default; a kind turned off is not stored, and a reply that mentions you falls back to the kind you kept', async () => {
    const { ana, kenji, priya, dana, waveId } = await setup();
    const defaults = await api(server, 'GET', '/api/v1/me/settings', { token: ana.token });
    expect(defaults.body).toEqual({
      shareDrafts: true,
      notifications: { reply: true, mention: true, status: true, shipped: true, handAnswered: true, staffJoined: true, moderation: true, spotlight: true, hostInvite: true },
    });
    const patched = await api(server, 'PATCH', '/api/v1/me/settings', { token: ana.token, body: { notifications: { mention: false } } });
    expect(patched.status).toBe(200);
    expect(patched.body.notifications).toMatchObject({ mention: false, reply: true, status: true });
    expect(patched.body.shareDrafts).toBe(true);
    await api(server, 'PATCH', '/api/v1/me/settings', { token: priya.token, body: { notifications: { mention: false, status: false } } });
    expect((await api(server, 'PATCH', '/api/v1/me/settings', { token: priya.token, body: { notifications: { mention: 'no' } } })).status).toBe(400);

    const first = await post(ana, waveId, 'Zip or clips?');
    await post(kenji, waveId, `<@${ana.id}> <@${priya.id}> clips!`, first.body.id);
    // Ana turned mentions off but keeps replies: she hears of the reply. Priya hears nothing.
    expect(kinds(await inbox(ana))).toEqual(['reply']);
    expect((await inbox(priya)).items).toEqual([]);

    await api(server, 'PUT', `/api/v1/waves/${waveId}/support`, { token: priya.token });
    await setStatus(dana, waveId, 'under-review', 'Looking into it.');
    expect((await inbox(priya)).items).toEqual([]);
    expect(kinds(await inbox(ana))).toEqual(['status', 'reply']);
    // Turning mentions back on changes what comes next, not what was skipped.
    await api(server, 'PATCH', '/api/v1/me/settings', { token: priya.token, body: { notifications: { mention: true } } });
    expect((await api(server, 'GET', '/api/v1/me/settings', { token: priya.token })).body.notifications).toMatchObject({ mention: true, status: false });
    await post(kenji, waveId, `<@${priya.id}> again`);
    expect(kinds(await inbox(priya))).toEqual(['mention']);
  });
});

describe('the notifier', () => {
  it('stores a fact once per recipient (retries too), never for the actor, a non-member or someone of another space, and delivers what it stored', async () => {
    const { ana, kenji, priya, dana, outsider, leaver, waveId, space } = await setup();
    await leave(space.id, leaver);
    const sent: RecordedNotification[][] = [];
    const notifier = new StoredNotifier({
      clock: server.deps.clock,
      log: server.deps.log,
      channels: [{ name: 'test', send: async (batch) => void sent.push([...batch]) }],
    });
    const fact = spotlightFact({
      spaceId: space.id,
      actor: { id: dana.id, displayName: 'Dana Okafor' },
      spotlightId: 'spot-1',
      recipients: [ana.id, ana.id, kenji.id, dana.id, outsider.id, leaver.id],
      target: { waveId },
      title: 'Rain-proof cargo cover',
      excerpt: 'Ana’s idea of the month',
    });
    const first = await server.db.kysely.transaction().execute((trx) => notifier.record(trx, [fact, fact]));
    expect(first.map((r) => r.userId).sort()).toEqual([ana.id, kenji.id].sort());
    expect(first[0]!.notification).toMatchObject({ kind: 'spotlight', link: `/s/lumen/waves/${waveId}`, actor: { id: dana.id } });
    await notifier.deliver(first);
    expect(sent).toEqual([first]);
    // The same fact again (a retry) stores nothing; a rolled-back transaction leaves nothing.
    expect(await server.db.kysely.transaction().execute((trx) => notifier.record(trx, [fact]))).toEqual([]);
    const other = { ...fact, sourceKey: 'spotlight:spot-2', recipients: [priya.id] };
    await expect(
      server.db.kysely.transaction().execute(async (trx) => {
        await notifier.record(trx, [other]);
        throw new Error('the fact failed');
      }),
    ).rejects.toThrow('the fact failed');
    expect((await inbox(priya)).items).toEqual([]);
    expect((await inbox(ana)).items).toHaveLength(1);
    await notifier.deliver([]);
    expect(sent).toHaveLength(1);
    // A channel that fails never fails the caller: the notification is stored all the same.
    const failing = new StoredNotifier({
      clock: server.deps.clock,
      log: server.deps.log,
      channels: [{ name: 'broken', send: async () => Promise.reject(new Error('smtp down')) }],
    });
    const third = await server.db.kysely.transaction().execute((trx) => failing.record(trx, [{ ...other, sourceKey: 'spotlight:spot-3' }]));
    await expect(failing.deliver(third)).resolves.toBeUndefined();
    expect(kinds(await inbox(priya))).toEqual(['spotlight']);
  });

  it('is in the OpenAPI document', async () => {
    const res = await api(server, 'GET', '/api/v1/openapi.json');
    const paths = Object.keys(res.body.paths);
    for (const path of ['/api/v1/me/notifications', '/api/v1/me/notifications/unread', '/api/v1/me/notifications/{id}/read', '/api/v1/me/notifications/read-all']) {
      expect(paths).toContain(path);
    }
    expect((await api(server, 'GET', '/api/v1/me/notifications')).status).toBe(401);
  });
});
