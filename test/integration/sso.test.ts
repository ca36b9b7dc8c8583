import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../helpers/http.js';
import { grant, makeSpace, signUp } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.dispose());

function brandToken(secret: string, claims: Record<string, unknown>, expiresIn: string | number = '5m') {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (expiresIn !== 0) jwt.setExpirationTime(expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('brand single sign-on', () => {
  it('exchanges a valid token for a space-scoped Commonplace token, same person every time', async () => {
    const space = await makeSpace(server, 'acme');
    const token = await brandToken(space.ssoSecret, { sub: 'brand-user-42', name: 'Ana from the shop', email: 'ana@shop.test' });
    const first = await api(server, 'POST', '/api/v1/spaces/acme/sso', { body: { token } });
    expect(first.status).toBe(200);
    expect(first.body.user.displayName).toBe('Ana from the shop');
    expect(first.headers.get('set-cookie')).toBeNull();

    const renamed = await brandToken(space.ssoSecret, { sub: 'brand-user-42', name: 'Ana S.' });
    const second = await api(server, 'POST', '/api/v1/spaces/acme/sso', { body: { token: renamed } });
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(second.body.user.displayName).toBe('Ana S.');

    const me = await api(server, 'GET', '/api/v1/me', { token: second.body.token });
    expect(me.body.scopedToSpace).toBe(space.id);
    expect(me.body.memberships).toEqual([{ space: { id: space.id, slug: 'acme', name: 'Space acme' }, role: 'fan' }]);
  });

  it('keeps a scoped token out of other spaces', async () => {
    const space = await makeSpace(server, 'acme');
    const other = await makeSpace(server, 'other');
    const token = await brandToken(space.ssoSecret, { sub: 'u1', name: 'Ana' });
    const sso = await api(server, 'POST', '/api/v1/spaces/acme/sso', { body: { token } });
    // Even if that person were staff of the other space, the SSO token does not reach there.
    await grant(server, other, { id: sso.body.user.id } as never, 'staff');
    const res = await api(server, 'GET', '/api/v1/spaces/other/members', { token: sso.body.token });
    expect(res.status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/spaces/other', { token: sso.body.token })).body.viewerRole).toBeNull();
  });

  it.each([
    ['an expired token', async (secret: string) => brandToken(secret, { sub: 'u1', name: 'Ana' }, Math.floor(Date.now() / 1000) - 3600), /expired/],
    ['a token signed with another secret', async () => brandToken('x'.repeat(40), { sub: 'u1', name: 'Ana' }), /signature/],
    [
      'an alg:none token',
      async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u1', name: 'Ana', exp: Math.floor(Date.now() / 1000) + 600 })}.`,
      /HS256|well-formed/,
    ],
    ['a token without exp', async (secret: string) => brandToken(secret, { sub: 'u1', name: 'Ana' }, 0), /"exp"/],
    ['a token without sub', async (secret: string) => brandToken(secret, { name: 'Ana' }), /"sub"/],
    ['a token without name', async (secret: string) => brandToken(secret, { sub: 'u1' }), /"name"/],
    ['garbage', async () => 'not.a.jwt', /well-formed/],
  ])('refuses %s with 401 and a clear message', async (_label, make, message) => {
    const space = await makeSpace(server, 'acme');
    const res = await api(server, 'POST', '/api/v1/spaces/acme/sso', { body: { token: await make(space.ssoSecret) } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_SSO_TOKEN');
    expect(res.body.error.message).toMatch(message);
  });

  it('stops accepting tokens signed with a rotated-out secret', async () => {
    const space = await makeSpace(server, 'acme');
    const admin = await signUp(server, 'Mara');
    await grant(server, space, admin, 'admin');
    const rotated = await api(server, 'POST', '/api/v1/spaces/acme/sso-secret', { token: admin.token });
    expect(rotated.status).toBe(200);
    const old = await brandToken(space.ssoSecret, { sub: 'u1', name: 'Ana' });
    expect((await api(server, 'POST', '/api/v1/spaces/acme/sso', { body: { token: old } })).status).toBe(401);
    const fresh = await brandToken(rotated.body.ssoSecret, { sub: 'u1', name: 'Ana' });
    expect((await api(server, 'POST', '/api/v1/spaces/acme/sso', { body: { token: fresh } })).status).toBe(200);
  });
});
