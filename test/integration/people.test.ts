import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { QueueItem } from '../../shared/schemas/moderation.js';
import type { NotificationPage } from '../../shared/schemas/notifications.js';
import type {
  DataExport,
  DirectoryPage,
  FanCard,
  MyProfile,
  Note,
  NoteRevision,
  Profile,
  PromiseItem,
  Spotlight,
} from '../../shared/schemas/people.js';
import type { StreamEvent, SubscribeResult } from '../../shared/schemas/streams.js';
import type { Blip, Contributor, WaveDetail } from '../../shared/schemas/waves.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
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

let keys = 0;
const key = () => `people-key-${++keys}-${Date.now()}`;
type Who = Pick<TestUser, 'id' | 'token'>;

const get = <T = any>(who: Who | null, path: string) => api<T>(server, 'GET', `/api/v1${path}`, who ? { token: who.token } : {});
const send = <T = any>(who: Who, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  api<T>(server, method, `/api/v1${path}`, { token: who.token, body, headers });

const post = (who: Who, waveId: string, body: string, parentId?: string) =>
  send<Blip>(who, 'POST', `/waves/${waveId}/blips`, { body, ...(parentId ? { parentId } : {}) }, { 'idempotency-key': key() });

async function setup() {
  const space = await makeSpace(server, 'lumen');
  const other = await makeSpace(server, 'elsewhere');
  const [ana, kenji, dana, mara, olu] = await Promise.all(
    ['Ana Souza', 'Kenji Watanabe', 'Dana Okafor', 'Mara Lindqvist', 'Olu Otherstaff'].map((n) => signUp(server, n)),
  );
  await grant(server, space, ana!, 'fan');
  await grant(server, space, kenji!, 'fan');
  await grant(server, space, dana!, 'staff');
  await grant(server, space, mara!, 'admin');
  // Olu is staff of another space, and a plain fan here.
  await grant(server, other, olu!, 'staff');
  await grant(server, other, ana!, 'fan');
  return { space, other, ana: ana!, kenji: kenji!, dana: dana!, mara: mara!, olu: olu! };
}

async function wave(who: Who, title: string, draft = 'A first draft.') {
  const res = await send<WaveDetail>(who, 'POST', '/spaces/lumen/waves', { title, draft });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('profiles', () => {
  it('shows the public part of a member: bio, interests, what they started, shaped, supported, tables; never notes', async () => {
    const { ana, kenji, dana } = await setup();
    const patched = await send<MyProfile>(ana, 'PATCH', '/me/profile', { bio: 'Rides to work in all weather.', interests: ['rain gear', 'Cargo', 'cargo'] });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ bio: 'Rides to work in all weather.', interests: ['rain gear', 'cargo'], pending: { bio: null, displayName: null } });

    const started = await wave(ana, 'Rain-proof cargo cover');
    const shaped = await wave(kenji, 'Folding pedals');
    expect((await post(ana, shaped.id, 'I would love these on the train.')).status).toBe(201);
    expect((await send(ana, 'PUT', `/waves/${shaped.id}/support`)).status).toBe(200);
    const table = await send(ana, 'POST', '/spaces/lumen/tables', { topic: 'Winter commuting' });
    expect(table.status).toBe(201);
    await send(dana, 'POST', `/spaces/lumen/people/${ana.id}/notes`, { text: 'Secret: wants a job here' });

    // Anyone who may read the (public) space: anonymous visitors too.
    const res = await get<Profile>(null, `/spaces/lumen/people/${ana.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      person: { id: ana.id, displayName: 'Ana Souza' },
      bio: 'Rides to work in all weather.',
      interests: ['rain gear', 'cargo'],
      role: 'fan',
      started: [{ id: started.id, title: 'Rain-proof cargo cover', status: 'open' }],
      shaped: [{ id: shaped.id, title: 'Folding pedals', document: false, blips: 1, table: false }],
      supported: [{ id: shaped.id }],
      tables: [{ id: table.body.id, topic: 'Winter commuting', hosted: true, closed: false }],
      spotlights: [],
      credits: [],
      pending: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('Secret');
    expect(res.body).not.toHaveProperty('notes');

    // Someone who is not a member of the space: 404, as an unknown id.
    const outsider = await signUp(server, 'Not A Member');
    expect((await get(null, `/spaces/lumen/people/${outsider.id}`)).status).toBe(404);
    expect((await get(null, `/spaces/lumen/people/AAAAAAAAAAAAAAAA`)).status).toBe(404);
  });

  it('holds a linky bio from a newcomer for review: the old bio stays public until staff approve', async () => {
    const { ana, dana } = await setup();
    await send(ana, 'PATCH', '/me/profile', { bio: 'Rides to work.' });
    const staffSocket = await connected(connectSocket(server, { token: dana.token }));
    const live: StreamEvent[] = [];
    staffSocket.on('stream:event', (e) => live.push(e));
    const { space } = { space: await server.db.kysely.selectFrom('spaces').select('id').where('slug', '=', 'lumen').executeTakeFirstOrThrow() };
    const sub = (await staffSocket.emitWithAck('stream:subscribe', { stream: `staff:${space.id}` })) as Result<SubscribeResult>;
    expect(sub.ok).toBe(true);

    const linky = 'I ride every day, my photos are at https://photos.example/ana';
    const res = await send<MyProfile>(ana, 'PATCH', '/me/profile', { bio: linky });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ bio: 'Rides to work.', pending: { bio: linky } });

    // The public profile keeps the approved bio; the author (and staff) see what waits.
    expect((await get<Profile>(null, `/spaces/lumen/people/${ana.id}`)).body).toMatchObject({ bio: 'Rides to work.', pending: null });
    expect((await get<Profile>(ana, `/spaces/lumen/people/${ana.id}`)).body.pending).toEqual({ bio: linky, displayName: null });
    expect((await get<{ user: { bio: string } }>(ana, '/me')).body.user.bio).toBe('Rides to work.');

    const held = await get<{ items: QueueItem[] }>(dana, '/spaces/lumen/moderation/queue?tab=held');
    const item = held.body.items.find((i) => i.kind === 'bio')!;
    expect(item).toMatchObject({ body: linky, author: { id: ana.id }, context: { title: 'Bio of Ana Souza', href: `/s/lumen/people/${ana.id}` } });
    expect(item.reasons.map((r) => r.rule)).toContain('new-author-link');
    await eventually(() => expect(live.some((e) => e.type === 'moderation:item' && e.data.item.id === item.id)).toBe(true));

    const approved = await send(dana, 'POST', `/spaces/lumen/moderation/items/${item.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await get<Profile>(null, `/spaces/lumen/people/${ana.id}`)).body.bio).toBe(linky);
    expect((await get<MyProfile>(ana, '/me/profile')).body.pending).toEqual({ bio: null, displayName: null });
    const inbox = await get<NotificationPage>(ana, '/me/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'moderation', status: 'approved', link: `/s/lumen/people/${ana.id}` });
  });

  it('a rejected display name never shows; a shop-like name from a newcomer waits; too long a bio is refused', async () => {
    const { ana, dana, olu } = await setup();
    const res = await send<MyProfile>(ana, 'PATCH', '/me/profile', { displayName: 'Buy cheap watches' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Ana Souza', pending: { displayName: 'Buy cheap watches' } });
    const item = (await get<{ items: QueueItem[] }>(dana, '/spaces/lumen/moderation/queue?tab=held')).body.items.find((i) => i.kind === 'display-name')!;
    expect(item.reasons.map((r) => r.rule)).toContain('promotional-name');
    // Ana is also a member of another space: the same name waits in its queue too.
    const heldElsewhere = () => get<{ items: QueueItem[] }>(olu, '/spaces/elsewhere/moderation/queue?tab=held');
    expect((await heldElsewhere()).body.items.map((i) => i.kind)).toEqual(['display-name']);
    expect((await send(dana, 'POST', `/spaces/lumen/moderation/items/${item.id}/reject`, { reason: 'Not a name' })).status).toBe(200);
    // Decided once for every space.
    expect((await heldElsewhere()).body.items).toEqual([]);
    expect((await get<MyProfile>(ana, '/me/profile')).body).toMatchObject({ displayName: 'Ana Souza', pending: { displayName: null } });

    const long = await send(ana, 'PATCH', '/me/profile', { bio: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('bio');
    const many = await send(ana, 'PATCH', '/me/profile', { interests: Array.from({ length: 11 }, (_, i) => `topic ${i}`) });
    expect(many.status).toBe(400);
    // Someone in no space yet has nowhere for a bio to be reviewed.
    const newcomer = await signUp(server, 'New Comer');
    expect((await send(newcomer, 'PATCH', '/me/profile', { bio: 'Hello' })).status).toBe(403);
    expect((await send<MyProfile>(newcomer, 'PATCH', '/me/profile', { interests: ['gravel'] })).body.interests).toEqual(['gravel']);
    // A plain bio from the same person goes straight through.
    expect((await send<MyProfile>(ana, 'PATCH', '/me/profile', { bio: 'Teaches her kids to ride.' })).body.bio).toBe('Teaches her kids to ride.');
  });
});

describe('fan cards and notes', () => {
  it('shows notes to staff of the space only: not to the fan, not to staff of another space', async () => {
    const { ana, kenji, dana, mara, olu } = await setup();
    const created = await send<Note>(dana, 'POST', `/spaces/lumen/people/${ana.id}/notes`, { text: 'Cares about rain covers; ask her about kids seats' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ personId: ana.id, author: { id: dana.id }, promise: null, viewerIsAuthor: true, editedAt: null });

    // Staff of the space: yes (another staff member included).
    const card = await get<FanCard>(mara, `/spaces/lumen/people/${ana.id}/card`);
    expect(card.status, JSON.stringify(card.body)).toBe(200);
    expect(card.body.notes).toMatchObject([{ id: created.body.id, text: created.body.text, viewerIsAuthor: false }]);
    expect((await get<Note[]>(mara, `/spaces/lumen/people/${ana.id}/notes`)).body).toHaveLength(1);
    expect((await get(mara, `/notes/${created.body.id}`)).status).toBe(200);

    // The fan herself, another fan, and staff of another space: no.
    for (const who of [ana, kenji, olu]) {
      expect((await get(who, `/spaces/lumen/people/${ana.id}/card`)).status).toBe(403);
      expect((await get(who, `/spaces/lumen/people/${ana.id}/notes`)).status).toBe(403);
      expect((await get(who, `/notes/${created.body.id}`)).status).toBe(404);
      expect((await get(who, `/notes/${created.body.id}/history`)).status).toBe(404);
      expect((await send(who, 'PATCH', `/notes/${created.body.id}`, { promise: { status: 'done' } })).status).toBe(404);
      expect((await get(who, '/spaces/lumen/promises')).status).toBe(403);
      const profile = await get(who, `/spaces/lumen/people/${ana.id}`);
      expect(JSON.stringify(profile.body)).not.toContain('rain covers');
    }
    // Staff of the other space see nothing of Lumen's notes through their own space either.
    expect((await get(olu, `/spaces/elsewhere/people/${ana.id}/card`)).body.notes).toEqual([]);
    expect((await get(olu, '/spaces/elsewhere/promises?status=all')).body).toEqual([]);
    expect((await send(olu, 'POST', `/spaces/lumen/people/${ana.id}/notes`, { text: 'x' })).status).toBe(403);
    // Anonymous: 401.
    expect((await get(null, `/spaces/lumen/people/${ana.id}/card`)).status).toBe(401);
    // Notes only about members.
    const outsider = await signUp(server, 'Outsider');
    expect((await send(dana, 'POST', `/spaces/lumen/people/${outsider.id}/notes`, { text: 'x' })).status).toBe(404);
  });

  it('lets only the author edit a note’s text, and keeps every version', async () => {
    const { ana, dana, mara } = await setup();
    const note = (await send<Note>(dana, 'POST', `/spaces/lumen/people/${ana.id}/notes`, { text: 'Likes gravel' })).body;
    const edited = await send<Note>(dana, 'PATCH', `/notes/${note.id}`, { text: 'Likes gravel and night rides' });
    expect(edited.status).toBe(200);
    expect(edited.body.text).toBe('Likes gravel and night rides');
    expect(edited.body.editedAt).not.toBeNull();

    const refused = await send(mara, 'PATCH', `/notes/${note.id}`, { text: 'Overwritten by Mara' });
    expect(refused.status).toBe(403);
    expect((await get<Note>(mara, `/notes/${note.id}`)).body.text).toBe('Likes gravel and night rides');

    const history = await get<NoteRevision[]>(mara, `/notes/${note.id}/history`);
    expect(history.body.map((r) => r.text)).toEqual(['Likes gravel', 'Likes gravel and night rides']);
    expect(history.body.every((r) => r.by?.id === dana.id)).toBe(true);

    const audit = await get<{ action: string; after: any }[]>(mara, '/spaces/lumen/audit?targetType=user');
    expect(audit.body.map((e) => e.action)).toEqual(expect.arrayContaining(['person.note.create', 'person.note.edit']));
    // The audit log names the note, not its text.
    expect(JSON.stringify(audit.body)).not.toContain('gravel');
  });

  it('lists open promises overdue first, and any staff member can close them', async () => {
    const { ana, kenji, dana, mara } = await setup();
    const later = (await send<Note>(dana, 'POST', `/spaces/lumen/people/${ana.id}/notes`, { text: 'Send her the new light', promise: { due: '2999-01-01' } })).body;
    const overdue = (await send<Note>(dana, 'POST', `/spaces/lumen/people/${kenji.id}/notes`, { text: "I'll ask the design team", promise: { due: '2020-01-01' } })).body;
    const undated = (await send<Note>(mara, 'POST', `/spaces/lumen/people/${kenji.id}/notes`, { text: 'Invite to host a table', promise: {} })).body;
    await send(dana, 'POST', `/spaces/lumen/people/${kenji.id}/notes`, { text: 'Just a note' });
    expect(overdue.promise).toMatchObject({ status: 'open', due: '2020-01-01', doneAt: null });

    const open = await get<PromiseItem[]>(dana, '/spaces/lumen/promises?status=open');
    expect(open.status).toBe(200);
    expect(open.body.map((p) => p.note.id)).toEqual([overdue.id, later.id, undated.id]);
    expect(open.body.map((p) => p.overdue)).toEqual([true, false, false]);
    expect(open.body[0]!.person).toEqual({ id: kenji.id, displayName: 'Kenji Watanabe' });

    // Mara closes Dana's promise.
    const closed = await send<Note>(mara, 'PATCH', `/notes/${overdue.id}`, { promise: { status: 'done' } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.promise).toMatchObject({ status: 'done', due: '2020-01-01', doneBy: { id: mara.id } });
    expect(closed.body.text).toBe("I'll ask the design team");
    expect((await get<PromiseItem[]>(dana, '/spaces/lumen/promises')).body.map((p) => p.note.id)).toEqual([later.id, undated.id]);
    expect((await get<PromiseItem[]>(dana, '/spaces/lumen/promises?status=done')).body.map((p) => p.note.id)).toEqual([overdue.id]);
    const history = await get<NoteRevision[]>(dana, `/notes/${overdue.id}/history`);
    expect(history.body.map((r) => r.promise?.status)).toEqual(['open', 'done']);
    expect(history.body[1]!.by?.id).toBe(mara.id);

    // The card shows counts of notes in the directory.
    const directory = await get<DirectoryPage>(dana, '/spaces/lumen/directory?q=ken');
    expect(directory.body.items).toMatchObject([{ person: { id: kenji.id }, notes: 3, openPromises: 1 }]);
  });
});

describe('the staff directory and fan card', () => {
  it('lists members by name with search and pages, and a card with counts, conversations and moderation history', async () => {
    const { ana, kenji, dana } = await setup();
    const idea = await wave(ana, 'Rain-proof cargo cover');
    const first = await post(ana, idea.id, 'Should it fold flat?');
    await post(dana, idea.id, 'We are looking into it!', first.body.id);
    await post(ana, idea.id, 'Visit https://example.com/cover for the sketch');
    const table = await send(ana, 'POST', '/spaces/lumen/tables', { topic: 'Rainy rides' });
    expect((await send(dana, 'POST', `/tables/${table.body.id}/seat`)).status).toBe(200);

    const card = await get<FanCard>(dana, `/spaces/lumen/people/${ana.id}/card`);
    expect(card.status, JSON.stringify(card.body)).toBe(200);
    expect(card.body.counts).toMatchObject({ wavesStarted: 1, blips: 1, tablesHosted: 1, tablesSatAt: 1, ideasShipped: 0 });
    expect(card.body.conversations.map((c) => c.kind).sort()).toEqual(['reply', 'table']);
    expect(card.body.conversations.find((c) => c.kind === 'reply')).toMatchObject({
      staff: [{ id: dana.id }],
      title: 'Rain-proof cargo cover',
      excerpt: 'We are looking into it!',
    });
    expect(card.body.conversations.find((c) => c.kind === 'table')).toMatchObject({ title: 'Rainy rides', href: `/s/lumen/tables/${table.body.id}` });
    expect(card.body.moderation.items.some((i) => i.status === 'held' && i.kind === 'blip')).toBe(true);

    const page1 = await get<DirectoryPage>(dana, '/spaces/lumen/directory?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((i) => i.person.displayName)).toEqual(['Ana Souza', 'Dana Okafor']);
    const page2 = await get<DirectoryPage>(dana, `/spaces/lumen/directory?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((i) => i.person.displayName)).toEqual(['Kenji Watanabe', 'Mara Lindqvist']);
    expect(page2.body.nextCursor).toBeNull();
    expect(page1.body.items[0]).toMatchObject({ role: 'fan', counts: { wavesStarted: 1, blips: 1, tablesSatAt: 1 } });
    expect((await get(kenji, '/spaces/lumen/directory')).status).toBe(403);
    expect((await get(dana, '/spaces/lumen/directory?cursor=nonsense')).status).toBe(400);
  });
});

describe('spotlights', () => {
  it('stores a spotlight, shows it on the profile and the space stream, and notifies the person', async () => {
    const { ana, kenji, dana, space } = await setup();
    const idea = await wave(ana, 'Rain-proof cargo cover');
    const watcher = await connected(connectSocket(server, { token: kenji.token }));
    const events: StreamEvent[] = [];
    watcher.on('stream:event', (e) => events.push(e));
    expect(((await watcher.emitWithAck('stream:subscribe', { stream: `space:${space.id}` })) as Result<SubscribeResult>).ok).toBe(true);
    const anaSocket = await connected(connectSocket(server, { token: ana.token }));
    const pushed: unknown[] = [];
    anaSocket.on('notification:new', (n) => pushed.push(n));

    const idem = key();
    const res = await send<Spotlight>(dana, 'POST', `/spaces/lumen/people/${ana.id}/spotlight`, { text: 'Thank you for the cargo cover idea!', waveId: idea.id }, { 'idempotency-key': idem });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ person: { id: ana.id }, by: { id: dana.id }, text: 'Thank you for the cargo cover idea!', wave: { id: idea.id } });
    const again = await send<Spotlight>(dana, 'POST', `/spaces/lumen/people/${ana.id}/spotlight`, { text: 'Thank you for the cargo cover idea!', waveId: idea.id }, { 'idempotency-key': idem });
    expect(again.body.id).toBe(res.body.id);

    expect((await get<Profile>(null, `/spaces/lumen/people/${ana.id}`)).body.spotlights).toMatchObject([{ id: res.body.id }]);
    expect((await get<Spotlight[]>(null, '/spaces/lumen/spotlights')).body.map((s) => s.id)).toEqual([res.body.id]);
    await eventually(() => expect(events.filter((e) => e.type === 'person:spotlighted')).toHaveLength(1));
    const inbox = await get<NotificationPage>(ana, '/me/notifications');
    expect(inbox.body.items).toMatchObject([{ kind: 'spotlight', waveId: idea.id, actor: { id: dana.id }, excerpt: 'Thank you for the cargo cover idea!' }]);
    await eventually(() => expect(pushed).toHaveLength(1));

    // A thank-you to the person, without a wave, links to their profile.
    await send(dana, 'POST', `/spaces/lumen/people/${ana.id}/spotlight`, { text: 'For welcoming newcomers' });
    expect((await get<NotificationPage>(ana, '/me/notifications')).body.items[0]).toMatchObject({ kind: 'spotlight', link: `/s/lumen/people/${ana.id}` });
    expect((await send(kenji, 'POST', `/spaces/lumen/people/${ana.id}/spotlight`, { text: 'me too' })).status).toBe(403);
    const audit = await get<{ action: string }[]>(dana, '/spaces/lumen/audit?action=person.spotlight');
    expect(audit.body).toHaveLength(2);
  });
});

describe('your data', () => {
  it('exports everything the space stores about the requester as a download, but no staff notes', async () => {
    const { ana, kenji, dana } = await setup();
    const idea = await wave(ana, 'Rain-proof cargo cover', 'Keeps the groceries dry.');
    const other = await wave(kenji, 'Folding pedals');
    const blip = await post(ana, other.id, 'Yes please');
    await send(ana, 'PATCH', `/blips/${blip.body.id}`, { body: 'Yes please, for the train' }, { 'idempotency-key': key() });
    await send(ana, 'PUT', `/waves/${other.id}/support`);
    await send(dana, 'POST', `/spaces/lumen/people/${ana.id}/notes`, { text: 'STAFF-ONLY she was rude once', promise: { due: '2030-01-01' } });
    await send(dana, 'POST', `/spaces/lumen/people/${ana.id}/spotlight`, { text: 'Great idea' });

    const res = await get<DataExport>(ana, '/me/export?space=lumen');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="commonplace-lumen-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.body;
    expect(data.account).toMatchObject({ id: ana.id, displayName: 'Ana Souza', email: ana.email });
    expect(JSON.stringify(data)).not.toContain('password');
    expect(data.spaces).toHaveLength(1);
    const lumen = data.spaces[0]!;
    expect(lumen.membership).toMatchObject({ role: 'fan' });
    expect(lumen.waves.map((w) => w.id)).toEqual([idea.id]);
    expect(lumen.blips).toMatchObject([{ id: blip.body.id, body: 'Yes please, for the train', revisions: [{ body: 'Yes please' }] }]);
    expect(lumen.supports).toMatchObject([{ wave: { id: other.id } }]);
    expect(lumen.documentContributions).toMatchObject([{ wave: { id: idea.id } }]);
    expect(lumen.spotlights).toMatchObject([{ text: 'Great idea' }]);
    expect(lumen.notifications.some((n) => n.kind === 'spotlight')).toBe(true);
    expect(lumen.moderation.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain('STAFF-ONLY');
    expect(JSON.stringify(data)).not.toContain('2030-01-01');

    const all = await get<DataExport>(ana, '/me/export');
    expect(all.body.spaces.map((s) => s.space.slug).sort()).toEqual(['elsewhere', 'lumen']);
    expect((await get(null, '/me/export')).status).toBe(401);
  });

  it('forgets a person: their content stays as “Former member”, their account and everything about them is gone', async () => {
    const { ana, kenji, dana, mara } = await setup();
    const idea = await wave(ana, 'Rain-proof cargo cover');
    const kenjiIdea = await wave(kenji, 'Folding pedals');
    const anaBlip = await post(ana, kenjiIdea.id, 'Count me in');
    const kenjiBlip = await post(kenji, kenjiIdea.id, `Thanks <@${ana.id}>`, anaBlip.body.id);
    await send(ana, 'PUT', `/waves/${kenjiIdea.id}/support`);
    const table = await send(ana, 'POST', '/spaces/lumen/tables', { topic: 'Rainy rides' });
    await send(dana, 'POST', `/spaces/lumen/people/${ana.id}/notes`, { text: 'About Ana' });
    await send(dana, 'POST', `/spaces/lumen/people/${ana.id}/spotlight`, { text: 'Thanks Ana' });
    expect((await get<WaveDetail>(kenji, `/waves/${kenjiIdea.id}`)).body.supporters).toBe(1);

    expect((await send(ana, 'POST', '/me/forget', { confirm: 'yes' })).status).toBe(400);
    const res = await send(ana, 'POST', '/me/forget', { confirm: 'forget me' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ anonymized: { waves: 1, blips: 1, tableMessages: 0 } });

    // Signed out everywhere, and the account cannot sign in again.
    expect((await get(ana, '/me')).status).toBe(401);
    const login = await api(server, 'POST', '/api/v1/auth/login', { body: { email: ana.email, password: ana.password } });
    expect(login.status).toBe(401);

    // Their content keeps its place under "Former member".
    const detail = await get<WaveDetail>(kenji, `/waves/${idea.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.author).toEqual({ id: 'former-member', displayName: 'Former member' });
    const blips = (await get<{ items: Blip[] }>(kenji, `/waves/${kenjiIdea.id}/blips`)).body.items;
    expect(blips.find((b) => b.id === anaBlip.body.id)).toMatchObject({ body: 'Count me in', author: { id: 'former-member' } });
    // Others' content is intact.
    expect(blips.find((b) => b.id === kenjiBlip.body.id)).toMatchObject({ author: { id: kenji.id, displayName: 'Kenji Watanabe' } });
    const contributors = (await get<Contributor[]>(kenji, `/waves/${kenjiIdea.id}/contributors`)).body;
    expect(contributors.map((c) => c.person.id)).toEqual([kenji.id]);
    expect((await get<WaveDetail>(kenji, `/waves/${kenjiIdea.id}`)).body.supporters).toBe(0);
    expect((await get(kenji, `/spaces/lumen/people/${kenji.id}`)).status).toBe(200);

    // Nothing about them is left: profile, notes, spotlights, seats; the table gave its seat back.
    expect((await get(dana, `/spaces/lumen/people/${ana.id}`)).status).toBe(404);
    const db = server.db.kysely;
    expect(await db.selectFrom('users').select('id').where('id', '=', ana.id).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('person_notes').select('id').where('person_id', '=', ana.id).execute()).toEqual([]);
    expect(await db.selectFrom('spotlights').select('id').where('user_id', '=', ana.id).execute()).toEqual([]);
    expect(await db.selectFrom('memberships').select('user_id').where('user_id', '=', ana.id).execute()).toEqual([]);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', ana.id).execute()).toEqual([]);
    expect((await db.selectFrom('cafe_tables').select('fan_seats').where('id', '=', table.body.id).executeTakeFirstOrThrow()).fan_seats).toBe(0);
    // The stored stream events no longer name them.
    const events = await db.selectFrom('stream_events').select('payload').where('payload', 'like', '%Ana Souza%').execute();
    expect(events).toEqual([]);
    expect((await get(mara, '/spaces/lumen/promises?status=all')).body).toEqual([]);
  });
});
