import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Drafting } from '../../shared/schemas/waves.js';
import type { SpaceRow } from '../../server/features/spaces/spaces.table.js';
import { makeSpace, insertWave, signUp, type TestUser } from '../helpers/fixtures.js';
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

const makeWave = (space: SpaceRow, author: TestUser) => insertWave(server, space, author, 'Night riding lights');

/** A writer and a watcher of the same wave; the watcher records every draft it is shown. */
async function setup() {
  const space = await makeSpace(server, 'lumen');
  const ana = await signUp(server, 'Ana Souza');
  const kenji = await signUp(server, 'Kenji Watanabe');
  const waveId = await makeWave(space, ana);
  const writer = await connected(connectSocket(server, { token: ana.token }));
  const watcher = await connected(connectSocket(server, { token: kenji.token }));
  for (const socket of [writer, watcher]) {
    expect(await socket.emitWithAck('stream:subscribe', { stream: `wave:${waveId}` })).toMatchObject({ ok: true });
  }
  const seen: Drafting[] = [];
  watcher.on('blip:drafting', (d) => seen.push(d));
  const own: Drafting[] = [];
  writer.on('blip:drafting', (d) => own.push(d));
  const draft = (text: string, parentId: string | null = null) => writer.emitWithAck('blip:draft', { waveId, parentId, text });
  return { ana, kenji, waveId, writer, watcher, seen, own, draft };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

describe('live drafts', () => {
  it('shows the draft as it forms, a few times a second, ending with the final text', async () => {
    const { ana, seen, own, draft } = await setup();
    const sentence = 'Dynamo lights that stay on at stops, please!';
    const texts = Array.from({ length: 30 }, (_, i) => sentence.slice(0, Math.ceil(((i + 1) * sentence.length) / 30)));
    const start = Date.now();
    const acks = [];
    for (const [i, text] of texts.entries()) {
      await pause(start + (i * 1000) / texts.length - Date.now());
      acks.push(draft(text));
    }
    for (const ack of await Promise.all(acks)) expect(ack).toEqual({ ok: true, data: null });
    await eventually(() => expect(seen.at(-1)?.text).toBe(sentence));
    await pause(400);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThanOrEqual(6);
    expect(seen.at(-1)).toMatchObject({ author: { id: ana.id, displayName: 'Ana Souza' }, text: sentence, parentId: null });
    expect(own).toEqual([]);
  });

  it('shows only that someone is writing when they do not share drafts', async () => {
    const { ana, seen, draft } = await setup();
    expect((await api(server, 'GET', '/api/v1/me/settings', { token: ana.token })).body).toMatchObject({ shareDrafts: true });
    const patched = await api(server, 'PATCH', '/api/v1/me/settings', { token: ana.token, body: { shareDrafts: false } });
    expect(patched.body).toMatchObject({ shareDrafts: false });
    await draft('my secret first thoughts');
    await eventually(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ text: null, author: { id: ana.id } });
    expect((await api(server, 'GET', '/api/v1/me/settings')).status).toBe(401);
  });

  it('clears the draft when its writer posts, clears it, or leaves', async () => {
    const { waveId, writer, seen, draft } = await setup();
    const parentId = (await writer.emitWithAck('blip:post', { waveId, body: 'first', idempotencyKey: 'post-key-001' })) as {
      ok: true;
      data: { blip: { id: string } };
    };
    await draft('Agreed, and', parentId.data.blip.id);
    await eventually(() => expect(seen.map((d) => d.text)).toEqual(['Agreed, and']));
    await writer.emitWithAck('blip:post', { waveId, parentId: parentId.data.blip.id, body: 'Agreed, and more', idempotencyKey: 'post-key-002' });
    await eventually(() => expect(seen.map((d) => d.text)).toEqual(['Agreed, and', '']));
    expect(seen[1]!.parentId).toBe(parentId.data.blip.id);

    await draft('second thoughts');
    await eventually(() => expect(seen.at(-1)?.text).toBe('second thoughts'));
    await draft('');
    await eventually(() => expect(seen.at(-1)?.text).toBe(''));

    await draft('about to go');
    await eventually(() => expect(seen.at(-1)?.text).toBe('about to go'));
    writer.disconnect();
    await eventually(() => expect(seen.at(-1)?.text).toBe(''));
  });

  it('relays drafts only from people who may post there', async () => {
    const { waveId } = await setup();
    const anonymous = await connected(connectSocket(server));
    expect(await anonymous.emitWithAck('blip:draft', { waveId, text: 'hi' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await server.db.kysely.updateTable('waves').set({ locked: 1 }).where('id', '=', waveId).execute();
    const fan = await signUp(server, 'Priya Raman');
    const socket = await connected(connectSocket(server, { token: fan.token }));
    expect(await socket.emitWithAck('blip:draft', { waveId, text: 'hi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
