import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, runTs } from '../helpers/process.js';
import { eventually } from '../helpers/wait.js';

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-proc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the server process', () => {
  it('seeds the demo space, prints how to sign in, and shuts down cleanly on SIGTERM', async () => {
    const brandPort = await freePort();
    const env = {
      PORT: '0',
      DATABASE_FILE: join(dir, 'data', 'commonplace.db'),
      DEMO_ADMIN_PASSWORD: 'demo-password-123',
      DEMO_SSO_SECRET: 's'.repeat(40),
      DEMO_BRAND_PORT: String(brandPort),
    };
    const server = runTs('server/main.ts', [], env);
    const url = await eventually(() => {
      const match = server.output().match(/running at (http:\/\/localhost:\d+)/);
      if (!match) throw new Error(`not started yet:\n${server.output()}`);
      return match[1]!;
    }, 30_000);
    expect(server.output()).toContain('admin@demo.test / demo-password-123');
    expect(server.output()).toContain(`demo SSO secret: ${'s'.repeat(40)}`);

    const space = await fetch(`${url}/api/v1/spaces/demo`).then((r) => r.json());
    expect(space).toMatchObject({ slug: 'demo', name: 'Lumen Bikes' });
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'demo-password-123' }),
    });
    expect(login.status).toBe(200);
    expect(server.output()).not.toContain('demo-password-123"');
    // The demo cafe: two tables on the floor, and a third that became an idea.
    const { token } = (await login.json()) as { token: string };
    const tables = await fetch(`${url}/api/v1/spaces/demo/tables`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    expect(tables.items.map((t: { topic: string }) => t.topic).sort()).toEqual(['Folding bikes on crowded trains', 'Night riding: lights that do not dazzle']);
    const ideas = await fetch(`${url}/api/v1/spaces/demo/waves?sort=new`).then((r) => r.json());
    expect(ideas.items[0].title).toBe('A child seat canopy on the cargo cover rail');
    // The sample brand page on another origin embeds the widget from this server, and may.
    expect(server.output()).toContain(`sample brand page with the widget (another origin): http://localhost:${brandPort}`);
    const brandPage = await fetch(`http://127.0.0.1:${brandPort}/`).then((r) => r.text());
    expect(brandPage).toContain(`<script async src="${url}/embed.js"></script>`);
    const cors = await fetch(`${url}/api/v1/spaces/demo`, { headers: { origin: `http://localhost:${brandPort}` } });
    expect(cors.headers.get('access-control-allow-origin')).toBe(`http://localhost:${brandPort}`);

    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.output()).toMatch(/stopped cleanly/);
  }, 60_000);
});

describe('the operator CLI', () => {
  it('creates a space and an account, grants a role, rotates the SSO secret and backs up', async () => {
    const env = { DATABASE_FILE: join(dir, 'cp.db') };
    const space = await runCli(['space:create', 'acme', 'Acme', 'Tools'], env);
    expect(space.code).toBe(0);
    expect(space.output).toMatch(/SSO secret: \S{20,}/);
    expect((await runCli(['space:create', 'acme', 'Again'], env)).code).toBe(2);

    const user = await runCli(['user:create', 'dana@acme.test', 'Dana', 'Okafor'], env);
    expect(user.output).toMatch(/password: \S+/);
    const granted = await runCli(['role:grant', 'acme', 'dana@acme.test', 'staff'], env);
    expect(granted.output).toContain('dana@acme.test is now staff in "acme"');
    expect((await runCli(['role:grant', 'acme', 'dana@acme.test', 'boss'], env)).code).toBe(2);

    const rotated = await runCli(['sso:rotate', 'acme'], env);
    expect(rotated.output).toMatch(/new SSO secret for "acme": \S{20,}/);

    const backupFile = join(dir, 'backup.db');
    const backup = await runCli(['backup', backupFile], env);
    expect(backup.code).toBe(0);
    expect(statSync(backupFile).size).toBeGreaterThan(0);
    const copy = new Database(backupFile, { readonly: true });
    const row = copy.prepare("select role from memberships m join users u on u.id = m.user_id where u.email = 'dana@acme.test'").get();
    copy.close();
    expect(row).toEqual({ role: 'staff' });

    const help = await runCli(['nonsense'], env);
    expect(help.code).toBe(2);
    expect(help.output).toMatch(/space:create/);
  }, 60_000);
});
