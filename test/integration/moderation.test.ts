import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { QueueItem } from '../../shared/schemas/moderation.js';
import type { SpaceSettings } from '../../shared/schemas/spaces.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import type { Blip } from '../../shared/schemas/waves.js';
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
const key = () => `mod-key-${++keys}-${Date.now()}`;

async function setup(settings: Partial<SpaceSettings> = {}) {
  const space = await makeSpace(server, 'acme', settings);
  const [staff, other, fan, reader] = await Promise.all([
    signUp(server, 'Dana'),
    signUp(server, 'Mara'),
    signUp(server, 'Kenji'),
    signUp(server, 'Ana'),
  ]);
  await grant(server, space, staff, 'staff');
  await grant(server, space, other, 'admin');
  const wave = await api(server, 'POST', '/api/v1/spaces/acme/waves', {
    token: staff.token,
    body: { title: 'Brighter brake light', tags: ['lights'], draft: 'It brightens as you slow down.' },
  });
  expect(wave.status).toBe(201);
  return { space, staff, other, fan, reader, waveId: wave.body.id as string };
}

async function listen(user: TestUser | null, stream: string): Promise<{ socket: ClientSocket; events: StreamEvent[] }> {
  const socket = await connected(connectSocket(server, user ? { token: user.token } : {}));
  const events: StreamEvent[] = [];
  socket.on('stream:event', (e) => events.push(e));
  const res = (await socket.emitWithAck('stream:subscribe', { stream })) as Result<SubscribeResult>;
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return { socket, events };
}

const post = (user: TestUser, waveId: string, body: string) =>
  api<Blip & { error: { code: string; message: string; retryAfter?: number } }>(server, 'POST', `/api/v1/waves/${waveId}/blips`, { token: user.token, body: { body }, headers: { 'idempotency-key': key() } });

const queue = (user: TestUser, tab = 'held') => api<{ items: QueueItem[] }>(server, 'GET', `/api/v1/spaces/acme/moderation/queue?tab=${tab}`, { token: user.token });

describe('moderation of blips', () => {
  it('holds a link drop from a newcomer: only its author and staff see it, until staff approve it live', async () => {
    const { staff, fan, reader, waveId, space } = await setup();
    const wave = await listen(reader, `wave:${waveId}`);
    const staffStream = await listen(staff, `staff:${space.id}`);
    const authorStream = await listen(fan, `user:${fan.id}`);

    const held = await post(fan, waveId, 'I found brighter lights for night rides, see https://cheap-lights.example/deal');
    expect(held.status).toBe(201);
    expect(held.body.visibility).toBe('held');

    const asReader = await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: reader.token });
    expect(asReader.body.items).toEqual([]);
    const asAuthor = await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: fan.token });
    expect(asAuthor.body.items.map((b: Blip) => [b.id, b.visibility])).toEqual([[held.body.id, 'held']]);
    const asStaff = await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: staff.token });
    expect(asStaff.body.items).toHaveLength(1);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}`, { token: reader.token })).body.replies).toBe(0);

    const items = (await queue(staff)).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'blip',
      contentId: held.body.id,
      status: 'held',
      reasons: [{ rule: 'new-author-link' }],
      author: { id: fan.id, displayName: 'Kenji', approvedPosts: 0, rejectedPosts: 0 },
      context: { title: 'Brighter brake light', waveId, href: `/s/acme/waves/${waveId}#blip-${held.body.id}` },
    });
    await eventually(() => expect(staffStream.events.map((e) => e.type)).toContain('moderation:item'));
    expect(wave.events.filter((e) => e.type === 'blip:created')).toEqual([]);

    const approved = await api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${items[0]!.id}/approve`, { token: staff.token, body: {} });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { id: staff.id } });

    await eventually(() => expect(wave.events.some((e) => e.type === 'blip:created' && e.data.blip.id === held.body.id)).toBe(true));
    await eventually(() =>
      expect(authorStream.events.find((e) => e.type === 'moderation:decided')?.data).toMatchObject({ decision: 'approved', contentId: held.body.id }),
    );
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: reader.token })).body.items).toHaveLength(1);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}`, { token: reader.token })).body.replies).toBe(1);
    const audit = await api(server, 'GET', '/api/v1/spaces/acme/audit?action=moderation.approve', { token: staff.token });
    expect(audit.body).toHaveLength(1);
  });

  it('lets exactly one of two moderators decide an item; the other hears who was first', async () => {
    const { staff, other, fan, waveId } = await setup();
    await post(fan, waveId, 'See https://spam.example now');
    const [item] = (await queue(staff)).body.items;
    const [a, b] = await Promise.all([
      api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${item!.id}/approve`, { token: staff.token, body: {} }),
      api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${item!.id}/reject`, { token: other.token, body: { reason: 'link drop' } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error.code).toBe('CONFLICT');
    expect(loser.body.error.message).toMatch(new RegExp(`Already ${winner.body.status} by ${winner.body.decidedBy.displayName} at `));
    const decisions = await server.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'moderation.%').execute();
    expect(decisions).toHaveLength(1);
  });

  it('folds a double post into the first one', async () => {
    const { fan, waveId } = await setup();
    const first = await post(fan, waveId, 'Perfect! Well done Amber!');
    const again = await post(fan, waveId, 'perfect!  well done amber');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const rows = await server.db.kysely.selectFrom('blips').select('id').where('wave_id', '=', waveId).execute();
    expect(rows).toHaveLength(1);
  });

  it('answers flooding with when to try again', async () => {
    const { fan, waveId } = await setup({ rateLimit: { posts: 3, windowSeconds: 60 } });
    for (const n of [1, 2, 3]) expect((await post(fan, waveId, `thought number ${n}`)).status).toBe(201);
    const fourth = await post(fan, waveId, 'thought number 4');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Slow down: try again in \d+ s\.$/) });
    expect(fourth.body.error.retryAfter).toBeGreaterThan(0);
  });

  it('holds banned words, flags watched words, and follows pre-moderation', async () => {
    const { staff, fan, reader, waveId } = await setup({ bannedWords: ['scam'], watchedWords: ['refund'] });
    expect((await post(fan, waveId, 'this is a s c a m')).body.visibility).toBe('held');
    const watched = await post(fan, waveId, 'I want a refund for my lamp');
    expect(watched.body.visibility).toBe('visible');
    const flagged = (await queue(staff, 'flagged')).body.items;
    expect(flagged.map((i) => [i.contentId, i.flags[0]?.rule])).toEqual([[watched.body.id, 'watched-word']]);

    await api(server, 'PATCH', '/api/v1/spaces/acme/settings', { token: (await adminOf()).token, body: { moderationMode: 'all' } });
    expect((await post(reader, waveId, 'A calm and kind reply')).body.visibility).toBe('held');
    expect((await post(staff, waveId, 'Staff are not pre-moderated')).body.visibility).toBe('visible');
  });

  it('refuses suspended and banned authors with a clear message, and lifts', async () => {
    const { staff, fan, waveId } = await setup();
    const suspension = await api(server, 'POST', '/api/v1/spaces/acme/sanctions', {
      token: staff.token,
      body: { userId: fan.id, kind: 'suspension', days: 2, reason: 'cool down' },
    });
    expect(suspension.status).toBe(201);
    const refused = await post(fan, waveId, 'let me in');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(`You are suspended in this space until ${suspension.body.until}.`);
    expect((await api(server, 'DELETE', `/api/v1/spaces/acme/sanctions/${suspension.body.id}`, { token: staff.token })).status).toBe(200);
    expect((await post(fan, waveId, 'back again')).status).toBe(201);

    await api(server, 'POST', '/api/v1/spaces/acme/sanctions', { token: staff.token, body: { userId: fan.id, kind: 'ban', reason: 'spam' } });
    expect((await post(fan, waveId, 'one more')).body.error.message).toBe('You are banned from this space.');
    const wave = await api(server, 'POST', '/api/v1/spaces/acme/waves', { token: fan.token, body: { title: 'A new idea', tags: [], draft: '' } });
    expect(wave.status).toBe(403);
  });

  it('holds content that enough different fans flag', async () => {
    const { staff, fan, reader, waveId } = await setup({ flagThreshold: 2 });
    const third = await signUp(server, 'Priya');
    const blip = await post(fan, waveId, 'A perfectly ordinary reply');
    const flag = (user: TestUser) =>
      api(server, 'POST', '/api/v1/spaces/acme/flags', { token: user.token, body: { kind: 'blip', contentId: blip.body.id, reason: 'rude' } });
    expect((await flag(reader)).body).toEqual({ flags: 1, held: false });
    expect((await flag(reader)).body).toEqual({ flags: 1, held: false });
    expect((await flag(fan)).status).toBe(400);
    expect((await flag(third)).body).toEqual({ flags: 2, held: true });
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: reader.token })).body.items).toEqual([]);
    expect((await queue(staff)).body.items[0]).toMatchObject({ contentId: blip.body.id, flags: [{ rule: 'fan-flags' }] });
  });

  it('rejects everything an author posted in the last day, and edits with an audit trail', async () => {
    const { staff, fan, reader, waveId } = await setup();
    const a = await post(fan, waveId, 'first ordinary words');
    await post(fan, waveId, 'second ordinary words');
    const edited = await api(server, 'PATCH', `/api/v1/spaces/acme/moderation/items/${(await itemOf(a.body.id)).id}`, {
      token: staff.token,
      body: { body: 'first ordinary words, corrected' },
    });
    expect(edited.body.body).toBe('first ordinary words, corrected');
    const blips = await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: reader.token });
    expect(blips.body.items.map((b: Blip) => b.body)).toContain('first ordinary words, corrected');

    const res = await api(server, 'POST', '/api/v1/spaces/acme/moderation/reject-recent', { token: staff.token, body: { userId: fan.id, reason: 'spree' } });
    expect(res.body.rejected).toHaveLength(2);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: reader.token })).body.items).toEqual([]);
    const actions = (await api(server, 'GET', '/api/v1/spaces/acme/audit', { token: staff.token })).body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['moderation.edit', 'moderation.reject']));
  });

  it('re-screens edits: a visible blip edited to a banned word leaves everyone else’s view', async () => {
    const { fan, reader, waveId } = await setup({ bannedWords: ['scam'] });
    const blip = await post(fan, waveId, 'an honest reply');
    const wave = await listen(reader, `wave:${waveId}`);
    const edited = await api<Blip>(server, 'PATCH', `/api/v1/blips/${blip.body.id}`, { token: fan.token, body: { body: 'actually a scam' } });
    expect(edited.body.visibility).toBe('held');
    await eventually(() => expect(wave.events.map((e) => e.type)).toContain('blip:deleted'));
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/blips`, { token: reader.token })).body.items).toEqual([]);
  });
});

describe('moderation of waves', () => {
  it('holds a new wave from a shop-named newcomer out of lists and search until approved', async () => {
    const { staff, reader } = await setup();
    const shop = await signUp(server, 'buy flashlight');
    const created = await api(server, 'POST', '/api/v1/spaces/acme/waves', {
      token: shop.token,
      body: { title: 'Social networks are for communication', tags: [], draft: '' },
    });
    expect(created.status).toBe(201);
    const titles = async (user: TestUser) =>
      (await api(server, 'GET', '/api/v1/spaces/acme/waves?sort=new', { token: user.token })).body.items.map((w: { title: string }) => w.title);
    expect(await titles(reader)).toEqual(['Brighter brake light']);
    expect((await api(server, 'GET', `/api/v1/waves/${created.body.id}`, { token: reader.token })).status).toBe(404);
    expect((await api(server, 'GET', `/api/v1/waves/${created.body.id}`, { token: shop.token })).status).toBe(200);
    expect((await api(server, 'GET', '/api/v1/spaces/acme/search?q=communication', { token: reader.token })).body).toEqual([]);

    const [item] = (await queue(staff)).body.items;
    expect(item).toMatchObject({ kind: 'wave', reasons: [{ rule: 'promotional-name' }] });
    await api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${item!.id}/approve`, { token: staff.token, body: {} });
    expect(await titles(reader)).toContain('Social networks are for communication');
  });
});

describe('who may moderate', () => {
  it('answers 403 to fans and to staff of another space on every console route and the staff stream', async () => {
    const { fan, space } = await setup();
    const elsewhere = await makeSpace(server, 'other');
    const foreignStaff = await signUp(server, 'Foreign');
    await grant(server, elsewhere, foreignStaff, 'staff');
    const routes: [string, string, unknown][] = [
      ['GET', '/api/v1/spaces/acme/moderation/queue', undefined],
      ['POST', '/api/v1/spaces/acme/moderation/items/abcdefgh1234/approve', {}],
      ['POST', '/api/v1/spaces/acme/moderation/items/abcdefgh1234/reject', { reason: 'x' }],
      ['PATCH', '/api/v1/spaces/acme/moderation/items/abcdefgh1234', { body: 'x' }],
      ['POST', '/api/v1/spaces/acme/moderation/decisions', { itemIds: ['abcdefgh1234'], action: 'approve' }],
      ['POST', '/api/v1/spaces/acme/moderation/reject-recent', { userId: fan.id, reason: 'x' }],
      ['POST', '/api/v1/spaces/acme/sanctions', { userId: fan.id, kind: 'ban', reason: 'x' }],
      ['DELETE', '/api/v1/spaces/acme/sanctions/abcdefgh1234', undefined],
      ['GET', `/api/v1/spaces/acme/members/${fan.id}/sanctions`, undefined],
      ['GET', '/api/v1/spaces/acme/audit', undefined],
      ['PATCH', '/api/v1/spaces/acme/settings', { bannedWords: ['x'] }],
    ];
    for (const user of [fan, foreignStaff]) {
      for (const [method, path, body] of routes) {
        const res = await api(server, method, path, { token: user.token, body });
        expect(res.status, `${user.displayName} ${method} ${path}`).toBe(403);
      }
      const socket = await connected(connectSocket(server, { token: user.token }));
      const sub = await socket.emitWithAck('stream:subscribe', { stream: `staff:${space.id}` });
      expect(sub).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

async function itemOf(contentId: string) {
  return server.db.kysely.selectFrom('moderation_items').selectAll().where('content_id', '=', contentId).executeTakeFirstOrThrow();
}

async function adminOf(): Promise<TestUser> {
  const row = await server.db.kysely
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email'])
    .where('memberships.role', '=', 'admin')
    .executeTakeFirstOrThrow();
  const login = await api(server, 'POST', '/api/v1/auth/login', { body: { email: row.email, password: 'correct horse battery' } });
  return { ...login.body.user, token: login.body.token } as TestUser;
}
