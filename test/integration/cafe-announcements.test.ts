import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable } from '../../shared/schemas/cafe.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import { grant, makeSpace, signUp } from '../helpers/fixtures.js';
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

describe('announcements at the cafe', () => {
  it('reach every open table of the space, once each, and no table of another space', async () => {
    const space = await makeSpace(server, 'acme');
    await makeSpace(server, 'other');
    const [dana, ana, kenji, foreign] = await Promise.all([signUp(server, 'Dana'), signUp(server, 'Ana'), signUp(server, 'Kenji'), signUp(server, 'Zed')]);
    await grant(server, space, dana, 'staff');
    const open = (token: string, slug: string, topic: string) =>
      api<CafeTable>(server, 'POST', `/api/v1/spaces/${slug}/tables`, { token, body: { topic, tags: [] } });
    const lights = (await open(ana.token, 'acme', 'Night lights')).body;
    const racks = (await open(kenji.token, 'acme', 'Cargo racks')).body;
    const elsewhere = (await open(foreign.token, 'other', 'Elsewhere')).body;

    const heard: Record<string, StreamEvent[]> = {};
    for (const [user, table] of [[ana, lights], [kenji, racks], [foreign, elsewhere]] as const) {
      const socket = await connected(connectSocket(server, { token: user.token }));
      heard[table.id] = [];
      socket.on('stream:event', (e) => heard[table.id]!.push(e));
      const sub = (await socket.emitWithAck('stream:subscribe', { stream: `table:${table.id}` })) as Result<SubscribeResult>;
      expect(sub.ok, JSON.stringify(sub)).toBe(true);
    }

    const posted = await api(server, 'POST', '/api/v1/spaces/acme/announcements', {
      token: dana.token,
      body: { text: 'The design team joins the tables at noon' },
      headers: { 'idempotency-key': 'cafe-news-0001' },
    });
    expect(posted.status).toBe(201);
    // A retried post reaches nobody twice.
    await api(server, 'POST', '/api/v1/spaces/acme/announcements', {
      token: dana.token,
      body: { text: 'The design team joins the tables at noon' },
      headers: { 'idempotency-key': 'cafe-news-0001' },
    });

    const announcements = (tableId: string) => heard[tableId]!.filter((e) => e.type === 'announcement:posted');
    await eventually(() => {
      for (const table of [lights, racks]) {
        expect(announcements(table.id).map((e) => (e.data as { id: string }).id)).toEqual([(posted.body.event.data as { id: string }).id]);
      }
    });
    expect(announcements(elsewhere.id)).toEqual([]);
  });
});
