import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api.js';

let server: Server;
let baseUrl: string;
const seen: { method?: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body });
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
      if (req.url === '/ok') return json(200, { hello: 'fan' });
      if (req.url === '/empty') return res.writeHead(204).end();
      if (req.url === '/bad') return json(401, { error: { code: 'BAD_CREDENTIALS', message: 'Email or password is wrong' } });
      if (req.url === '/gateway') return res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>nope</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ApiClient', () => {
  it('returns the JSON body as data, and null for 204', async () => {
    const api = new ApiClient({ baseUrl });
    expect(await api.get('/ok')).toEqual({ ok: true, data: { hello: 'fan' } });
    expect(await api.post('/empty')).toEqual({ ok: true, data: null });
  });

  it("passes the server's error body through", async () => {
    const api = new ApiClient({ baseUrl });
    expect(await api.post('/bad', { email: 'a@b.c', password: 'x' })).toEqual({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: 'Email or password is wrong' },
    });
  });

  it('sends the CSRF token and JSON content type on writes only', async () => {
    const api = new ApiClient({ baseUrl });
    api.csrfToken = 'csrf-123';
    seen.length = 0;
    await api.get('/ok');
    await api.post('/ok', { a: 1 });
    expect(seen[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(seen[0]!.headers['content-type']).toBeUndefined();
    expect(seen[1]!.headers['x-csrf-token']).toBe('csrf-123');
    expect(seen[1]!.headers['content-type']).toBe('application/json');
    expect(seen[1]!.body).toBe('{"a":1}');
  });

  it('maps non-JSON failures by status, and unreachable servers to a network message', async () => {
    const api = new ApiClient({ baseUrl });
    expect(await api.get('/missing')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.get('/gateway')).toMatchObject({ ok: false, error: { message: /couldn't reach/ } });
    const offline = new ApiClient({ baseUrl: 'http://127.0.0.1:9' });
    expect(await offline.get('/ok')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
