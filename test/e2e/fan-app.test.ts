import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CafeTable } from '../../shared/schemas/cafe.js';
import type { Blip, WaveDetail } from '../../shared/schemas/waves.js';
import { collectConsoleErrors, deepText, isNetworkError, openSignedIn } from '../helpers/browser.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });

const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));
const openAs = (user: TestUser, path: string) => openSignedIn(browser, server.url, user, path, contexts);

/** Live updates take a socket round trip; leave room on a busy machine. */
const LIVE = { timeout: 10_000 };
/** A browser test does many round trips; on a shared, busy machine give it room. */
const SLOW = 90_000;

const connected = (page: Page) => expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count(), LIVE).toBe(1);
const sections = (page: Page) => page.getByRole('navigation', { name: 'Space acme sections' });
/** The header's notifications link; its name carries the unread count. */
const notificationsLink = (page: Page) => sections(page).getByRole('link', { name: /^Notifications/ });

async function startWave(author: TestUser, title = 'Rain-proof cargo cover'): Promise<WaveDetail> {
  const res = await api<WaveDetail>(server, 'POST', '/api/v1/spaces/acme/waves', {
    token: author.token,
    body: { title, tags: ['cargo'], draft: 'Keep the kids dry.' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function reply(author: TestUser, waveId: string, body: string, parentId: string | null = null): Promise<Blip> {
  const res = await api<Blip>(server, 'POST', `/api/v1/waves/${waveId}/blips`, { token: author.token, body: { body, ...(parentId ? { parentId } : {}) } });
  expect(res.status).toBe(201);
  return res.body;
}

/** Acme with Ana and Ben as fans, Ana's wave and her first blip on it. */
async function anaAndBen() {
  const space = await makeSpace(server, 'acme');
  const [ana, ben] = await Promise.all([signUp(server, 'Ana Souza'), signUp(server, 'Ben Carter')]);
  await grant(server, space, ana!, 'fan');
  await grant(server, space, ben!, 'fan');
  const wave = await startWave(ana!);
  const question = await reply(ana!, wave.id, 'Who has tried the current cover?');
  return { space, ana: ana!, ben: ben!, wave, question };
}

describe('notifications in the fan app', () => {
  it('shows a reply to Ana live in her header and her list, linking to the exact blip; mark-all-read clears it', async () => {
    const { ana, ben, wave, question } = await anaAndBen();
    const a = await openAs(ana, '/s/acme');
    await connected(a.page);
    await expect.poll(() => notificationsLink(a.page).textContent()).toBe('Notifications');

    // Ben replies to Ana's blip: her header count goes up without a reload, and it is said politely.
    const answer = await reply(ben, wave.id, 'I have, it leaks at the zipper.', question.id);
    await expect.poll(() => notificationsLink(a.page).textContent(), LIVE).toBe('Notifications1, 1 unread');
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: 'New notification' }).textContent(), LIVE).toContain(
      'Ben Carter replied to you in “Rain-proof cargo cover”',
    );

    // Her list has it, unread, linking to the reply itself.
    await notificationsLink(a.page).click();
    await expect.poll(() => a.page.getByRole('heading', { level: 2, name: 'Notifications' }).count()).toBe(1);
    const item = a.page.locator('cp-notification-item').first();
    await expect.poll(() => deepText(item)).toContain('Ben Carter replied to you in “Rain-proof cargo cover”');
    expect(await deepText(item)).toContain('I have, it leaks at the zipper.');
    expect(await deepText(item)).toContain('Unread');
    const link = item.getByRole('link', { name: /Ben Carter replied to you/ });
    expect(await link.getAttribute('href')).toBe(`/s/acme/waves/${wave.id}#blip-${answer.id}`);

    // Following it opens the wave at that blip and marks it read.
    await link.click();
    await expect.poll(() => a.page.url()).toBe(`${server.url}/s/acme/waves/${wave.id}#blip-${answer.id}`);
    await expect.poll(() => a.page.locator(`cp-blip[data-id="${answer.id}"]`).count(), LIVE).toBe(1);
    await expect.poll(() => notificationsLink(a.page).textContent(), LIVE).toBe('Notifications');
    expect((await api(server, 'GET', '/api/v1/me/notifications/unread', { token: ana.token })).body.unread).toBe(0);

    // Two more arrive; "Mark all as read" clears the count here and on the server.
    await reply(ben, wave.id, 'And the buckle rusts.', question.id);
    await reply(ben, wave.id, `Also <@${ana.id}>, look at the new model.`);
    await expect.poll(() => notificationsLink(a.page).textContent(), LIVE).toContain('2, 2 unread');
    await notificationsLink(a.page).click();
    await expect.poll(() => a.page.locator('cp-notification-item').count(), LIVE).toBe(3);
    expect(await deepText(a.page.locator('cp-notification-item').first())).toContain('Ben Carter mentioned you in “Rain-proof cargo cover”');
    await a.page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => notificationsLink(a.page).textContent(), LIVE).toBe('Notifications');
    await expect.poll(() => a.page.locator('cp-notification-item [data-unread]').count()).toBe(0);
    expect((await api(server, 'GET', '/api/v1/me/notifications/unread', { token: ana.token })).body).toEqual({ unread: 0, bySpace: {} });

    // The unread filter lives in the address and reloads in place.
    await a.page.getByRole('link', { name: 'Unread', exact: true }).click();
    await expect.poll(() => new URL(a.page.url()).search).toBe('?unread=true');
    await a.page.reload();
    await expect.poll(() => deepText(a.page.locator('cp-notifications-view')), LIVE).toContain('You are all caught up');

    expect(scriptErrors(a.errors)).toEqual([]);
  }, SLOW);

  it('respects the settings: with replies turned off, a reply notifies nothing', async () => {
    const { ana, ben, wave, question } = await anaAndBen();
    const a = await openAs(ana, '/settings');
    await connected(a.page);
    const replies = a.page.getByRole('switch', { name: /Replies to what I wrote/ });
    await expect.poll(() => replies.getAttribute('aria-checked'), LIVE).toBe('true');
    await replies.click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: 'Saved: Replies to what I wrote is off.' }).count(), LIVE).toBe(1);
    expect((await api(server, 'GET', '/api/v1/me/settings', { token: ana.token })).body.notifications).toMatchObject({ reply: false, mention: true });

    // The setting survives a reload.
    await a.page.reload();
    await expect.poll(() => a.page.getByRole('switch', { name: /Replies to what I wrote/ }).getAttribute('aria-checked'), LIVE).toBe('false');

    await reply(ben, wave.id, 'I have, it leaks at the zipper.', question.id);
    // A mention still arrives (its own switch is on), and only it.
    await reply(ben, wave.id, `<@${ana.id}> what do you think?`);
    await expect.poll(() => notificationsLink(a.page).textContent(), LIVE).toContain('1, 1 unread');
    const list = await api(server, 'GET', '/api/v1/me/notifications', { token: ana.token });
    expect(list.body.items.map((n: { kind: string }) => n.kind)).toEqual(['mention']);
    expect(scriptErrors(a.errors)).toEqual([]);
  }, SLOW);
});

describe('drafts, deep links and the shell', () => {
  it('keeps a draft blip and a draft table message across a reload, and clears them once sent', async () => {
    const { ana, wave } = await anaAndBen();
    const table = (await api<CafeTable>(server, 'POST', '/api/v1/spaces/acme/tables', { token: ana.token, body: { topic: 'Night rides' } })).body;

    const a = await openAs(ana, `/s/acme/waves/${wave.id}`);
    await connected(a.page);
    const composer = a.page.getByRole('combobox', { name: 'Add to the conversation' });
    await composer.pressSequentially('A cover with a clear window', { delay: 5 });
    await a.page.reload();
    await expect.poll(() => a.page.getByRole('combobox', { name: 'Add to the conversation' }).inputValue(), LIVE).toBe('A cover with a clear window');
    await a.page.getByRole('combobox', { name: 'Add to the conversation' }).press('ControlOrMeta+Enter');
    await expect.poll(() => a.page.getByRole('log', { name: 'Conversation' }).locator('cp-blip').count(), LIVE).toBe(2);
    // The blip can arrive live a moment before the acknowledgement that clears the draft: wait for what the person is told.
    const composerHost = a.page.locator('cp-composer').filter({ has: a.page.getByRole('combobox', { name: 'Add to the conversation' }) });
    await expect.poll(() => deepText(composerHost), LIVE).toContain('Your reply is posted.');
    await a.page.reload();
    await expect.poll(() => a.page.getByRole('log', { name: 'Conversation' }).locator('cp-blip').count(), LIVE).toBe(2);
    expect(await a.page.getByRole('combobox', { name: 'Add to the conversation' }).inputValue()).toBe('');

    await a.page.goto(`${server.url}/s/acme/tables/${table.id}`);
    await connected(a.page);
    const box = a.page.getByRole('textbox', { name: 'Say something to the table' });
    await box.pressSequentially('Anyone riding tonight?', { delay: 5 });
    await a.page.reload();
    const again = a.page.getByRole('textbox', { name: 'Say something to the table' });
    await expect.poll(() => again.inputValue(), LIVE).toBe('Anyone riding tonight?');

    // Offline: the state says so, the text stays; back online it is sent.
    await a.page.context().setOffline(true);
    await expect.poll(() => a.page.locator('cp-connection-status').getAttribute('state'), LIVE).toBe('offline');
    expect(await deepText(a.page.getByRole('banner'))).toContain('You are offline. What you write is kept on this device');
    await a.page.context().setOffline(false);
    // Socket.IO retries with a growing delay (up to a few seconds) while offline.
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: 'Connected' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await again.inputValue()).toBe('Anyone riding tonight?');
    await again.press('Enter');
    await expect.poll(() => deepText(a.page.getByRole('log', { name: 'Table chat' })), LIVE).toContain('Anyone riding tonight?');
    // The box empties on the acknowledgement, which clears the draft.
    await expect.poll(() => again.inputValue(), LIVE).toBe('');
    await a.page.reload();
    await expect.poll(() => deepText(a.page.getByRole('log', { name: 'Table chat' })), LIVE).toContain('Anyone riding tonight?');
    expect(await a.page.getByRole('textbox', { name: 'Say something to the table' }).inputValue()).toBe('');
    expect(scriptErrors(a.errors)).toEqual([]);
  }, SLOW);

  it('reloads every kind of address in place: a blip, a table, a profile, notifications, settings', async () => {
    const { ana, ben, wave, question } = await anaAndBen();
    const answer = await reply(ben, wave.id, 'The zipper leaks.', question.id);
    const table = (await api<CafeTable>(server, 'POST', '/api/v1/spaces/acme/tables', { token: ana.token, body: { topic: 'Night rides' } })).body;
    const a = await openAs(ana, '/s/acme');
    await connected(a.page);

    const cases: { path: string; check: () => Promise<unknown> }[] = [
      {
        path: `/s/acme/waves/${wave.id}#blip-${answer.id}`,
        check: () =>
          expect
            .poll(() => a.page.evaluate((id) => {
              const view = document.querySelector('cp-fan-app')!.shadowRoot!.querySelector('cp-wave-view')!;
              const thread = view.shadowRoot!.querySelector('cp-blip-thread')!;
              const blip = thread.shadowRoot!.querySelector(`cp-blip[data-id="${id}"]`);
              let active: Element | null = document.activeElement;
              while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
              return blip !== null && (blip === active || blip.shadowRoot!.contains(active) || blip.contains(active));
            }, answer.id), LIVE)
            .toBe(true),
      },
      { path: `/s/acme/tables/${table.id}`, check: () => expect.poll(() => a.page.getByRole('heading', { level: 2, name: 'Night rides' }).count(), LIVE).toBe(1) },
      { path: `/s/acme/people/${ben.id}`, check: () => expect.poll(() => a.page.getByRole('heading', { level: 2, name: 'Ben Carter' }).count(), LIVE).toBe(1) },
      { path: '/s/acme/notifications', check: () => expect.poll(() => deepText(a.page.locator('cp-notifications-view')), LIVE).toContain('Ben Carter replied to you') },
      { path: '/notifications?unread=true', check: () => expect.poll(() => deepText(a.page.locator('cp-notifications-view')), LIVE).toContain('Ben Carter replied to you') },
      { path: '/settings', check: () => expect.poll(() => a.page.getByRole('switch', { name: /Mentions of me/ }).count(), LIVE).toBe(1) },
    ];
    for (const { path, check } of cases) {
      await a.page.goto(server.url + path);
      await check();
      await a.page.reload();
      await check();
      const url = new URL(a.page.url());
      expect(url.pathname + url.search + url.hash).toBe(path);
    }
    expect(scriptErrors(a.errors)).toEqual([]);
  }, SLOW);

  it("shows a profile's started and supported ideas, and an edited bio", async () => {
    const { ana, ben, wave } = await anaAndBen();
    const other = await startWave(ben, 'Night lights for trailers');
    expect((await api(server, 'PUT', `/api/v1/waves/${other.id}/support`, { token: ana.token })).status).toBe(200);

    const a = await openAs(ana, `/s/acme/people/${ana.id}`);
    await connected(a.page);
    const view = a.page.locator('cp-profile-view');
    await expect.poll(() => a.page.getByRole('heading', { level: 2, name: /Ana Souza/ }).count(), LIVE).toBe(1);
    const started = a.page.getByRole('region', { name: /Started/ });
    const supports = a.page.getByRole('region', { name: /Supports/ });
    await expect.poll(() => deepText(started), LIVE).toContain(wave.title);
    expect(await started.getByRole('link', { name: wave.title }).getAttribute('href')).toBe(`/s/acme/waves/${wave.id}`);
    expect(await deepText(supports)).toContain('Night lights for trailers');

    // Editing: the bio and interests, saved through PATCH /me/profile.
    await a.page.getByRole('button', { name: 'Edit profile' }).click();
    await a.page.getByRole('textbox', { name: 'Short bio' }).fill('I ride a cargo bike with two kids.');
    await a.page.getByRole('textbox', { name: 'Interests' }).fill('cargo bikes, night rides');
    await a.page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => deepText(view), LIVE).toContain('I ride a cargo bike with two kids.');
    expect(await deepText(view)).toContain('night rides');
    const mine = await api(server, 'GET', '/api/v1/me/profile', { token: ana.token });
    expect(mine.body).toMatchObject({ bio: 'I ride a cargo bike with two kids.', interests: ['cargo bikes', 'night rides'] });

    // Ben sees the public part, without the editing tools.
    const b = await openAs(ben, `/s/acme/people/${ana.id}`);
    await expect.poll(() => deepText(b.page.locator('cp-profile-view')), LIVE).toContain('I ride a cargo bike with two kids.');
    expect(await b.page.getByRole('button', { name: 'Edit profile' }).count()).toBe(0);

    // People's names lead to their profiles: the blip author on the wave.
    await b.page.goto(`${server.url}/s/acme/waves/${wave.id}`);
    const author = b.page.getByRole('log', { name: 'Conversation' }).getByRole('link', { name: 'Ana Souza' }).first();
    await expect.poll(() => author.count(), LIVE).toBe(1);
    await author.click();
    await expect.poll(() => new URL(b.page.url()).pathname).toBe(`/s/acme/people/${ana.id}`);
    expect(scriptErrors(a.errors)).toEqual([]);
    expect(scriptErrors(b.errors)).toEqual([]);
  }, SLOW);

  it('switches between the spaces a person belongs to', async () => {
    const acme = await makeSpace(server, 'acme');
    const lumen = await makeSpace(server, 'lumen');
    const ana = await signUp(server, 'Ana Souza');
    await grant(server, acme, ana, 'fan');
    await grant(server, lumen, ana, 'fan');
    const a = await openAs(ana, '/s/acme');
    await connected(a.page);
    const toggle = a.page.getByRole('button', { name: /Switch space/ });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const spaces = a.page.getByRole('list', { name: 'Your spaces' });
    expect(await spaces.getByRole('link').allTextContents().then((t) => t.map((s) => s.trim()))).toEqual(['Space acme', 'Space lumen']);
    // Escape closes it and gives focus back to the button.
    await a.page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await spaces.getByRole('link', { name: 'Space lumen' }).click();
    await expect.poll(() => new URL(a.page.url()).pathname).toBe('/s/lumen');
    await expect.poll(() => a.page.getByRole('heading', { level: 1 }).textContent(), LIVE).toContain('Space lumen');
    expect(await a.page.getByRole('navigation', { name: 'Space lumen sections' }).count()).toBe(1);
    expect(scriptErrors(a.errors)).toEqual([]);
  }, SLOW);

  it('signs in and up on their own pages, with helpful errors, and returns to where the person was', async () => {
    await makeSpace(server, 'acme');
    const ana = await signUp(server, 'Ana Souza');
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.url}/s/acme/cafe`);
    await page.getByRole('button', { name: 'Sign in to join the cafe' }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/signin?next=%2Fs%2Facme%2Fcafe');

    // Wrong password: said, and focus on the message.
    await page.getByRole('textbox', { name: 'Email' }).fill(ana.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await expect.poll(() => page.getByRole('alert').textContent(), LIVE).toContain('Email or password is wrong');

    // Creating an account with a taken email names the field.
    await page.getByRole('link', { name: 'Create account' }).last().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signup');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/s/acme/cafe');
    await page.getByRole('textbox', { name: 'Display name' }).fill('Ana Again');
    await page.getByRole('textbox', { name: 'Email' }).fill(ana.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).last().click();
    await expect.poll(() => page.getByRole('alert').textContent(), LIVE).toContain('Email: An account with this email already exists');
    expect(await page.getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe('true');

    // Signing in goes back to the cafe.
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.getByRole('textbox', { name: 'Email' }).fill(ana.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(ana.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe('/s/acme/cafe');
    await expect.poll(() => page.getByRole('button', { name: 'Open a table' }).count(), LIVE).toBe(1);
    expect(scriptErrors(errors)).toEqual([]);
  }, SLOW);
});

describe('the fan app in another language', () => {
  it('switches its words from Settings at once, keeps the choice on this device, and goes back to the browser’s language', async () => {
    const { ana, wave } = await anaAndBen();
    const { page, errors } = await openAs(ana, '/settings');
    // Its label changes language too: found by id.
    const language = page.locator('cp-settings-view').locator('#language');
    await expect.poll(() => language.count(), LIVE).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await language.selectOption('nl');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Instellingen' }).count(), LIVE).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await sections(page).getByRole('link').allTextContents()).toEqual(['Ideeën', 'Café', 'Meldingen', 'Profiel']);
    expect(await page.getByRole('button', { name: 'Afmelden' }).count()).toBe(1);
    // What Dutch does not translate yet stays English.
    expect(await deepText(page.locator('cp-settings-view'))).toContain('Tell me when');

    // Kept across a reload and on other pages.
    await page.goto(`${server.url}/s/acme/waves/${wave.id}`);
    await expect.poll(() => sections(page).getByRole('link').first().textContent(), LIVE).toBe('Ideeën');
    await expect.poll(() => page.getByRole('button', { name: 'Steunen' }).count(), LIVE).toBe(1);
    await page.goto(`${server.url}/s/acme`);
    await expect.poll(() => deepText(page.locator('cp-wave-card').first()), LIVE).toContain('1 reactie');

    // Back to automatic: the browser's language, English here.
    await page.goto(`${server.url}/settings`);
    await expect.poll(() => language.count(), LIVE).toBe(1);
    await language.selectOption('');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Settings' }).count(), LIVE).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(scriptErrors(errors)).toEqual([]);
  }, SLOW);
});
