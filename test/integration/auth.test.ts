import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../helpers/http.js';
import { signUp } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ env: { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '50' } });
});
afterEach(() => server.dispose());

describe('accounts', () => {
  it('signs up, logs in, answers /me, logs out', async () => {
    const signup = await api(server, 'POST', '/api/v1/auth/signup', {
      body: { email: 'Ana@Example.test', password: 'a long password', displayName: 'Ana' },
    });
    expect(signup.status).toBe(201);
    expect(signup.body.user).toMatchObject({ displayName: 'Ana', email: 'ana@example.test' });
    expect(signup.body.token).toEqual(expect.any(String));
    const setCookie = signup.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/cp_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const login = await api(server, 'POST', '/api/v1/auth/login', {
      body: { email: 'ana@example.test', password: 'a long password' },
    });
    expect(login.status).toBe(200);
    const token = login.body.token as string;

    const me = await api(server, 'GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.user.displayName).toBe('Ana');
    expect(me.body.memberships).toEqual([]);

    expect((await api(server, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    const after = await api(server, 'GET', '/api/v1/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('stores no password in clear and never returns the hash', async () => {
    const person = await signUp(server);
    const row = await server.db.kysely.selectFrom('users').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(person.password);
    const me = await api(server, 'GET', '/api/v1/me', { token: person.token });
    expect(JSON.stringify(me.body)).not.toContain('scrypt');
  });

  it('refuses a duplicate email with 409', async () => {
    const person = await signUp(server);
    const again = await api(server, 'POST', '/api/v1/auth/signup', {
      body: { email: person.email.toUpperCase(), password: 'another password', displayName: 'Twin' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('names the invalid field', async () => {
    const res = await api(server, 'POST', '/api/v1/auth/signup', {
      body: { email: 'not-an-email', password: 'a long password', displayName: 'X' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'email' });
    const short = await api(server, 'POST', '/api/v1/auth/signup', {
      body: { email: 'x@example.test', password: 'short', displayName: 'X' },
    });
    expect(short.body.error.field).toBe('password');
  });

  it('answers a wrong password with 401, then 429 after repeated failures, even for the right one', async () => {
    const person = await signUp(server);
    for (let i = 0; i < 3; i++) {
      const wrong = await api(server, 'POST', '/api/v1/auth/login', { body: { email: person.email, password: 'wrong password' } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('BAD_CREDENTIALS');
    }
    const limited = await api(server, 'POST', '/api/v1/auth/login', { body: { email: person.email, password: person.password } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rate-limits failed logins per IP across accounts', async () => {
    const strict = await startTestServer({ env: { LOGIN_LIMIT_PER_IP: '4', LOGIN_LIMIT_PER_ACCOUNT: '100' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await api(strict, 'POST', '/api/v1/auth/login', { body: { email: `nobody${i}@example.test`, password: 'whatever it is' } });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await strict.dispose();
    }
  });

  it('protects cookie-authenticated writes against CSRF; bearer writes need no CSRF token', async () => {
    const person = await signUp(server);
    const noToken = await api(server, 'POST', '/api/v1/auth/logout', { headers: { cookie: person.cookie } });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF_FAILED');
    const wrong = await api(server, 'POST', '/api/v1/auth/logout', {
      headers: { cookie: person.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.status).toBe(403);
    const me = await api(server, 'GET', '/api/v1/me', { headers: { cookie: person.cookie } });
    expect(me.body.csrfToken).toBe(person.csrfToken);
    const right = await api(server, 'POST', '/api/v1/auth/logout', {
      headers: { cookie: person.cookie, 'x-csrf-token': person.csrfToken },
    });
    expect(right.status).toBe(204);
  });

  it('rejects an unknown bearer token with 401', async () => {
    const res = await api(server, 'GET', '/api/v1/me', { token: 'not-a-real-token' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});
