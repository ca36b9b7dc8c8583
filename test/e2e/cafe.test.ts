import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CafeTable } from '../../shared/schemas/cafe.js';
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

/** Live updates take a batch (≤ 0.5 s) and a socket round trip; leave room on a busy machine. */
const LIVE = { timeout: 10_000 };

const connected = (page: Page) => expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count(), LIVE).toBe(1);

/** The one table card on the floor whose topic is `topic` (all of its text, through shadow roots). */
const card = (page: Page, topic: string) => page.locator('cp-table-card').filter({ has: page.getByRole('heading', { name: topic, exact: true }) });

async function openTableAs(user: TestUser, body: { topic: string; tags?: string[]; capacity?: number }): Promise<CafeTable> {
  const res = await api<CafeTable>(server, 'POST', '/api/v1/spaces/acme/tables', { token: user.token, body });
  expect(res.status).toBe(201);
  return res.body;
}

describe('the cafe in several browsers', () => {
  it('fills a table live on the floor, lets two fans talk, and shows staff joining on a staff seat', async () => {
    const space = await makeSpace(server, 'acme');
    const [ana, kenji, priya, dana] = await Promise.all(['Ana Souza', 'Kenji Sato', 'Priya Nair', 'Dana Reyes'].map((n) => signUp(server, n)));
    await grant(server, space, dana!, 'staff');

    // Priya watches the floor.
    const p = await openAs(priya!, '/s/acme/cafe');
    await connected(p.page);
    await expect.poll(() => deepText(p.page.locator('cp-cafe-view')), LIVE).toContain('No tables are open right now');

    // Ana opens a table for two from the floor's form and lands at it.
    const a = await openAs(ana!, '/s/acme/cafe');
    await connected(a.page);
    await a.page.getByRole('button', { name: 'Open a table' }).click();
    await a.page.getByRole('textbox', { name: 'Topic', exact: true }).fill('Night rides');
    await a.page.getByRole('textbox', { name: 'Tags', exact: true }).fill('bikes, night');
    await a.page.getByRole('spinbutton', { name: 'Seats', exact: true }).fill('2');
    await a.page.getByRole('button', { name: 'Open the table and sit down' }).click();
    await expect.poll(() => a.page.getByRole('heading', { level: 2, name: 'Night rides' }).count(), LIVE).toBe(1);
    expect(new URL(a.page.url()).pathname).toMatch(/^\/s\/acme\/tables\/[A-Za-z0-9_-]+$/);

    // The floor shows it without a reload: one of two seats, Ana at it.
    await expect.poll(() => deepText(card(p.page, 'Night rides')), LIVE).toContain('1 of 2 seats taken');
    expect(await deepText(card(p.page, 'Night rides'))).toContain('Ana Souza');
    // Her name links to her profile, as names do elsewhere in the app.
    expect(await card(p.page, 'Night rides').getByRole('link', { name: 'Ana Souza' }).getAttribute('href')).toBe(`/s/acme/people/${ana!.id}`);

    // Kenji sits down from the floor.
    const k = await openAs(kenji!, '/s/acme/cafe');
    await connected(k.page);
    await k.page.getByRole('button', { name: 'Sit down at Night rides' }).click();
    await expect.poll(() => k.page.getByRole('button', { name: 'Leave table' }).count(), LIVE).toBe(1);
    await expect.poll(() => k.page.getByRole('heading', { level: 2, name: 'Night rides' }).count()).toBe(1);

    // Priya sees the table fill up, live.
    await expect.poll(() => deepText(card(p.page, 'Night rides')), LIVE).toContain('2 of 2 seats taken');
    expect(await deepText(card(p.page, 'Night rides'))).toContain('Kenji Sato');
    expect(await card(p.page, 'Night rides').getByRole('button', { name: /^Full/ }).isDisabled()).toBe(true);

    // They talk: each sees the other's message.
    await expect.poll(() => deepText(a.page.getByRole('list', { name: 'Seated at this table' })), LIVE).toContain('Kenji Sato');
    const aBox = a.page.getByRole('textbox', { name: 'Say something to the table' });
    await aBox.fill('Anyone riding tonight?');
    await aBox.press('Enter');
    const kLog = k.page.getByRole('log', { name: 'Table chat' });
    await expect.poll(() => deepText(kLog), LIVE).toContain('Anyone riding tonight?');
    expect(await deepText(kLog)).toContain('Ana Souza');
    expect(await aBox.inputValue()).toBe('');

    const kBox = k.page.getByRole('textbox', { name: 'Say something to the table' });
    await kBox.pressSequentially('Yes, at nine', { delay: 10 });
    // Ana sees Kenji typing, then his message.
    await expect.poll(() => deepText(a.page.locator('.typing')), LIVE).toContain('Kenji Sato is typing');
    await kBox.press('Enter');
    const aLog = a.page.getByRole('log', { name: 'Table chat' });
    await expect.poll(() => deepText(aLog), LIVE).toContain('Yes, at nine');
    await expect.poll(() => deepText(a.page.locator('.typing'))).not.toContain('typing');

    // Dana, staff, reads along from the address and takes a staff seat at the full table.
    const d = await openAs(dana!, new URL(a.page.url()).pathname);
    await expect.poll(() => deepText(d.page.getByRole('log', { name: 'Table chat' })), LIVE).toContain('Yes, at nine');
    await d.page.getByRole('button', { name: 'Join (staff seat)' }).click();
    await expect.poll(() => d.page.getByRole('button', { name: 'Leave table' }).count(), LIVE).toBe(1);

    for (const page of [a.page, k.page]) {
      await expect.poll(() => deepText(page.locator('.staff-line')), LIVE).toContain('Dana Reyes from Space acme is here');
    }
    // The floor too; staff sit beyond the cap.
    await expect.poll(() => deepText(card(p.page, 'Night rides')), LIVE).toContain('Dana Reyes from Space acme is here');
    expect(await deepText(card(p.page, 'Night rides'))).toContain('2 of 2 seats taken');

    // The address survives a reload.
    await k.page.reload();
    await expect.poll(() => deepText(k.page.getByRole('log', { name: 'Table chat' })), LIVE).toContain('Anyone riding tonight?');

    for (const { errors } of [a, k, p, d]) expect(scriptErrors(errors)).toEqual([]);
  });

  it('offers a fan who finds a table full another table on the topic, or a new one', async () => {
    await makeSpace(server, 'acme');
    const [ana, kenji, priya, lee] = await Promise.all(['Ana Souza', 'Kenji Sato', 'Priya Nair', 'Lee Park'].map((n) => signUp(server, n)));
    const full = await openTableAs(ana!, { topic: 'Night rides', tags: ['bikes'], capacity: 2 });
    expect((await api(server, 'POST', `/api/v1/tables/${full.id}/seat`, { token: kenji!.token })).status).toBe(200);

    const p = await openAs(priya!, '/s/acme/cafe');
    await connected(p.page);
    const fullCard = card(p.page, 'Night rides');
    await expect.poll(() => deepText(fullCard), LIVE).toContain('2 of 2 seats taken');

    // No other table on the topic: the way out is a new table, prefilled.
    await fullCard.getByRole('button', { name: 'Find a seat on this topic' }).click();
    await expect.poll(() => deepText(fullCard), LIVE).toContain('This table is full. Open a new table on “Night rides”.');
    await fullCard.getByRole('button', { name: 'Open a new table on this topic' }).click();
    const topic = p.page.getByRole('textbox', { name: 'Topic', exact: true });
    expect(await topic.inputValue()).toBe('Night rides');
    expect(await p.page.getByRole('textbox', { name: 'Tags', exact: true }).inputValue()).toBe('bikes');
    await expect.poll(() => topic.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await p.page.getByRole('button', { name: 'Cancel' }).click();

    // Lee opens another table on the same topic (any case); it appears on Priya's floor, live.
    const other = await openTableAs(lee!, { topic: 'night rides', capacity: 4 });
    await expect.poll(() => p.page.locator('cp-table-card').count(), LIVE).toBe(2);

    await fullCard.getByRole('button', { name: 'Find a seat on this topic' }).click();
    const suggestion = fullCard.getByRole('button', { name: 'Sit at “night rides” (1 of 4)' });
    await expect.poll(() => suggestion.count(), LIVE).toBe(1);
    await suggestion.click();
    await expect.poll(() => new URL(p.page.url()).pathname, LIVE).toBe(`/s/acme/tables/${other.id}`);
    await expect.poll(() => p.page.getByRole('button', { name: 'Leave table' }).count(), LIVE).toBe(1);
    await expect.poll(() => deepText(p.page.getByRole('list', { name: 'Seated at this table' }))).toContain('Priya Nair');

    expect(scriptErrors(p.errors)).toEqual([]);
  });

  it('asks a visitor who is not signed in to sign in instead of showing the floor', async () => {
    await makeSpace(server, 'acme');
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.url}/s/acme/cafe`);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in to join the cafe' }).count(), LIVE).toBe(1);
    expect(await page.locator('cp-table-card').count()).toBe(0);
    // The space's sections lead between the ideas and the cafe.
    const sections = page.getByRole('navigation', { name: 'Space acme sections' });
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Ideas', 'Cafe']);
    expect(await sections.getByRole('link', { name: 'Cafe' }).getAttribute('aria-current')).toBe('page');
    expect(scriptErrors(errors)).toEqual([]);
  });
});
