import { Validator } from '@seriousme/openapi-schema-validator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMigrator } from '../../server/db/migrate.js';
import { api } from '../helpers/http.js';
import { makeSpace, signUp } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.dispose());

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await api(server, 'GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api(server, 'GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready while migrations are pending', async () => {
    await createMigrator(server.db.kysely).migrateDown();
    const res = await api(server, 'GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body.reason).toMatch(/migrations/);
  });
});

describe('errors', () => {
  it('answers unknown routes with a JSON 404', async () => {
    const res = await api(server, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with 400 and oversized bodies with 413', async () => {
    const malformed = await api(server, 'POST', '/api/v1/auth/login', { rawBody: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_INPUT');
    const huge = await api(server, 'POST', '/api/v1/auth/login', {
      body: { email: 'a@b.test', password: 'x'.repeat(300 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides unexpected failures behind a generic 500', async () => {
    const person = await signUp(server);
    await server.db.close();
    const res = await api(server, 'GET', '/api/v1/me', { token: person.token });
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/on our side/) });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|destroyed|kysely/i);
  });
});

describe('origins', () => {
  it('refuses browser requests from origins that are not allowed, and serves widget origins with CORS', async () => {
    await makeSpace(server, 'acme', { widgetOrigins: ['https://shop.example.com'] });
    const evil = await api(server, 'GET', '/api/v1/spaces/acme', { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('ORIGIN_NOT_ALLOWED');

    const widget = await api(server, 'GET', '/api/v1/spaces/acme', { headers: { origin: 'https://shop.example.com' } });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(widget.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = await fetch(`${server.url}/api/v1/spaces/acme/sso`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);

    const same = await api(server, 'GET', '/api/v1/spaces/acme', { headers: { origin: server.url } });
    expect(same.status).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document covering every route', async () => {
    const res = await api(server, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const operations = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/signup',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'GET /api/v1/me',
        'POST /api/v1/spaces/{slug}/sso',
        'GET /api/v1/spaces/{slug}',
      ]),
    );
    expect(operations).toHaveLength(server.app.routes.length);
    const signup = res.body.paths['/api/v1/auth/signup'].post;
    expect(signup.requestBody.content['application/json'].schema.required).toEqual(['email', 'password', 'displayName']);
  });
});
