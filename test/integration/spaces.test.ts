import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../helpers/http.js';
import { grant, makeSpace, signUp } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.dispose());

describe('spaces and roles', () => {
  it('shows a public space to anonymous visitors and signed-in fans, with their role', async () => {
    await makeSpace(server, 'acme');
    const anon = await api(server, 'GET', '/api/v1/spaces/acme');
    expect(anon.status).toBe(200);
    expect(anon.body).toMatchObject({ slug: 'acme', public: true, viewerRole: null });
    const fan = await signUp(server);
    const seen = await api(server, 'GET', '/api/v1/spaces/acme', { token: fan.token });
    expect(seen.body.viewerRole).toBe('fan');
  });

  it('hides a private space from anonymous visitors', async () => {
    await makeSpace(server, 'hidden', { public: false });
    const anon = await api(server, 'GET', '/api/v1/spaces/hidden');
    expect(anon.status).toBe(401);
    expect((await api(server, 'GET', '/api/v1/spaces/nope')).status).toBe(404);
  });

  it('answers 403 to a fan calling staff-only and admin-only routes', async () => {
    await makeSpace(server, 'acme');
    const fan = await signUp(server);
    for (const [method, path, body] of [
      ['GET', '/api/v1/spaces/acme/members', undefined],
      ['GET', '/api/v1/spaces/acme/audit', undefined],
      ['POST', '/api/v1/spaces/acme/announcements', { text: 'hello all' }],
      ['GET', '/api/v1/spaces/acme/settings', undefined],
      ['PATCH', '/api/v1/spaces/acme/settings', { tableCapacity: 4 }],
      ['PUT', '/api/v1/spaces/acme/roles', { email: fan.email, role: 'admin' }],
      ['POST', '/api/v1/spaces/acme/sso-secret', undefined],
    ] as const) {
      const res = await api(server, method, path, { token: fan.token, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('answers 403 to staff of space A acting in space B', async () => {
    const a = await makeSpace(server, 'space-a');
    await makeSpace(server, 'space-b');
    const staff = await signUp(server, 'Dana');
    await grant(server, a, staff, 'staff');
    expect((await api(server, 'GET', '/api/v1/spaces/space-a/members', { token: staff.token })).status).toBe(200);
    const across = await api(server, 'POST', '/api/v1/spaces/space-b/announcements', {
      token: staff.token,
      body: { text: 'not my space' },
    });
    expect(across.status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/spaces/space-b/audit', { token: staff.token })).status).toBe(403);
  });

  it('lets staff read but not change admin settings; admins change them with an audit entry', async () => {
    const space = await makeSpace(server, 'acme');
    const staff = await signUp(server, 'Dana');
    const admin = await signUp(server, 'Mara');
    await grant(server, space, staff, 'staff');
    await grant(server, space, admin, 'admin');
    expect((await api(server, 'PATCH', '/api/v1/spaces/acme/settings', { token: staff.token, body: { tableCapacity: 4 } })).status).toBe(403);

    const bad = await api(server, 'PATCH', '/api/v1/spaces/acme/settings', {
      token: admin.token,
      body: { tableCapacity: 20, maxTableCapacity: 10 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('tableCapacity');

    const changed = await api(server, 'PATCH', '/api/v1/spaces/acme/settings', {
      token: admin.token,
      body: { tableCapacity: 4, widgetOrigins: ['https://shop.example.com'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ tableCapacity: 4, widgetOrigins: ['https://shop.example.com'], moderationMode: 'off' });

    const audit = await api(server, 'GET', '/api/v1/spaces/acme/audit?action=space.settings.update', { token: staff.token });
    expect(audit.status).toBe(200);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ actorId: admin.id, before: { tableCapacity: 6 }, after: { tableCapacity: 4 } });
  });

  it('grants roles by email, visible in /me and the member list', async () => {
    const space = await makeSpace(server, 'acme');
    const admin = await signUp(server, 'Mara');
    await grant(server, space, admin, 'admin');
    const newcomer = await signUp(server, 'Kenji');
    const res = await api(server, 'PUT', '/api/v1/spaces/acme/roles', {
      token: admin.token,
      body: { email: newcomer.email, role: 'staff' },
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('staff');
    const me = await api(server, 'GET', '/api/v1/me', { token: newcomer.token });
    expect(me.body.memberships).toEqual([{ space: { id: space.id, slug: 'acme', name: 'Space acme' }, role: 'staff' }]);
    const members = await api(server, 'GET', '/api/v1/spaces/acme/members', { token: newcomer.token });
    expect(members.body.map((m: { user: { displayName: string } }) => m.user.displayName).sort()).toEqual(['Kenji', 'Mara']);
    const unknown = await api(server, 'PUT', '/api/v1/spaces/acme/roles', {
      token: admin.token,
      body: { email: 'nobody@example.test', role: 'staff' },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('the audit log', () => {
  it('names the actor and pages through entries that share a timestamp without skipping any', async () => {
    const space = await makeSpace(server, 'acme');
    const admin = await signUp(server, 'Mara');
    await grant(server, space, admin, 'admin');
    const at = '2026-11-22T10:00:00.000Z';
    const ids = ['auditentry01', 'auditentry02', 'auditentry03', 'auditentry04', 'auditentry05'];
    await server.db.kysely
      .insertInto('audit_log')
      .values(ids.map((id) => ({ id, space_id: space.id, actor_id: admin.id, action: 'test.same-time', target_type: 'space', target_id: space.id, before: null, after: null, created_at: at })))
      .execute();
    const seen: string[] = [];
    let query = '/api/v1/spaces/acme/audit?action=test.same-time&limit=2';
    for (let page = 0; page < 5; page++) {
      const res = await api(server, 'GET', query, { token: admin.token });
      if (res.body.length === 0) break;
      expect(res.body[0].actor).toEqual({ id: admin.id, displayName: 'Mara' });
      seen.push(...res.body.map((e: { id: string }) => e.id));
      const last = res.body.at(-1);
      query = `/api/v1/spaces/acme/audit?action=test.same-time&limit=2&before=${encodeURIComponent(last.createdAt)}&beforeId=${last.id}`;
    }
    expect(seen).toEqual([...ids].reverse());
  });
});
