import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SearchHit, WaveDetail } from '../../shared/schemas/waves.js';
import { CONTENT_FIELD } from '../../server/collab/rich-text.js';
import { indexSearchText, removeSearchText } from '../../server/db/search.js';
import { closeClients, makePerson, openProvider } from '../helpers/collab-clients.js';
import { grant, makeSpace, signUp } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { eventually } from '../helpers/wait.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  closeClients();
  await server.dispose();
});

async function createWave(token: string, body: Record<string, unknown>, slug = 'acme') {
  const res = await api<WaveDetail>(server, 'POST', `/api/v1/spaces/${slug}/waves`, { token, body });
  expect(res.status).toBe(201);
  return res.body;
}

const search = (q: string, opts: { slug?: string; token?: string } = {}) =>
  api<SearchHit[]>(server, 'GET', `/api/v1/spaces/${opts.slug ?? 'acme'}/search?q=${encodeURIComponent(q)}`, { token: opts.token });

const synced = (provider: WebsocketProvider) => eventually(() => expect(provider.synced).toBe(true));

describe('search', () => {
  it('finds a word typed into the idea document through a live editor', async () => {
    await makeSpace(server, 'acme');
    const fan = await signUp(server, 'Ana');
    const wave = await createWave(fan.token, { title: 'Night riding lights', draft: 'Brighter lamps.' });
    const editor = openProvider(server, wave.docName, fan.token);
    await synced(editor);
    const fragment = editor.doc.getXmlFragment(CONTENT_FIELD);
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, ' Maybe a reflective sidewall too.');

    await eventually(async () => {
      const hits = (await search('sidewall')).body;
      expect(hits).toEqual([
        {
          wave: { id: wave.id, title: 'Night riding lights', status: 'open' },
          kind: 'document',
          blipId: null,
          snippet: expect.stringContaining('«sidewall»'),
        },
      ]);
    }, 5000, 100);
    // The last word matches as a prefix, the way people type.
    expect((await search('reflect')).body.map((h) => h.kind)).toEqual(['document']);
    expect((await search('brighter lam')).body).toHaveLength(1);
  });

  it('indexes blips as people read them: mentions as @Name, no markdown marks', async () => {
    await makeSpace(server, 'acme');
    const ana = await signUp(server, 'Ana');
    const priya = await signUp(server, 'Priya Raman');
    const wave = await createWave(ana.token, { title: 'Cargo cover', draft: '' });
    await createWave(priya.token, { title: 'Say hello', draft: '' });
    const posted = await api(server, 'POST', `/api/v1/waves/${wave.id}/blips`, {
      token: ana.token,
      body: { body: `Ask <@${priya.id}> about the **zipper** window` },
    });
    expect(posted.status).toBe(201);
    const [hit] = (await search('zipper')).body;
    expect(hit).toMatchObject({ kind: 'blip', blipId: posted.body.id });
    expect(hit!.snippet).toContain('@Priya Raman');
    expect(hit!.snippet).not.toMatch(/<@|\*\*/);
  });

  it('indexes the last text when the document unloads', async () => {
    await makeSpace(server, 'acme');
    const fan = await signUp(server, 'Ana');
    const wave = await createWave(fan.token, { title: 'Bell', draft: 'Ding.' });
    const editor = openProvider(server, wave.docName, fan.token);
    await synced(editor);
    const fragment = editor.doc.getXmlFragment(CONTENT_FIELD);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Carillon')]);
    fragment.insert(fragment.length, [paragraph]);
    await eventually(async () => {
      const n = await server.db.kysely.selectFrom('doc_updates').select('id').where('doc_name', '=', wave.docName).execute();
      expect(n).toHaveLength(2);
    });
    closeClients();
    await eventually(() => expect(server.app.collab.stats().docs).toBe(0));
    expect((await search('carillon')).body.map((h) => h.wave.id)).toEqual([wave.id]);
  });

  it('finds titles and ranks a title match above a mention in a document', async () => {
    await makeSpace(server, 'acme');
    const fan = await signUp(server, 'Ana');
    const mention = await createWave(fan.token, {
      title: 'Longer chain guard',
      draft: 'Our commute goes through puddles every morning and the chain guard should also keep the pannier straps out of the way.',
    });
    const titled = await createWave(fan.token, { title: 'Pannier hooks that do not rattle' });
    const hits = (await search('pannier')).body;
    expect(hits.map((h) => [h.wave.id, h.kind])).toEqual([
      [titled.id, 'title'],
      [mention.id, 'document'],
    ]);
    expect(hits[0]!.snippet).toBe('«Pannier» hooks that do not rattle');
    expect((await search('PANNIER hooks')).body.map((h) => h.wave.id)).toEqual([titled.id]);
    expect((await search('rattle nonsenseword')).body).toEqual([]);
  });

  it('is safe with hostile query syntax', async () => {
    await makeSpace(server, 'acme');
    const fan = await signUp(server, 'Ana');
    const wave = await createWave(fan.token, { title: 'AND gate for bells', draft: 'near the "quote" (brackets)' });
    for (const q of ['"', 'AND(', '*', 'NEAR(a b)', 'title:foo', "'", '-', '^bell', 'a OR', ')))', 'body:*', '""""', 'NOT', '\u0000']) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
    }
    expect((await search('AND(')).body.map((h) => h.wave.id)).toEqual([wave.id]);
    expect((await search('"quote"')).body.map((h) => h.kind)).toEqual(['document']);
    expect((await search('')).status).toBe(400);
  });

  it('never shows another space’s waves, and hides a private space from outsiders', async () => {
    const acme = await makeSpace(server, 'acme');
    const hidden = await makeSpace(server, 'hidden', { public: false });
    const fan = await signUp(server, 'Ana');
    await grant(server, hidden, fan, 'fan');
    const mine = await createWave(fan.token, { title: 'Saddle bag clips' });
    const theirs = await createWave(fan.token, { title: 'Saddle height marks' }, 'hidden');
    expect((await search('saddle')).body.map((h) => h.wave.id)).toEqual([mine.id]);
    expect((await search('saddle', { slug: 'hidden', token: fan.token })).body.map((h) => h.wave.id)).toEqual([theirs.id]);
    expect((await search('saddle', { slug: 'hidden' })).status).toBe(401);
    // Signed-in people count as fans everywhere, except SSO tokens of another brand.
    const otherBrand = await makePerson(server.deps, { scopedTo: acme });
    expect((await search('saddle', { slug: 'hidden', token: otherBrand.token })).status).toBe(404);
  });

  it('shows merged waves with status merged and blips where they moved to', async () => {
    const space = await makeSpace(server, 'acme');
    const staff = await signUp(server, 'Dana');
    await grant(server, space, staff, 'staff');
    const target = await createWave(staff.token, { title: 'Frame bag' });
    const source = await createWave(staff.token, { title: 'Frame pouch' });
    // What the blips feature does for each blip.
    await indexSearchText(server.db.kysely, { kind: 'blip', refId: 'blip-000001', waveId: source.id, spaceId: space.id, text: 'Velcro straps please' });
    await server.db.kysely
      .insertInto('blips')
      .values({
        id: 'blip-000001',
        wave_id: source.id,
        parent_id: null,
        author_id: staff.id,
        body: 'Velcro straps please',
        anchor_offset: null,
        anchor_quote: null,
        created_at: new Date().toISOString(),
        edited_at: null,
        deleted_at: null,
      })
      .execute();
    const merged = await api(server, 'POST', `/api/v1/waves/${source.id}/merge`, {
      token: staff.token,
      body: { into: target.id, reason: 'Duplicate' },
    });
    expect(merged.status).toBe(200);
    expect((await search('pouch')).body).toEqual([
      { wave: { id: source.id, title: 'Frame pouch', status: 'merged' }, kind: 'title', blipId: null, snippet: 'Frame «pouch»' },
    ]);
    expect((await search('velcro')).body).toEqual([
      { wave: { id: target.id, title: 'Frame bag', status: 'open' }, kind: 'blip', blipId: 'blip-000001', snippet: '«Velcro» straps please' },
    ]);
    await removeSearchText(server.db.kysely, 'blip', 'blip-000001');
    expect((await search('velcro')).body).toEqual([]);
  });
});
