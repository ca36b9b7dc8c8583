import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import type { Blip } from '../../shared/schemas/waves.js';
import type { SpaceRow } from '../../server/features/spaces/spaces.table.js';
import { makePerson } from '../helpers/collab-clients.js';
import { grant, makeSpace, insertWave, signUp, type TestUser } from '../helpers/fixtures.js';
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

const makeWave = (space: SpaceRow, author: TestUser, title?: string) => insertWave(server, space, author, title);

const postBlip = (user: Pick<TestUser, 'token'> | null, waveId: string, body: unknown, headers?: Record<string, string>) =>
  api(server, 'POST', `/api/v1/waves/${waveId}/blips`, { token: user?.token, body, headers });

const listBlips = async (waveId: string, token?: string) => {
  const items: Blip[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=7&cursor=${encodeURIComponent(cursor)}` : '?limit=7';
    const res = await api(server, 'GET', `/api/v1/waves/${waveId}/blips${query}`, { token });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
};

const subscribe = (socket: ClientSocket, stream: string) =>
  socket.emitWithAck('stream:subscribe', { stream }) as Promise<Result<SubscribeResult>>;

async function setup() {
  const space = await makeSpace(server, 'lumen');
  const ana = await signUp(server, 'Ana Souza');
  const kenji = await signUp(server, 'Kenji Watanabe');
  const dana = await signUp(server, 'Dana Okafor');
  await grant(server, space, dana, 'staff');
  const waveId = await makeWave(space, ana);
  return { space, ana, kenji, dana, waveId };
}

/** The comments of the fixture, in page order, with their nesting depth (the list markers' indent). */
function fixtureThread(): { depth: number; body: string }[] {
  const lines = readFileSync('/work/shared/fixtures/discussions/catalysts-blog-with-comments.txt', 'utf8').split('\n');
  const start = lines.findIndex((l) => /\d+ thoughts on/.test(l));
  const end = lines.findIndex((l) => l.startsWith('Leave a Reply'));
  const comments: { depth: number; body: string }[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const marker = /^( *)(?:\d+\.|•) (.*)$/.exec(line);
    if (marker) comments.push({ depth: (marker[1]!.length - 2) / 2, body: marker[2]!.trim() });
    else if (line.trim()) comments.at(-1)!.body += `\n\n${line.trim()}`;
  }
  return comments;
}

describe('the thread of a wave', () => {
  it('keeps a long nested discussion in depth-first order, page after page', async () => {
    const { space, waveId } = await setup();
    const people = await Promise.all(['Ric', 'Libby', 'Josepf', 'Karen', 'Chris'].map((name) => signUp(server, name)));
    for (const person of people) await grant(server, space, person, 'fan');
    const thread = fixtureThread();
    expect(thread.length).toBeGreaterThan(15);
    expect(Math.max(...thread.map((c) => c.depth))).toBe(4);

    const ids: string[] = [];
    const parents: (string | null)[] = [];
    const open: string[] = [];
    for (const [i, comment] of thread.entries()) {
      open.length = comment.depth;
      const parentId = comment.depth === 0 ? null : open[comment.depth - 1]!;
      const res = await postBlip(people[i % people.length]!, waveId, { parentId, body: comment.body });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
      parents.push(parentId);
      open.push(res.body.id);
    }

    const items = await listBlips(waveId);
    expect(items.map((b) => b.id)).toEqual(ids);
    expect(items.map((b) => b.parentId)).toEqual(parents);
    expect(items.map((b) => b.body)).toEqual(thread.map((c) => c.body));
    expect(items.map((b) => b.author.displayName)).toEqual(thread.map((_, i) => people[i % people.length]!.displayName));
    const wave = await server.db.kysely.selectFrom('waves').selectAll().where('id', '=', waveId).executeTakeFirstOrThrow();
    expect(wave.replies).toBe(thread.length);
  });

  it('orders replies under their parent even when they arrive later', async () => {
    const { ana, kenji, waveId } = await setup();
    const first = (await postBlip(ana, waveId, { body: 'first' })).body;
    const second = (await postBlip(kenji, waveId, { body: 'second' })).body;
    const late = (await postBlip(kenji, waveId, { parentId: first.id, body: 'reply to first' })).body;
    const inline = await postBlip(ana, waveId, { parentId: second.id, body: 'which part?', anchor: { offset: 2, quote: 'co' } });
    expect(inline.status).toBe(201);
    expect(inline.body.anchor).toEqual({ offset: 2, quote: 'co' });
    expect((await listBlips(waveId)).map((b) => b.body)).toEqual(['first', 'reply to first', 'second', 'which part?']);
    expect(late.parentId).toBe(first.id);
  });

  it('delivers a new blip live, acknowledged only once it is stored', async () => {
    const { ana, kenji, waveId } = await setup();
    const reader = await connected(connectSocket(server, { token: kenji.token }));
    expect((await subscribe(reader, `wave:${waveId}`)).ok).toBe(true);
    const live: StreamEvent[] = [];
    reader.on('stream:event', (e) => live.push(e));

    const writer = await connected(connectSocket(server, { token: ana.token }));
    const ack = await writer.emitWithAck('blip:post', { waveId, body: 'Could the cover fold into the rack?', idempotencyKey: 'post-key-0001' });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const row = await server.db.kysely.selectFrom('blips').selectAll().where('id', '=', ack.data.blip.id).executeTakeFirst();
    expect(row?.body).toBe('Could the cover fold into the rack?');

    await eventually(() => expect(live.map((e) => e.type)).toEqual(['blip:created', 'wave:counts']));
    expect(live[0]!.data).toEqual({ blip: ack.data.blip });
    expect(live[1]!.data).toMatchObject({ waveId, replies: 1, contributors: 1 });
  });

  it('coalesces a hot wave\'s count announcements, and the last one has the final numbers', async () => {
    const { ana, kenji, waveId } = await setup();
    const reader = await connected(connectSocket(server, { token: kenji.token }));
    expect((await subscribe(reader, `wave:${waveId}`)).ok).toBe(true);
    const live: StreamEvent[] = [];
    reader.on('stream:event', (e) => live.push(e));
    const writer = await connected(connectSocket(server, { token: ana.token }));
    // Eight: under the space's flooding limit (10 a minute).
    for (let i = 0; i < 8; i++) {
      const ack = await writer.emitWithAck('blip:post', { waveId, body: `Reply number ${i + 1} about the rack`, idempotencyKey: `hot-wave-reply-${i}` });
      expect(ack).toMatchObject({ ok: true });
    }
    await eventually(() => {
      const counts = live.filter((e) => e.type === 'wave:counts');
      expect(counts.at(-1)?.data).toMatchObject({ waveId, replies: 8, contributors: 1 });
    });
    expect(live.filter((e) => e.type === 'blip:created')).toHaveLength(8);
    // The first change went with its blip; the rest within the second after it came as one.
    expect(live.filter((e) => e.type === 'wave:counts').length).toBeLessThanOrEqual(3);
  });

  it('stores a retried post once and answers with the same blip', async () => {
    const { ana, waveId } = await setup();
    const writer = await connected(connectSocket(server, { token: ana.token }));
    const send = () => writer.emitWithAck('blip:post', { waveId, body: 'Once only', idempotencyKey: 'retry-key-01' });
    const acks = await Promise.all([send(), send()]);
    const again = await send();
    const rest = await postBlip(ana, waveId, { body: 'Once only' }, { 'idempotency-key': 'retry-key-01' });
    const ids = [...acks, again].map((a) => (a.ok ? a.data.blip.id : a.error.message));
    expect(new Set([...ids, rest.body.id]).size).toBe(1);
    const rows = await server.db.kysely.selectFrom('blips').select('id').where('wave_id', '=', waveId).execute();
    expect(rows).toHaveLength(1);
    const noKey = await writer.emitWithAck('blip:post', { waveId, body: 'hi' } as never);
    expect(noKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'idempotencyKey' } });
  });

  it('keeps every earlier text of an edited blip, and only its author may edit', async () => {
    const { ana, kenji, dana, waveId } = await setup();
    const blip = (await postBlip(ana, waveId, { body: 'Rain cover v1' })).body;
    const first = await api<Blip>(server, 'PATCH', `/api/v1/blips/${blip.id}`, { token: ana.token, body: { body: 'Rain cover v2' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ body: 'Rain cover v2', createdAt: blip.createdAt });
    expect(first.body.editedAt).not.toBeNull();

    const socket = await connected(connectSocket(server, { token: ana.token }));
    const second = await socket.emitWithAck('blip:edit', { blipId: blip.id, body: 'Rain cover v3', idempotencyKey: 'edit-key-001' });
    expect(second).toMatchObject({ ok: true, data: { blip: { body: 'Rain cover v3' } } });

    const revisions = await api(server, 'GET', `/api/v1/blips/${blip.id}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body).toEqual([
      { body: 'Rain cover v1', at: blip.createdAt },
      { body: 'Rain cover v2', at: first.body.editedAt },
    ]);

    for (const other of [kenji, dana]) {
      const refused = await api(server, 'PATCH', `/api/v1/blips/${blip.id}`, { token: other.token, body: { body: 'mine now' } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    const events = await server.db.kysely.selectFrom('stream_events').select('type').where('stream', '=', `wave:${waveId}`).execute();
    expect(events.filter((e) => e.type === 'blip:edited')).toHaveLength(2);
  });

  it('checks parents, anchors and bodies', async () => {
    const { space, ana, waveId } = await setup();
    const otherWave = await makeWave(space, ana, 'Another idea');
    const elsewhere = (await postBlip(ana, otherWave, { body: 'over there' })).body;
    const parent = (await postBlip(ana, waveId, { body: 'short' })).body;

    const unknown = await postBlip(ana, waveId, { parentId: 'nosuchblip1', body: 'hello' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Parent blip not found' });
    const foreign = await postBlip(ana, waveId, { parentId: elsewhere.id, body: 'hello' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'parentId' });
    const orphanAnchor = await postBlip(ana, waveId, { body: 'hello', anchor: { offset: 0, quote: '' } });
    expect(orphanAnchor.status).toBe(400);
    expect(orphanAnchor.body.error.field).toBe('anchor');
    const pastEnd = await postBlip(ana, waveId, { parentId: parent.id, body: 'hello', anchor: { offset: 6, quote: '' } });
    expect(pastEnd.status).toBe(400);
    expect(pastEnd.body.error.field).toBe('anchor.offset');

    for (const body of ['', '   ', 'x'.repeat(10_001)]) {
      const res = await postBlip(ana, waveId, { body });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
    }
    const socket = await connected(connectSocket(server, { token: ana.token }));
    const empty = await socket.emitWithAck('blip:post', { waveId, body: ' ', idempotencyKey: 'empty-key-01' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'body' } });
    const edit = await api(server, 'PATCH', `/api/v1/blips/${parent.id}`, { token: ana.token, body: { body: '' } });
    expect(edit.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
  });

  it('refuses fans a new blip on a locked wave, not staff', async () => {
    const { ana, dana, waveId } = await setup();
    await server.db.kysely.updateTable('waves').set({ locked: 1 }).where('id', '=', waveId).execute();
    const fan = await postBlip(ana, waveId, { body: 'let me in' });
    expect(fan.status).toBe(403);
    expect(fan.body.error.message).toMatch(/locked/);
    expect((await postBlip(dana, waveId, { body: 'Locked while we review this.' })).status).toBe(201);
  });

  it('counts reactions once per person and toggles them', async () => {
    const { ana, kenji, waveId } = await setup();
    const blip = (await postBlip(ana, waveId, { body: 'Reflective stripes on the cover?' })).body;
    const react = (user: TestUser, method: string, reaction: string) =>
      api(server, method, `/api/v1/blips/${blip.id}/reactions/${reaction}`, { token: user.token });

    expect((await react(ana, 'PUT', 'heart')).body.reactions).toEqual([{ reaction: 'heart', count: 1, by: [ana.id] }]);
    await react(kenji, 'PUT', 'heart');
    expect((await react(ana, 'PUT', 'heart')).body.reactions).toEqual([{ reaction: 'heart', count: 2, by: [ana.id, kenji.id] }]);
    const socket = await connected(connectSocket(server, { token: kenji.token }));
    const idea = await socket.emitWithAck('reaction:set', { blipId: blip.id, reaction: 'idea', on: true, idempotencyKey: 'react-key-01' });
    expect(idea).toEqual({
      ok: true,
      data: {
        reactions: [
          { reaction: 'heart', count: 2, by: [ana.id, kenji.id] },
          { reaction: 'idea', count: 1, by: [kenji.id] },
        ],
      },
    });
    expect((await react(ana, 'DELETE', 'heart')).body.reactions).toEqual([
      { reaction: 'heart', count: 1, by: [kenji.id] },
      { reaction: 'idea', count: 1, by: [kenji.id] },
    ]);
    const bad = await react(ana, 'PUT', 'smile');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('params.reaction');

    const [listed] = await listBlips(waveId);
    expect(listed!.reactions.map((r) => [r.reaction, r.count])).toEqual([
      ['heart', 1],
      ['idea', 1],
    ]);
    const events = await server.db.kysely
      .selectFrom('stream_events')
      .select(['type', 'payload'])
      .where('stream', '=', `wave:${waveId}`)
      .where('type', '=', 'blip:reactions')
      .execute();
    expect(events).toHaveLength(4);
  });

  it('resolves mentions of members and leaves other tokens as text', async () => {
    const { space, ana, kenji, waveId } = await setup();
    await grant(server, space, kenji, 'fan');
    const outsider = await signUp(server, 'Not Here');
    const body = `Thanks <@${kenji.id}>! cc <@${outsider.id}> and <@nosuchperson>`;
    const res = await postBlip(ana, waveId, { body });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe(body);
    expect(res.body.mentions).toEqual([{ id: kenji.id, displayName: 'Kenji Watanabe' }]);
    const rows = await server.db.kysely.selectFrom('blip_mentions').selectAll().where('blip_id', '=', res.body.id).execute();
    expect(rows.map((r) => r.user_id)).toEqual([kenji.id]);
    expect((await listBlips(waveId))[0]!.mentions).toEqual([{ id: kenji.id, displayName: 'Kenji Watanabe' }]);

    const edited = await api<Blip>(server, 'PATCH', `/api/v1/blips/${res.body.id}`, { token: ana.token, body: { body: 'Thanks all' } });
    expect(edited.body.mentions).toEqual([]);
  });

  it('keeps a deleted blip as a placeholder while it has replies', async () => {
    const { ana, kenji, dana, waveId } = await setup();
    const parent = (await postBlip(ana, waveId, { body: 'parent' })).body;
    const reply = (await postBlip(kenji, waveId, { parentId: parent.id, body: 'reply' })).body;
    const leaf = (await postBlip(kenji, waveId, { body: 'leaf' })).body;

    expect((await api(server, 'DELETE', `/api/v1/blips/${leaf.id}`, { token: ana.token })).status).toBe(403);
    expect((await api(server, 'DELETE', `/api/v1/blips/${parent.id}`, { token: ana.token })).status).toBe(204);
    const socket = await connected(connectSocket(server, { token: dana.token }));
    expect(await socket.emitWithAck('blip:delete', { blipId: leaf.id, idempotencyKey: 'delete-key-1' })).toEqual({ ok: true, data: null });

    const items = await listBlips(waveId);
    expect(items.map((b) => [b.id, b.deleted, b.body])).toEqual([
      [parent.id, true, ''],
      [reply.id, false, 'reply'],
    ]);
    const wave = await server.db.kysely.selectFrom('waves').select('replies').where('id', '=', waveId).executeTakeFirstOrThrow();
    expect(wave.replies).toBe(1);
    const audit = await server.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'blip.delete').execute();
    expect(audit.map((a) => a.target_id)).toEqual([leaf.id]);

    expect((await api(server, 'DELETE', `/api/v1/blips/${reply.id}`, { token: kenji.token })).status).toBe(204);
    expect(await listBlips(waveId)).toEqual([]);
  });

  it('lets nobody post anonymously, and keeps other spaces out', async () => {
    const { ana, waveId } = await setup();
    const anonymous = await postBlip(null, waveId, { body: 'hello' });
    expect(anonymous.status).toBe(401);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/blips`)).status).toBe(200);

    const brand = await makeSpace(server, 'other-brand');
    const scoped = await makePerson(server.deps, { scopedTo: brand });
    const refused = await postBlip(scoped, waveId, { body: 'hello from elsewhere' });
    expect(refused.status).toBe(403);

    const hidden = await makeSpace(server, 'hidden', { public: false });
    const hiddenWave = await makeWave(hidden, ana, 'Secret plans');
    expect((await api(server, 'GET', `/api/v1/waves/${hiddenWave}/blips`, { token: scoped.token })).status).toBe(404);
    expect((await postBlip(scoped, hiddenWave, { body: 'hello' })).status).toBe(404);
    expect((await api(server, 'GET', `/api/v1/waves/${hiddenWave}/blips`)).status).toBe(404);
    const socket = await connected(connectSocket(server, { token: scoped.token }));
    const ack = await socket.emitWithAck('blip:post', { waveId: hiddenWave, body: 'hello', idempotencyKey: 'hidden-key-1' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('describes every blip route in the OpenAPI document', async () => {
    const res = await api(server, 'GET', '/api/v1/openapi.json');
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/v1/waves/{waveId}/blips',
      '/api/v1/blips/{blipId}',
      '/api/v1/blips/{blipId}/revisions',
      '/api/v1/blips/{blipId}/reactions/{reaction}',
      '/api/v1/waves/{waveId}/history',
      '/api/v1/waves/{waveId}/playback',
      '/api/v1/me/settings',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
