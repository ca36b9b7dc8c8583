import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { docName } from '../../shared/doc-names.js';
import { LIMITS } from '../../shared/limits.js';
import { CloseCode } from '../../server/collab/close-codes.js';
import { syncStep1Message } from '../../server/collab/protocol.js';
import { closeClients, guideText, makePerson, makeSpace, openProvider, openRaw } from '../helpers/collab-clients.js';
import { removeDir, startCollabServer, type CollabTestServer } from '../helpers/collab-server.js';
import { eventually } from '../helpers/wait.js';

const servers: CollabTestServer[] = [];
const dirs = new Set<string>();

async function start(options: Parameters<typeof startCollabServer>[0] = {}) {
  const server = await startCollabServer(options);
  servers.push(server);
  dirs.add(server.dir);
  return server;
}

afterEach(async () => {
  closeClients();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs) removeDir(dir);
  dirs.clear();
});

async function countRows(server: CollabTestServer, table: 'doc_updates' | 'doc_snapshots', name: string) {
  const row = await server.deps.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('doc_name', '=', name)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const synced = (provider: WebsocketProvider) => eventually(() => expect(provider.synced).toBe(true));

async function staffSetup(options: Parameters<typeof startCollabServer>[0] = {}) {
  const server = await start(options);
  const space = await makeSpace(server.deps);
  const staff = await makePerson(server.deps, { space, role: 'staff' });
  return { server, space, staff, name: docName.space(space.id) };
}

describe('document socket', () => {
  it('keeps two staff editors in step', async () => {
    const { server, space, name } = await staffSetup();
    const admin = await makePerson(server.deps, { space, role: 'admin' });
    const staff = await makePerson(server.deps, { space, role: 'staff' });
    const a = openProvider(server, name, admin.token);
    const b = openProvider(server, name, staff.token);
    await Promise.all([synced(a), synced(b)]);

    a.doc.getText('guide').insert(0, 'Welcome!');
    await eventually(() => expect(guideText(b)).toBe('Welcome!'));
    b.doc.getText('guide').insert(8, ' Be kind.');
    await eventually(() => expect(guideText(a)).toBe('Welcome! Be kind.'));
    expect(await countRows(server, 'doc_updates', name)).toBe(2);
    expect(server.collab.stats()).toEqual({ docs: 1, connections: 2 });
  });

  it('lets a fan read but drops, never stores and never relays their edits', async () => {
    const { server, space, staff, name } = await staffSetup();
    const fan = await makePerson(server.deps, { space, role: 'fan' });
    const editor = openProvider(server, name, staff.token);
    await synced(editor);
    editor.doc.getText('guide').insert(0, 'Staff text');
    await eventually(async () => expect(await countRows(server, 'doc_updates', name)).toBe(1));

    const reader = openProvider(server, name, fan.token);
    await eventually(() => expect(guideText(reader)).toBe('Staff text'));
    reader.doc.getText('guide').insert(0, 'FAN ');
    // Awareness from the same socket is handled after the edit, so once it arrives the edit was processed.
    reader.awareness.setLocalStateField('user', { name: 'fan' });
    await eventually(() =>
      expect([...editor.awareness.getStates().values()].some((s) => s.user?.name === 'fan')).toBe(true),
    );

    expect(guideText(editor)).toBe('Staff text');
    expect(await countRows(server, 'doc_updates', name)).toBe(1);
    const fresh = openProvider(server, name, staff.token);
    await synced(fresh);
    expect(guideText(fresh)).toBe('Staff text');
  });

  it('serves a public space to anonymous readers and refuses them a private one', async () => {
    const server = await start();
    const open = await makeSpace(server.deps, { public: true });
    const closed = await makeSpace(server.deps, { public: false });
    const staff = await makePerson(server.deps, { space: open, role: 'staff' });
    const editor = openProvider(server, docName.space(open.id), staff.token);
    editor.doc.getText('guide').insert(0, 'Hello, visitor');

    const visitor = openProvider(server, docName.space(open.id));
    await eventually(() => expect(guideText(visitor)).toBe('Hello, visitor'));

    const refused = openProvider(server, docName.space(closed.id));
    const event = await new Promise<{ code: number; reason: string }>((resolve) => refused.once('closed', resolve));
    expect(event).toEqual({ code: CloseCode.Unauthorized, reason: 'UNAUTHENTICATED' });
    expect(refused.shouldConnect).toBe(false);
  });

  it('refuses with a close code the client can read', async () => {
    const server = await start({ originAllowed: (origin) => origin !== 'https://evil.example' });
    const open = await makeSpace(server.deps, { public: true });
    const closed = await makeSpace(server.deps, { public: false });
    const member = await makePerson(server.deps, { space: closed, role: 'fan' });
    const otherBrand = await makePerson(server.deps, { scopedTo: open });

    const cases: [ReturnType<typeof openRaw>, number, string][] = [
      [openRaw(server, '/yjs/nope:123456'), CloseCode.NotFound, 'NOT_FOUND'],
      [openRaw(server, '/yjs/space:AAAAAAAAAAAAAAAA'), CloseCode.NotFound, 'NOT_FOUND'],
      [openRaw(server, '/yjs/%E0%A4%A'), CloseCode.NotFound, 'NOT_FOUND'],
      [openRaw(server, `/yjs/space:${open.id}`, { token: 'not-a-token' }), CloseCode.Unauthorized, 'UNAUTHENTICATED'],
      [openRaw(server, `/yjs/space:${closed.id}`), CloseCode.Unauthorized, 'UNAUTHENTICATED'],
      [openRaw(server, `/yjs/space:${closed.id}`, { token: otherBrand.token }), CloseCode.Forbidden, 'FORBIDDEN'],
      [
        openRaw(server, `/yjs/space:${open.id}`, { headers: { origin: 'https://evil.example' } }),
        CloseCode.OriginNotAllowed,
        'ORIGIN_NOT_ALLOWED',
      ],
    ];
    for (const [client, code, reason] of cases) expect(await client.closed).toEqual({ code, reason });

    const viaCookie = openRaw(server, `/yjs/space:${closed.id}`, { headers: { cookie: `cp_session=${member.token}` } });
    await viaCookie.opened;
    viaCookie.ws.send(syncStep1Message(new Y.Doc()));
    await eventually(() => expect(viaCookie.received[0]?.slice(0, 2)).toEqual(new Uint8Array([0, 1])));
    expect(viaCookie.ws.readyState).toBe(viaCookie.ws.OPEN);
  });

  it('leaves other paths to the caller', async () => {
    const server = await start();
    const other = openRaw(server, '/socket.io/?EIO=4&transport=websocket');
    await expect(other.opened).rejects.toThrow();
  });

  it('closes only the socket that sent a malformed or oversized frame', async () => {
    const { server, staff, name } = await staffSetup();
    const a = openProvider(server, name, staff.token);
    const b = openProvider(server, name, staff.token);
    await Promise.all([synced(a), synced(b)]);

    const garbage = openRaw(server, `/yjs/${name}`, { token: staff.token });
    await garbage.opened;
    garbage.ws.send(new Uint8Array([0, 99, 255]));
    expect(await garbage.closed).toEqual({ code: CloseCode.BadMessage, reason: 'INVALID_INPUT' });

    const corrupt = openRaw(server, `/yjs/${name}`, { token: staff.token });
    await corrupt.opened;
    corrupt.ws.send(new Uint8Array([0, 2, 5, 1, 200, 3, 0, 4]));
    expect((await corrupt.closed).code).toBe(CloseCode.BadMessage);

    const text = openRaw(server, `/yjs/${name}`, { token: staff.token });
    await text.opened;
    text.ws.send('hello');
    expect((await text.closed).code).toBe(CloseCode.BadMessage);

    const huge = openRaw(server, `/yjs/${name}`, { token: staff.token });
    await huge.opened;
    huge.ws.send(new Uint8Array(LIMITS.docMessageBytes + 1));
    expect((await huge.closed).code).toBe(CloseCode.MessageTooLarge);

    a.doc.getText('guide').insert(0, 'still here');
    await eventually(() => expect(guideText(b)).toBe('still here'));
    expect(await countRows(server, 'doc_updates', name)).toBe(1);
  });

  it('keeps content across a restart', async () => {
    const first = await start();
    const space = await makeSpace(first.deps);
    const staff = await makePerson(first.deps, { space, role: 'staff' });
    const name = docName.space(space.id);
    const editor = openProvider(first, name, staff.token);
    const watcher = openProvider(first, name, staff.token);
    await Promise.all([synced(editor), synced(watcher)]);
    editor.doc.getText('guide').insert(0, 'Remember me');
    // Relayed only after it was stored.
    await eventually(() => expect(guideText(watcher)).toBe('Remember me'));

    const shutdown = openRaw(first, `/yjs/${name}`, { token: staff.token });
    await shutdown.opened;
    editor.destroy();
    watcher.destroy();
    await first.close();
    expect((await shutdown.closed).code).toBe(CloseCode.ServerShutdown);

    const second = await start({ dir: first.dir });
    const reader = openProvider(second, name, staff.token);
    await eventually(() => expect(guideText(reader)).toBe('Remember me'));
  });

  it('compacts into a snapshot, keeps the log, and reloads from both', async () => {
    const first = await start({ compactEvery: 10 });
    const space = await makeSpace(first.deps);
    const staff = await makePerson(first.deps, { space, role: 'staff' });
    const name = docName.space(space.id);
    const editor = openProvider(first, name, staff.token);
    await synced(editor);
    const text = editor.doc.getText('guide');
    for (let i = 0; i < 25; i++) text.insert(text.length, String.fromCharCode(97 + i));
    text.delete(0, 1);
    await eventually(async () => expect(await countRows(first, 'doc_updates', name)).toBe(26));
    await eventually(async () => expect(await countRows(first, 'doc_snapshots', name)).toBe(1));
    const snapshot = await first.deps.db.kysely
      .selectFrom('doc_snapshots')
      .select('upto_id')
      .where('doc_name', '=', name)
      .executeTakeFirstOrThrow();
    expect(snapshot.upto_id).toBeGreaterThanOrEqual(10);

    closeClients();
    await first.close();
    const second = await start({ dir: first.dir, compactEvery: 10 });
    expect(await countRows(second, 'doc_updates', name)).toBe(26);
    const reader = openProvider(second, name, staff.token);
    await eventually(() => expect(guideText(reader)).toBe('bcdefghijklmnopqrstuvwxy'));
  });

  it('unloads a document when its last client leaves, snapshotting it first', async () => {
    const { server, staff, name } = await staffSetup();
    const editor = openProvider(server, name, staff.token);
    await synced(editor);
    editor.doc.getText('guide').insert(0, 'bye');
    await eventually(async () => expect(await countRows(server, 'doc_updates', name)).toBe(1));
    expect(server.collab.stats().docs).toBe(1);

    closeClients();
    await eventually(() => expect(server.collab.stats()).toEqual({ docs: 0, connections: 0 }));
    await eventually(async () => expect(await countRows(server, 'doc_snapshots', name)).toBe(1));

    const again = openProvider(server, name, staff.token);
    await eventually(() => expect(guideText(again)).toBe('bye'));
    expect(await countRows(server, 'doc_updates', name)).toBe(1);
  });

  it('closes a client whose update could not be stored; it reconnects and re-sends it', async () => {
    const { server, staff, name } = await staffSetup();
    const writer = openProvider(server, name, staff.token);
    const watcher = openProvider(server, name, staff.token);
    await Promise.all([synced(writer), synced(watcher)]);
    const closes: number[] = [];
    writer.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });

    const sqlite = server.deps.db.sqlite!;
    sqlite.exec('ALTER TABLE doc_updates RENAME TO doc_updates_away');
    writer.doc.getText('guide').insert(0, 'unsaved');
    await eventually(() => expect(closes).toContain(CloseCode.Internal));
    expect(guideText(watcher)).toBe('');

    sqlite.exec('ALTER TABLE doc_updates_away RENAME TO doc_updates');
    await eventually(() => expect(guideText(watcher)).toBe('unsaved'));
    expect(await countRows(server, 'doc_updates', name)).toBe(1);
  });

  it('cuts off a client that stops answering pings', async () => {
    const { server, staff, name } = await staffSetup({ pingIntervalMs: 30 });
    const live = openProvider(server, name, staff.token);
    await synced(live);
    const silent = openRaw(server, `/yjs/${name}`, { token: staff.token, autoPong: false });
    await silent.opened;
    expect((await silent.closed).code).toBe(1006);
    await eventually(() => expect(server.collab.stats().connections).toBe(1));
    expect(live.wsconnected).toBe(true);
  });

  it('closes with Internal when a document cannot be loaded, and loads it on the next try', async () => {
    const { server, staff, name } = await staffSetup();
    const sqlite = server.deps.db.sqlite!;
    sqlite.exec('ALTER TABLE doc_snapshots RENAME TO doc_snapshots_away');
    const failed = openRaw(server, `/yjs/${name}`, { token: staff.token });
    expect(await failed.closed).toEqual({ code: CloseCode.Internal, reason: 'INTERNAL' });
    expect(server.collab.stats().docs).toBe(0);

    sqlite.exec('ALTER TABLE doc_snapshots_away RENAME TO doc_snapshots');
    const editor = openProvider(server, name, staff.token);
    await synced(editor);
  });

  it('stores an edit that arrived just before its client went away', async () => {
    const { server, staff, name } = await staffSetup();
    const editor = openProvider(server, name, staff.token);
    await synced(editor);
    editor.doc.getText('guide').insert(0, 'last words');
    editor.destroy();
    await eventually(() => expect(server.collab.stats().docs).toBe(0));
    expect(await countRows(server, 'doc_updates', name)).toBe(1);
  });
});
