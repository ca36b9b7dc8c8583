import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName } from '../../shared/doc-names.js';
import type { Blip, History, Playback } from '../../shared/schemas/waves.js';
import { DocPersistence } from '../../server/collab/persistence.js';
import { plainText, writeParagraphs } from '../../server/collab/rich-text.js';
import type { Clock } from '../../server/lib/clock.js';
import type { SpaceRow } from '../../server/features/spaces/spaces.table.js';
import { closeClients, openProvider } from '../helpers/collab-clients.js';
import { makeSpace, insertWave, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { eventually } from '../helpers/wait.js';

/** Real time, but never the same millisecond twice: "before" and "after" stay unambiguous. */
function strictClock(): Clock {
  let last = 0;
  return {
    now() {
      last = Math.max(Date.now(), last + 1);
      return new Date(last);
    },
  };
}

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ clock: strictClock() });
});
afterEach(async () => {
  closeClients();
  await server.dispose();
});

const makeWave = (space: SpaceRow, author: TestUser) => insertWave(server, space, author, 'Rain-proof cargo cover');

/** A real editor on the document socket; each step resolves with the id of the update the server stored for it. */
async function editor(waveId: string, user: TestUser) {
  const provider = openProvider(server, docName.wave(waveId), user.token);
  await eventually(() => expect(provider.synced).toBe(true));
  const newestId = async () =>
    (
      await server.db.kysely
        .selectFrom('doc_updates')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('doc_name', '=', docName.wave(waveId))
        .executeTakeFirst()
    )?.id ?? 0;
  return {
    doc: provider.doc,
    async write(paragraph: string, expectedBefore: string): Promise<number> {
      await eventually(() => expect(plainText(provider.doc)).toBe(expectedBefore));
      const before = Number(await newestId());
      writeParagraphs(provider.doc, [paragraph]);
      return eventually(async () => {
        const id = Number(await newestId());
        expect(id).toBeGreaterThan(before);
        return id;
      });
    },
  };
}

/** Appends straight to the update log, as the document socket does: for histories too long to type. */
function documentWriter(waveId: string) {
  const persistence = new DocPersistence(server.db.kysely, server.deps.clock);
  const doc = new Y.Doc();
  return {
    doc,
    async write(paragraph: string, author: TestUser): Promise<number> {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      writeParagraphs(doc, [paragraph]);
      return persistence.append(docName.wave(waveId), update!, author.id);
    },
  };
}

const textOf = (playback: Playback) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(playback.state, 'base64'));
  return plainText(doc);
};

const playback = async (waveId: string, updateId: number, token?: string) => {
  const res = await api<Playback>(server, 'GET', `/api/v1/waves/${waveId}/playback?updateId=${updateId}`, { token });
  expect(res.status).toBe(200);
  return res.body;
};

const post = async (user: TestUser, waveId: string, body: object) =>
  (await api<Blip>(server, 'POST', `/api/v1/waves/${waveId}/blips`, { token: user.token, body })).body;

describe('playback', () => {
  it('brings back the document and the thread as they were at any stored update', async () => {
    const space = await makeSpace(server, 'lumen');
    const ana = await signUp(server, 'Ana Souza');
    const kenji = await signUp(server, 'Kenji Watanabe');
    const waveId = await makeWave(space, ana);
    const anaEditor = await editor(waveId, ana);
    const kenjiEditor = await editor(waveId, kenji);
    const lines = ['A rain cover for cargo bikes.', 'It folds into the rack.', 'Reflective stripes on the sides.', 'Ships in spring.'];
    const upTo = (n: number) => lines.slice(0, n).join('\n');

    const first = await anaEditor.write(lines[0]!, upTo(0));
    const love = await post(ana, waveId, { body: 'Love it' });
    const second = await kenjiEditor.write(lines[1]!, upTo(1));
    const question = await post(kenji, waveId, { parentId: love.id, body: 'How heavy would it be?' });
    await api(server, 'PATCH', `/api/v1/blips/${love.id}`, { token: ana.token, body: { body: 'Love it, in red please' } });
    await api(server, 'PUT', `/api/v1/blips/${love.id}/reactions/heart`, { token: kenji.token });
    const third = await anaEditor.write(lines[2]!, upTo(2));
    await api(server, 'DELETE', `/api/v1/blips/${question.id}`, { token: kenji.token });
    const fourth = await kenjiEditor.write(lines[3]!, upTo(3));
    // Snapshots hold only the newest state; playback must not start from one.
    closeClients();
    await eventually(async () => {
      const snapshot = await server.db.kysely.selectFrom('doc_snapshots').select('upto_id').where('doc_name', '=', docName.wave(waveId)).executeTakeFirst();
      expect(snapshot?.upto_id).toBe(fourth);
    });

    const start = await playback(waveId, 0);
    expect(start).toMatchObject({ updateId: 0, at: null, blips: [] });
    expect(textOf(start)).toBe('');

    const atFirst = await playback(waveId, first);
    expect(textOf(atFirst)).toBe(upTo(1));
    expect(atFirst.blips).toEqual([]);

    const atSecond = await playback(waveId, second);
    expect(atSecond.updateId).toBe(second);
    expect(textOf(atSecond)).toBe(upTo(2));
    expect(atSecond.blips.map((b) => [b.id, b.body, b.editedAt, b.reactions])).toEqual([[love.id, 'Love it', null, []]]);

    const atThird = await playback(waveId, third);
    expect(atThird.blips.map((b) => [b.id, b.body, b.deleted])).toEqual([
      [love.id, 'Love it, in red please', false],
      [question.id, 'How heavy would it be?', false],
    ]);
    expect(atThird.blips[0]!.editedAt).not.toBeNull();
    expect(atThird.blips[0]!.reactions).toEqual([{ reaction: 'heart', count: 1, by: [kenji.id] }]);

    const now = await playback(waveId, fourth);
    expect(textOf(now)).toBe(upTo(4));
    expect(now.blips.map((b) => b.id)).toEqual([love.id]);

    const history = await api<History>(server, 'GET', `/api/v1/waves/${waveId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.count).toBeGreaterThanOrEqual(4);
    expect(history.body.marks.at(-1)!.updateId).toBe(fourth);
    const marks = new Map(history.body.marks.map((m) => [m.updateId, m.author?.displayName]));
    expect([first, second, third, fourth].map((id) => marks.get(id))).toEqual(['Ana Souza', 'Kenji Watanabe', 'Ana Souza', 'Kenji Watanabe']);
    expect(history.body.blipTimes).toEqual([love.createdAt, question.createdAt]);
    expect(history.body.marks.filter((m) => m.kind === 'blip').map((m) => [m.at, m.updateId])).toEqual([
      [love.createdAt, first],
      [question.createdAt, second],
    ]);

    // A reply after the last edit is a moment of its own on the slider.
    const late = await post(kenji, waveId, { body: 'Any news on the red one?' });
    const later = (await api<History>(server, 'GET', `/api/v1/waves/${waveId}/history`)).body;
    expect(later.marks.at(-1)).toMatchObject({ kind: 'blip', at: late.createdAt, updateId: fourth, author: { displayName: 'Kenji Watanabe' } });
    const atLate = await api<Playback>(server, 'GET', `/api/v1/waves/${waveId}/playback?updateId=${fourth}&at=${encodeURIComponent(late.createdAt)}`);
    expect(atLate.body.blips.map((b) => b.id)).toEqual([love.id, late.id]);
    expect((await playback(waveId, fourth)).blips.map((b) => b.id)).toEqual([love.id]);
  });

  it('spreads at most WAVE_LIMITS.playbackMarks marks over a long history, keeping the first and the last', async () => {
    const space = await makeSpace(server, 'lumen');
    const ana = await signUp(server, 'Ana Souza');
    const waveId = await makeWave(space, ana);
    const writer = documentWriter(waveId);
    const ids: number[] = [];
    for (let i = 0; i < 620; i++) ids.push(await writer.write(`line ${i}`, ana));

    const history = (await api<History>(server, 'GET', `/api/v1/waves/${waveId}/history`)).body;
    expect(history.count).toBe(620);
    expect(history.marks).toHaveLength(500);
    expect(history.marks[0]!.updateId).toBe(ids[0]);
    expect(history.marks.at(-1)!.updateId).toBe(ids.at(-1));
    const marked = history.marks.map((m) => m.updateId);
    expect([...marked].sort((a, b) => a - b)).toEqual(marked);
    expect(new Set(marked).size).toBe(500);
    expect(textOf(await playback(waveId, ids[309]!)).split('\n')).toHaveLength(310);
  });

  it('is readable by whoever may read the wave, and nobody else', async () => {
    const hidden = await makeSpace(server, 'hidden', { public: false });
    const ana = await signUp(server, 'Ana Souza');
    const waveId = await makeWave(hidden, ana);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/history`)).status).toBe(404);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/playback?updateId=0`)).status).toBe(404);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/history`, { token: ana.token })).status).toBe(200);
    expect((await api(server, 'GET', `/api/v1/waves/${waveId}/playback?updateId=-1`, { token: ana.token })).status).toBe(400);
  });
});
