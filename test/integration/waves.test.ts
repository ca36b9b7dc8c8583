import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Result } from '../../shared/protocol/result.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import type { SupportResult, WaveDetail, WavePage, WaveSummary } from '../../shared/schemas/waves.js';
import { CONTENT_FIELD, plainText } from '../../server/collab/rich-text.js';
import { newId } from '../../server/lib/ids.js';
import { closeClients, makePerson, openProvider } from '../helpers/collab-clients.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
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
  closeClients();
  await server.dispose();
});

type Token = { token: string };

async function createWave(who: Token, body: Record<string, unknown>, slug = 'acme', headers: Record<string, string> = {}) {
  const res = await api<WaveDetail>(server, 'POST', `/api/v1/spaces/${slug}/waves`, { token: who.token, body, headers });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const getWave = (id: string, who?: Token) => api<WaveDetail>(server, 'GET', `/api/v1/waves/${id}`, { token: who?.token });
const list = (query: string, who?: Token, slug = 'acme') =>
  api<WavePage>(server, 'GET', `/api/v1/spaces/${slug}/waves?${query}`, { token: who?.token });
const support = (id: string, who: Token, on = true) =>
  api<SupportResult>(server, on ? 'PUT' : 'DELETE', `/api/v1/waves/${id}/support`, { token: who.token });
const staffPost = (id: string, action: string, who: Token, body: unknown) =>
  api<WaveDetail>(server, 'POST', `/api/v1/waves/${id}/${action}`, { token: who.token, body });

async function setup() {
  const space = await makeSpace(server, 'acme');
  const staff = await signUp(server, 'Dana Staff');
  await grant(server, space, staff, 'staff');
  const fan = await signUp(server, 'Ana Fan');
  return { space, staff, fan };
}

function listen(socket: ClientSocket): StreamEvent[] {
  const events: StreamEvent[] = [];
  socket.on('stream:event', (event) => events.push(event));
  return events;
}

async function subscribe(socket: ClientSocket, stream: string) {
  const res = (await socket.emitWithAck('stream:subscribe', { stream })) as Result<SubscribeResult>;
  expect(res.ok).toBe(true);
}

async function insertBlip(waveId: string, authorId: string, parentId: string | null = null) {
  const id = newId();
  await server.db.kysely
    .insertInto('blips')
    .values({
      id,
      wave_id: waveId,
      parent_id: parentId,
      author_id: authorId,
      body: 'a reply',
      anchor_offset: null,
      anchor_quote: null,
      created_at: new Date().toISOString(),
      edited_at: null,
      deleted_at: null,
    })
    .execute();
  return id;
}

const synced = (provider: WebsocketProvider) => eventually(() => expect(provider.synced).toBe(true));

function typeInto(provider: WebsocketProvider, text: string) {
  const fragment = provider.doc.getXmlFragment(CONTENT_FIELD);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

async function updateCount(name: string) {
  const row = await server.db.kysely
    .selectFrom('doc_updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('doc_name', '=', name)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('creating waves', () => {
  it('stores the wave, its tags, a first status and an idea document written by its author', async () => {
    const { fan } = await setup();
    const wave = await createWave(fan, {
      title: '  Rain cover for cargo bikes ',
      tags: ['Cargo', 'rain gear', 'cargo'],
      draft: 'A cover that clips on.\n\nIt folds into the\nfront box.',
    });
    expect(wave).toMatchObject({
      title: 'Rain cover for cargo bikes',
      status: 'open',
      tags: ['cargo', 'rain gear'],
      author: { id: fan.id, displayName: 'Ana Fan' },
      supporters: 0,
      contributors: 1,
      replies: 0,
      locked: false,
      mergedInto: null,
      viewerSupports: false,
      docName: `wave:${wave.id}`,
      pinnedBlipId: null,
      viewerCanEdit: true,
      viewerIsStaff: false,
    });
    expect(wave.statusHistory).toEqual([
      expect.objectContaining({ from: null, to: 'open', reason: 'Started', actor: { id: fan.id, displayName: 'Ana Fan' } }),
    ]);

    const reader = openProvider(server, wave.docName, fan.token);
    await synced(reader);
    expect(plainText(reader.doc)).toBe('A cover that clips on.\nIt folds into the front box.');
    const contributors = await api(server, 'GET', `/api/v1/waves/${wave.id}/contributors`);
    expect(contributors.body).toEqual([
      { person: { id: fan.id, displayName: 'Ana Fan' }, documentChars: 'A cover that clips on.It folds into the front box.'.length, documentEdits: 1, blips: 0, tables: 0 },
    ]);

    const anonymous = await getWave(wave.id);
    expect(anonymous.body).toMatchObject({ id: wave.id, viewerCanEdit: false, viewerIsStaff: false, viewerSupports: false });
  });

  it('returns the same wave for a retried Idempotency-Key', async () => {
    const { fan } = await setup();
    const headers = { 'idempotency-key': 'create-wave-0001' };
    const first = await createWave(fan, { title: 'Brighter rear light' }, 'acme', headers);
    const again = await createWave(fan, { title: 'Brighter rear light' }, 'acme', headers);
    expect(again.id).toBe(first.id);
    expect((await list('sort=new')).body.items).toHaveLength(1);
  });

  it('refuses bad input and people who may not write', async () => {
    const { fan } = await setup();
    await makeSpace(server, 'hidden', { public: false });
    const cases: [Token | undefined, string, unknown, number, string?][] = [
      [fan, 'acme', { title: '' }, 400, 'title'],
      [fan, 'acme', { title: 'ab' }, 400, 'title'],
      [fan, 'acme', { title: 'x'.repeat(141) }, 400, 'title'],
      [fan, 'acme', { title: 'Fine title', tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 400, 'tags'],
      [fan, 'acme', { title: 'Fine title', tags: ['!!'] }, 400, 'tags.0'],
      [undefined, 'acme', { title: 'Fine title' }, 401],
      [fan, 'nope', { title: 'Fine title' }, 404],
    ];
    for (const [who, slug, body, status, field] of cases) {
      const res = await api(server, 'POST', `/api/v1/spaces/${slug}/waves`, { token: who?.token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (field) expect(res.body.error.field).toBe(field);
    }
    expect((await getWave('doesnotexist')).status).toBe(404);
    expect((await api(server, 'GET', '/api/v1/spaces/hidden/waves')).status).toBe(401);
  });

  it('keeps a private space’s waves from outsiders and another brand’s SSO token', async () => {
    const space = await makeSpace(server, 'hidden', { public: false });
    const member = await signUp(server, 'Member');
    await grant(server, space, member, 'fan');
    const wave = await createWave(member, { title: 'Secret idea' }, 'hidden');
    const other = await makeSpace(server, 'other');
    const scoped = await makePerson(server.deps, { scopedTo: other });
    expect((await getWave(wave.id)).status).toBe(404);
    expect((await getWave(wave.id, scoped)).status).toBe(404);
    expect((await support(wave.id, scoped)).status).toBe(404);
    const openWave = await createWave(member, { title: 'Open idea' }, 'other');
    expect((await support(openWave.id, scoped)).status).toBe(200);
    const acrossBrand = await makePerson(server.deps, { scopedTo: space });
    expect((await support(openWave.id, acrossBrand)).status).toBe(403);
  });
});

describe('listing waves', () => {
  async function seedList(fan: TestUser) {
    const fans = await Promise.all(Array.from({ length: 4 }, () => makePerson(server.deps)));
    const waves: WaveDetail[] = [];
    for (let i = 0; i < 7; i++) {
      waves.push(await createWave(fan, { title: `Idea number ${i}`, tags: i % 2 === 0 ? ['even'] : ['odd'] }));
    }
    // Supports: wave i gets (i % 4) supporters, so there are ties to break by id.
    for (const [i, wave] of waves.entries()) {
      for (const person of fans.slice(0, i % 4)) expect((await support(wave.id, person)).status).toBe(200);
    }
    return { waves, fans };
  }

  async function allPages(query: string, who?: Token): Promise<WaveSummary[]> {
    const seen: WaveSummary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, who);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    return seen;
  }

  it('pages every sort by keyset without duplicates or gaps', async () => {
    const { fan } = await setup();
    const { waves } = await seedList(fan);
    for (const sort of ['hot', 'new', 'top'] as const) {
      const whole = (await list(`sort=${sort}&limit=50`)).body.items;
      expect(whole).toHaveLength(7);
      const paged = await allPages(`sort=${sort}`);
      expect(paged.map((w) => w.id)).toEqual(whole.map((w) => w.id));
      expect(new Set(paged.map((w) => w.id)).size).toBe(7);
    }
    const byNew = (await list('sort=new&limit=50')).body.items;
    expect(byNew.map((w) => w.id)).toEqual(
      [...waves].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : -1)).map((w) => w.id),
    );
    const byTop = (await list('sort=top&limit=50')).body.items;
    for (let i = 1; i < byTop.length; i++) {
      const [prev, next] = [byTop[i - 1]!, byTop[i]!];
      expect(prev.supporters > next.supporters || (prev.supporters === next.supporters && prev.id > next.id)).toBe(true);
    }
    // Hot: more activity ranks first among waves of about the same age.
    const byHot = (await list('sort=hot&limit=50')).body.items;
    expect(byHot[0]!.supporters).toBe(3);
  });

  it('filters by tag, status and the viewer’s supports, and marks viewerSupports', async () => {
    const { fan, staff } = await setup();
    const { waves, fans } = await seedList(fan);
    const even = await allPages('sort=new&tag=even');
    expect(even.map((w) => w.title).sort()).toEqual(['Idea number 0', 'Idea number 2', 'Idea number 4', 'Idea number 6']);
    expect(await allPages('sort=new&tag=none')).toEqual([]);

    await staffPost(waves[3]!.id, 'status', staff, { status: 'planned', reason: 'On the roadmap' });
    expect((await allPages('sort=top&status=planned')).map((w) => w.id)).toEqual([waves[3]!.id]);

    const mine = await allPages('sort=new&supported=true', fans[2]!);
    // fans[2] supports waves whose i % 4 is 3.
    expect(mine.map((w) => w.id).sort()).toEqual([waves[3]!.id].sort());
    expect(mine.every((w) => w.viewerSupports)).toBe(true);
    const seenByFan = await allPages('sort=new', fans[0]!);
    expect(seenByFan.filter((w) => w.viewerSupports)).toHaveLength(5);
    expect((await list('sort=new&supported=true')).status).toBe(401);
  });

  it('answers 400 for a cursor it did not make or one of another sort', async () => {
    const { fan } = await setup();
    await seedList(fan);
    const page = await list('sort=new&limit=2');
    for (const cursor of ['garbage', Buffer.from('[1,2]').toString('base64url'), page.body.nextCursor!]) {
      const res = await list(`sort=top&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { field: 'cursor' } });
    }
  });
});

describe('support', () => {
  it('counts one support per person, over REST and sockets, and refuses anonymous visitors', async () => {
    const { fan, staff } = await setup();
    const wave = await createWave(fan, { title: 'Kickstand for kids' });
    expect((await support(wave.id, fan)).body).toEqual({ waveId: wave.id, supporters: 1, supported: true });
    expect((await support(wave.id, fan)).body).toEqual({ waveId: wave.id, supporters: 1, supported: true });
    expect((await api(server, 'PUT', `/api/v1/waves/${wave.id}/support`)).status).toBe(401);
    expect((await api(server, 'PUT', '/api/v1/waves/doesnotexist/support', { token: fan.token })).status).toBe(404);

    await staffPost(wave.id, 'lock', staff, { locked: true });
    const socket = await connected(connectSocket(server, { token: staff.token }));
    const ack = await socket.emitWithAck('support:set', { waveId: wave.id, support: true, idempotencyKey: 'support-0000001' });
    expect(ack).toEqual({ ok: true, data: { waveId: wave.id, supporters: 2, supported: true } });
    const retried = await socket.emitWithAck('support:set', { waveId: wave.id, support: true, idempotencyKey: 'support-0000001' });
    expect(retried).toEqual({ ok: true, data: { waveId: wave.id, supporters: 2, supported: true } });
    const head = await server.app.streams.head(`space:${wave.spaceId}`);
    expect((await support(wave.id, fan, false)).body).toEqual({ waveId: wave.id, supporters: 1, supported: false });
    expect(await server.app.streams.head(`space:${wave.spaceId}`)).toBe(head + 1);

    const anonymous = await connected(connectSocket(server));
    const refused = await anonymous.emitWithAck('support:set', { waveId: wave.id, support: true, idempotencyKey: 'support-0000002' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('stays exact under 50 fans toggling at once over their own sockets', async () => {
    const { fan, space } = await setup();
    const wave = await createWave(fan, { title: 'Wider tyres' });
    const watcher = await connected(connectSocket(server, { token: fan.token }));
    const events = listen(watcher);
    await subscribe(watcher, `wave:${wave.id}`);

    const people = await Promise.all(Array.from({ length: 50 }, () => makePerson(server.deps)));
    const sockets = await Promise.all(people.map((p) => connected(connectSocket(server, { token: p.token }))));
    let key = 0;
    await Promise.all(
      sockets.map(async (socket) => {
        for (let round = 0; round < 4; round++) {
          const res = await socket.emitWithAck('support:set', {
            waveId: wave.id,
            support: Math.random() < 0.5,
            idempotencyKey: `toggle-${++key}-${round}-xxxx`,
          });
          expect(res.ok).toBe(true);
        }
      }),
    );

    const rows = await server.db.kysely
      .selectFrom('wave_supports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wave_id', '=', wave.id)
      .executeTakeFirstOrThrow();
    const detail = (await getWave(wave.id)).body;
    expect(detail.supporters).toBe(Number(rows.n));
    await eventually(() => {
      const counts = events.filter((e) => e.type === 'wave:counts');
      expect(counts).toHaveLength(200);
      expect(counts.at(-1)!.data).toMatchObject({ waveId: wave.id, supporters: Number(rows.n) });
    });
    const listed = (await list('sort=top')).body.items.find((w) => w.id === wave.id)!;
    expect(listed.supporters).toBe(Number(rows.n));
    expect(space.id).toBe(wave.spaceId);
  });
});

describe('staff actions', () => {
  it('changes status with a public reason, keeps the history in order, audits it and announces it', async () => {
    const { fan, staff, space } = await setup();
    const wave = await createWave(fan, { title: 'Dynamo hub option' });
    const socket = await connected(connectSocket(server, { token: fan.token }));
    const events = listen(socket);
    await subscribe(socket, `wave:${wave.id}`);
    await subscribe(socket, `space:${space.id}`);

    expect((await staffPost(wave.id, 'status', fan, { status: 'planned', reason: 'Nope' })).status).toBe(403);
    expect((await api(server, 'POST', `/api/v1/waves/${wave.id}/status`, { body: { status: 'planned', reason: 'x' } })).status).toBe(401);
    const merged = await staffPost(wave.id, 'status', staff, { status: 'merged', reason: 'Sneaky' });
    expect(merged.status).toBe(400);
    expect(merged.body).toMatchObject({ error: { field: 'status' } });
    expect((await staffPost(wave.id, 'status', staff, { status: 'planned', reason: '  ' })).body).toMatchObject({ error: { field: 'reason' } });

    await staffPost(wave.id, 'status', staff, { status: 'under-review', reason: 'Looking at it' });
    const planned = await staffPost(wave.id, 'status', staff, { status: 'planned', reason: 'Coming in spring' });
    expect(planned.status).toBe(200);
    expect(planned.body.status).toBe('planned');
    expect(planned.body.statusHistory.map((c) => [c.from, c.to, c.reason])).toEqual([
      [null, 'open', 'Started'],
      ['open', 'under-review', 'Looking at it'],
      ['under-review', 'planned', 'Coming in spring'],
    ]);
    expect(planned.body.statusHistory[2]!.actor).toEqual({ id: staff.id, displayName: 'Dana Staff' });

    const audit = await api(server, 'GET', `/api/v1/spaces/acme/audit?action=wave.status.change`, { token: staff.token });
    expect(audit.body).toHaveLength(2);
    expect(audit.body[0]).toMatchObject({
      actorId: staff.id,
      targetType: 'wave',
      targetId: wave.id,
      before: { status: 'under-review' },
      after: { status: 'planned', reason: 'Coming in spring' },
    });

    await eventually(() => {
      const changes = events.filter((e) => e.type === 'wave:status-changed');
      expect(changes.map((e) => e.stream)).toEqual([`wave:${wave.id}`, `space:${space.id}`, `wave:${wave.id}`, `space:${space.id}`]);
      expect(changes.at(-1)!.data).toMatchObject({ waveId: wave.id, status: 'planned', change: { reason: 'Coming in spring' } });
    });
  });

  it('merges a duplicate: supports move without double counting, blips move, the old wave is merged', async () => {
    const { fan, staff, space } = await setup();
    const [both, onlySource] = [fan, await signUp(server, 'Kenji')];
    const target = await createWave(fan, { title: 'Rear rack with straps' });
    const source = await createWave(onlySource, { title: 'Rack with bungee straps' });
    await support(target.id, both);
    await support(source.id, both);
    await support(source.id, onlySource);
    const top = await insertBlip(source.id, onlySource.id);
    const reply = await insertBlip(source.id, fan.id, top);
    await staffPost(source.id, 'pin', staff, { blipId: top });

    const socket = await connected(connectSocket(server, { token: fan.token }));
    const events = listen(socket);
    await subscribe(socket, `wave:${source.id}`);
    await subscribe(socket, `wave:${target.id}`);

    expect((await staffPost(source.id, 'merge', fan, { into: target.id, reason: 'Same idea' })).status).toBe(403);
    expect((await staffPost(source.id, 'merge', staff, { into: source.id, reason: 'Same idea' })).body).toMatchObject({
      error: { code: 'INVALID_INPUT', field: 'into' },
    });
    const elsewhere = await makeSpace(server, 'elsewhere');
    const foreign = await createWave(fan, { title: 'Somewhere else' }, elsewhere.slug);
    expect((await staffPost(source.id, 'merge', staff, { into: foreign.id, reason: 'Same idea' })).status).toBe(400);

    const res = await staffPost(source.id, 'merge', staff, { into: target.id, reason: 'Same idea as the rack wave' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'merged', mergedInto: target.id, supporters: 0, replies: 0, pinnedBlipId: null });
    // The merged wave is a signpost now: nobody edits its document, staff included.
    expect(res.body.viewerCanEdit).toBe(false);
    expect((await getWave(source.id, fan)).body.viewerCanEdit).toBe(false);
    expect(res.body.statusHistory.at(-1)).toMatchObject({ from: 'open', to: 'merged', reason: 'Same idea as the rack wave' });
    const after = (await getWave(target.id, fan)).body;
    expect(after).toMatchObject({ supporters: 2, replies: 2, viewerSupports: true });
    // Kenji wrote the source's document and a blip; Ana wrote the target and a blip: two people.
    expect(after.contributors).toBe(2);
    const blips = await server.db.kysely.selectFrom('blips').select(['id', 'wave_id', 'parent_id']).orderBy('created_at').execute();
    expect(blips).toEqual([
      { id: top, wave_id: target.id, parent_id: null },
      { id: reply, wave_id: target.id, parent_id: top },
    ]);

    expect((await staffPost(source.id, 'merge', staff, { into: target.id, reason: 'Again' })).status).toBe(400);
    expect((await support(source.id, fan)).status).toBe(400);
    expect((await list('sort=new')).body.items.map((w) => w.id)).toEqual([target.id]);
    expect((await list('sort=new&status=merged')).body.items.map((w) => w.id)).toEqual([source.id]);
    const audit = await api(server, 'GET', `/api/v1/spaces/acme/audit?action=wave.merge`, { token: staff.token });
    expect(audit.body[0]).toMatchObject({ targetId: source.id, after: { mergedInto: target.id, status: 'merged' } });

    await eventually(() => {
      expect(events.find((e) => e.type === 'wave:updated' && e.stream === `wave:${source.id}`)?.data).toEqual({
        waveId: source.id,
        mergedInto: target.id,
        pinnedBlipId: null,
      });
      expect(events.find((e) => e.type === 'wave:status-changed')?.data).toMatchObject({ waveId: source.id, status: 'merged' });
      expect(events.filter((e) => e.type === 'wave:counts' && e.stream === `wave:${target.id}`).at(-1)?.data).toMatchObject({
        supporters: 2,
        replies: 2,
      });
    });
    expect(space.id).toBe(target.spaceId);
  });

  it('pins a blip of the wave and unpins it', async () => {
    const { fan, staff } = await setup();
    const wave = await createWave(fan, { title: 'Mudguards that fit' });
    const other = await createWave(fan, { title: 'Another idea' });
    const blip = await insertBlip(wave.id, fan.id);
    const elsewhere = await insertBlip(other.id, fan.id);
    const socket = await connected(connectSocket(server, { token: fan.token }));
    const events = listen(socket);
    await subscribe(socket, `wave:${wave.id}`);

    expect((await staffPost(wave.id, 'pin', fan, { blipId: blip })).status).toBe(403);
    expect((await staffPost(wave.id, 'pin', staff, { blipId: elsewhere })).body).toMatchObject({ error: { field: 'blipId' } });
    expect((await staffPost(wave.id, 'pin', staff, { blipId: blip })).body.pinnedBlipId).toBe(blip);
    expect((await getWave(wave.id)).body.pinnedBlipId).toBe(blip);
    expect((await staffPost(wave.id, 'pin', staff, { blipId: null })).body.pinnedBlipId).toBeNull();
    await eventually(() =>
      expect(events.filter((e) => e.type === 'wave:updated').map((e) => e.data)).toEqual([
        { waveId: wave.id, pinnedBlipId: blip },
        { waveId: wave.id, pinnedBlipId: null },
      ]),
    );
    const audit = await api(server, 'GET', `/api/v1/spaces/acme/audit?targetType=wave`, { token: staff.token });
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['wave.unpin', 'wave.pin']);
  });

  it('locks the document under a live fan editor: nothing stored or relayed until it is unlocked', async () => {
    const { fan, staff } = await setup();
    const wave = await createWave(fan, { title: 'Lockable idea', draft: 'First words.' });
    const fanEditor = openProvider(server, wave.docName, fan.token);
    const staffEditor = openProvider(server, wave.docName, staff.token);
    await Promise.all([synced(fanEditor), synced(staffEditor)]);
    typeInto(fanEditor, 'Before the lock.');
    await eventually(() => expect(plainText(staffEditor.doc)).toContain('Before the lock.'));
    const stored = await updateCount(wave.docName);

    const locked = await staffPost(wave.id, 'lock', staff, { locked: true });
    expect(locked.body).toMatchObject({ locked: true, viewerCanEdit: true });
    expect((await getWave(wave.id, fan)).body.viewerCanEdit).toBe(false);
    typeInto(fanEditor, 'During the lock.');
    // The same socket's awareness is handled after its edit: once staff see it, the edit was dropped.
    fanEditor.awareness.setLocalStateField('user', { name: 'ana' });
    await eventually(() =>
      expect([...staffEditor.awareness.getStates().values()].some((s) => s.user?.name === 'ana')).toBe(true),
    );
    expect(plainText(staffEditor.doc)).not.toContain('During the lock.');
    expect(await updateCount(wave.docName)).toBe(stored);
    typeInto(staffEditor, 'Staff may still write.');
    await eventually(() => expect(plainText(fanEditor.doc)).toContain('Staff may still write.'));

    const audit = await api(server, 'GET', `/api/v1/spaces/acme/audit?action=wave.lock`, { token: staff.token });
    expect(audit.body[0]).toMatchObject({ before: { locked: false }, after: { locked: true } });

    await staffPost(wave.id, 'lock', staff, { locked: false });
    typeInto(fanEditor, 'After the unlock.');
    await eventually(() => expect(plainText(staffEditor.doc)).toContain('After the unlock.'));
    expect(await updateCount(wave.docName)).toBeGreaterThan(stored + 1);
    expect(fanEditor.wsconnected).toBe(true);
  });

  it('refuses a fan who opens a locked document for writing, and serves it read-only', async () => {
    const { fan, staff } = await setup();
    const wave = await createWave(fan, { title: 'Already locked', draft: 'Original.' });
    await staffPost(wave.id, 'lock', staff, { locked: true });
    const reader = openProvider(server, wave.docName, fan.token);
    await eventually(() => expect(plainText(reader.doc)).toBe('Original.'));
    typeInto(reader, 'Sneaky edit.');
    reader.awareness.setLocalStateField('user', { name: 'ana' });
    const watcher = openProvider(server, wave.docName, staff.token);
    await eventually(() => expect([...watcher.awareness.getStates().values()].some((s) => s.user?.name === 'ana')).toBe(true));
    expect(plainText(watcher.doc)).toBe('Original.');
    expect(await updateCount(wave.docName)).toBe(1);
  });
});

describe('the idea document', () => {
  it('converges two editors and credits both of them', async () => {
    const { fan, staff } = await setup();
    const kenji = await signUp(server, 'Kenji');
    const wave = await createWave(fan, { title: 'Shared idea', draft: 'Start.' });
    const a = openProvider(server, wave.docName, kenji.token);
    const b = openProvider(server, wave.docName, staff.token);
    await Promise.all([synced(a), synced(b)]);
    typeInto(a, 'Kenji writes this.');
    typeInto(b, 'Dana adds that.');
    await eventually(() => {
      expect(plainText(a.doc)).toBe(plainText(b.doc));
      expect(plainText(a.doc)).toContain('Kenji writes this.');
      expect(plainText(a.doc)).toContain('Dana adds that.');
    });

    await eventually(async () => {
      const contributors = (await api(server, 'GET', `/api/v1/waves/${wave.id}/contributors`)).body;
      expect(contributors).toHaveLength(3);
      const byId = new Map(contributors.map((c: { person: { id: string } }) => [c.person.id, c]));
      expect(byId.get(kenji.id)).toMatchObject({ documentChars: 'Kenji writes this.'.length, blips: 0 });
      expect(byId.get(staff.id)).toMatchObject({ documentChars: 'Dana adds that.'.length });
      expect(byId.get(fan.id)).toMatchObject({ documentChars: 'Start.'.length, documentEdits: 1 });
      expect((await getWave(wave.id)).body.contributors).toBe(3);
    });
    // First edits made Kenji a member: he can be @mentioned now.
    const people = await api(server, 'GET', '/api/v1/spaces/acme/people?q=ken', { token: fan.token });
    expect(people.body).toEqual([{ id: kenji.id, displayName: 'Kenji' }]);
  });
});

describe('people', () => {
  it('finds members by name for @mentions, names starting with the text first', async () => {
    const { fan, space } = await setup();
    const anders = await signUp(server, 'Anders Berg');
    const joanna = await signUp(server, 'Joanna Andersen');
    const outsider = await signUp(server, 'Andy Outside');
    await grant(server, space, anders, 'fan');
    await grant(server, space, joanna, 'fan');
    await grant(server, await makeSpace(server, 'other'), outsider, 'fan');
    const res = await api(server, 'GET', '/api/v1/spaces/acme/people?q=AND', { token: fan.token });
    expect(res.body.map((p: { displayName: string }) => p.displayName)).toEqual(['Anders Berg', 'Joanna Andersen']);
    expect((await api(server, 'GET', '/api/v1/spaces/acme/people?q=%25', { token: fan.token })).body).toEqual([]);
    expect((await api(server, 'GET', '/api/v1/spaces/acme/people?q=an')).status).toBe(401);
  });
});
