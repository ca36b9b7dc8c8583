import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WaveDetail } from '../../shared/schemas/waves.js';
import { isNetworkError, openSignedIn } from '../helpers/browser.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import type { TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });

const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));

const openAs = (user: TestUser, path: string) => openSignedIn(browser, server.url, user, path, contexts);

async function startWave(author: TestUser, slug: string): Promise<WaveDetail> {
  const res = await api<WaveDetail>(server, 'POST', `/api/v1/spaces/${slug}/waves`, {
    token: author.token,
    headers: { 'idempotency-key': 'e2e-wave-0001' },
    body: { title: 'Night mode for the app', tags: ['app', 'dark mode'], draft: 'The app is too bright at night.' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('a wave in two browsers', () => {
  it('shows one fan’s typing in the idea document to the other, with a named cursor', async () => {
    await makeSpace(server, 'acme');
    const ana = await signUp(server, 'Ana Souza');
    const ben = await signUp(server, 'Ben Carter');
    const wave = await startWave(ana, 'acme');
    const path = `/s/acme/waves/${wave.id}`;

    const a = await openAs(ana, path);
    const b = await openAs(ben, path);
    for (const { page } of [a, b]) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Night mode for the app' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('textbox', { name: 'Idea document' }).textContent()).toContain('too bright at night');
    }
    // Each sees the other in "Who is here".
    await expect.poll(() => b.page.getByRole('group', { name: 'Who is here' }).textContent(), { timeout: 10_000 }).toContain('Ana Souza');

    const docA = a.page.getByRole('textbox', { name: 'Idea document' });
    await docA.click();
    await a.page.keyboard.press('ControlOrMeta+End');
    await a.page.keyboard.type(' Dim everything after sunset.');

    const docB = b.page.getByRole('textbox', { name: 'Idea document' });
    await expect.poll(() => docB.textContent(), { timeout: 10_000 }).toContain('Dim everything after sunset.');
    await expect.poll(() => b.page.locator('.ProseMirror-yjs-cursor').textContent(), { timeout: 10_000 }).toContain('Ana Souza');

    expect(scriptErrors(a.errors)).toEqual([]);
    expect(scriptErrors(b.errors)).toEqual([]);
  });

  it('shows a reply forming as a live draft, then the posted blip', async () => {
    await makeSpace(server, 'acme');
    const ana = await signUp(server, 'Ana Souza');
    const ben = await signUp(server, 'Ben Carter');
    const wave = await startWave(ana, 'acme');
    const path = `/s/acme/waves/${wave.id}`;
    // Ana shares her drafts as she types.
    const settings = await api(server, 'PATCH', '/api/v1/me/settings', { token: ana.token, body: { shareDrafts: true } });
    expect(settings.status).toBe(200);

    const a = await openAs(ana, path);
    const b = await openAs(ben, path);
    for (const { page } of [a, b]) {
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).count()).toBe(1);
    }

    const composer = a.page.getByRole('combobox', { name: 'Add to the conversation' });
    await composer.click();
    await composer.pressSequentially('What about an automatic schedule?', { delay: 15 });

    const log = b.page.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => log.textContent(), { timeout: 10_000 }).toContain('Ana Souza is writing');
    await expect.poll(() => log.textContent(), { timeout: 10_000 }).toContain('What about an automatic schedule?');

    await composer.press('ControlOrMeta+Enter');
    await expect.poll(() => log.locator('cp-blip').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => log.locator('cp-blip .body').textContent()).toContain('What about an automatic schedule?');
    await expect.poll(() => log.textContent()).not.toContain('is writing');
    // The writer sees it once, and the box is empty for the next one.
    await expect.poll(() => a.page.getByRole('log', { name: 'Conversation' }).locator('cp-blip').count()).toBe(1);
    expect(await composer.inputValue()).toBe('');

    expect(scriptErrors(a.errors)).toEqual([]);
    expect(scriptErrors(b.errors)).toEqual([]);
  });

  it('mentions a person chosen from the list, and replies inline to a selected passage', async () => {
    await makeSpace(server, 'acme');
    const ana = await signUp(server, 'Ana Souza');
    const ben = await signUp(server, 'Ben Carter');
    const wave = await startWave(ana, 'acme');
    // Supporting makes Ben a member, so the mention lookup finds him.
    expect((await api(server, 'PUT', `/api/v1/waves/${wave.id}/support`, { token: ben.token })).status).toBe(200);
    const posted = await api(server, 'POST', `/api/v1/waves/${wave.id}/blips`, {
      token: ben.token,
      body: { body: 'It could follow the **sunset** time where you are.' },
    });
    expect(posted.status).toBe(201);

    const a = await openAs(ana, `/s/acme/waves/${wave.id}`);
    const log = a.page.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => log.locator('cp-blip').count()).toBe(1);

    const composer = a.page.getByRole('combobox', { name: 'Add to the conversation' });
    await composer.click();
    await composer.pressSequentially('Good point @Be', { delay: 20 });
    await expect.poll(() => a.page.getByRole('option', { name: 'Ben Carter' }).count()).toBe(1);
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('Good point @Ben Carter ');
    await composer.pressSequentially('thanks', { delay: 10 });
    await composer.press('ControlOrMeta+Enter');
    await expect.poll(() => log.locator('cp-blip .mention').textContent()).toBe('@Ben Carter');

    await log.locator(`cp-blip[data-id="${posted.body.id}"] .body strong`).dblclick();
    await a.page.getByRole('button', { name: /Reply here/ }).click();
    const inline = a.page.getByRole('combobox', { name: 'Reply to this passage' });
    await inline.fill('Sunset in winter is at four, though.');
    await inline.press('ControlOrMeta+Enter');
    await expect.poll(() => log.locator('cp-blip .quote').textContent()).toContain('“sunset”');

    const stored = await api(server, 'GET', `/api/v1/waves/${wave.id}/blips`, { token: ana.token });
    const bodies = stored.body.items.map((b: { body: string; anchor: unknown }) => [b.body, b.anchor]);
    expect(bodies).toContainEqual([`Good point <@${ben.id}> thanks`, null]);
    const offset = 'It could follow the **sunset'.length;
    expect(bodies).toContainEqual(['Sunset in winter is at four, though.', { offset, quote: 'sunset' }]);
    expect(scriptErrors(a.errors)).toEqual([]);
  });

  it('opens a fan card beside the wave for staff, and never for fans', async () => {
    const space = await makeSpace(server, 'acme');
    const ana = await signUp(server, 'Ana Souza');
    const dana = await signUp(server, 'Dana Okafor');
    await grant(server, space, dana, 'staff');
    const wave = await startWave(ana, 'acme');
    const posted = await api(server, 'POST', `/api/v1/waves/${wave.id}/blips`, { token: ana.token, body: { body: 'A timer would be enough for me.' } });
    expect(posted.status).toBe(201);
    const note = await api(server, 'POST', `/api/v1/spaces/acme/people/${ana.id}/notes`, { token: dana.token, body: { text: 'Rides at night; asked about timers' } });
    expect(note.status).toBe(201);

    const fan = await openAs(ana, `/s/acme/waves/${wave.id}`);
    await expect.poll(() => fan.page.getByRole('log', { name: 'Conversation' }).locator('cp-blip').count(), { timeout: 10_000 }).toBe(1);
    expect(await fan.page.getByRole('button', { name: /Fan card/ }).count()).toBe(0);

    const staff = await openAs(dana, `/s/acme/waves/${wave.id}`);
    const button = staff.page.getByRole('button', { name: /Fan card\W+Ana Souza/ });
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await button.first().click();
    const panel = staff.page.locator('cp-fan-panel');
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => panel.getByText('Rides at night; asked about timers').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(scriptErrors(staff.errors)).toEqual([]);
  });
});

