import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Blip } from '../../shared/schemas/waves.js';
import { deepText, isNetworkError, openSignedIn } from '../helpers/browser.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });

const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));
const LIVE = { timeout: 10_000 };

async function openAs(user: TestUser, path: string) {
  const opened = await openSignedIn(browser, server.url, user, path, contexts);
  opened.page.context().setDefaultTimeout(8_000);
  return opened;
}

/** Ana asks; Ben and Cleo answer her: Ana drew two people in. Dana is staff. */
async function lively(slug: string) {
  const space = await makeSpace(server, slug);
  const [ana, ben, cleo, dana] = await Promise.all(['Ana Souza', 'Ben Carter', 'Cleo Park', 'Dana Reyes'].map((n) => signUp(server, n)));
  await grant(server, space, dana!, 'staff');
  const wave = await api<{ id: string }>(server, 'POST', `/api/v1/spaces/${slug}/waves`, { token: ana!.token, body: { title: 'A rain cover', draft: 'For the cargo bike.' } });
  const question = await api<Blip>(server, 'POST', `/api/v1/waves/${wave.body.id}/blips`, { token: ana!.token, body: { body: 'Has anyone tried a clear window?' } });
  for (const [who, body] of [
    [ben!, 'Yes, it fogs up in winter.'],
    [cleo!, 'Mine has vents; no fog.'],
  ] as const) {
    const res = await api(server, 'POST', `/api/v1/waves/${wave.body.id}/blips`, { token: who.token, body: { body, parentId: question.body.id } });
    expect(res.status).toBe(201);
  }
  return { ana: ana!, dana: dana! };
}

describe('console insights', () => {
  it('ranks the catalyst, changes the window from the address, and spotlights from the keyboard with a required thank-you', async () => {
    const { dana } = await lively('acme');
    const { page, errors } = await openAs(dana, '/console/s/acme/catalysts');
    const list = page.getByRole('list', { name: 'Catalysts, last 30 days' });
    await expect.poll(() => deepText(list.getByRole('heading', { level: 3 }).first()), LIVE).toContain('Ana Souza');

    await page.getByRole('radio', { name: 'Last 7 days' }).check();
    await expect.poll(() => page.url(), LIVE).toContain('/console/s/acme/catalysts?days=7');
    await expect.poll(() => page.getByRole('list', { name: 'Catalysts, last 7 days' }).count(), LIVE).toBe(1);

    const toggle = page.getByRole('button', { name: 'Show evidence and actions for Ana Souza' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    // The same button now offers to hide them.
    const hide = page.getByRole('button', { name: 'Hide evidence and actions for Ana Souza' });
    await expect.poll(() => hide.getAttribute('aria-expanded'), LIVE).toBe('true');
    await expect.poll(() => deepText(page.locator('cp-catalysts')), LIVE).toMatch(/(Ben Carter and Cleo Park|Cleo Park and Ben Carter) : replied/);
    const actions = page.getByRole('group', { name: 'Actions for Ana Souza' });
    const spotlight = actions.getByRole('button', { name: 'Spotlight', exact: true });
    await spotlight.focus();
    await page.keyboard.press('Enter');
    const thanks = page.getByRole('textbox', { name: 'Public thank-you' });
    await expect.poll(() => thanks.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), LIVE).toBe(true);
    await page.getByRole('button', { name: 'Spotlight them' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Say what you thank them for.' }).count(), LIVE).toBe(1);
    await thanks.fill('For bringing the window question to everyone.');
    await page.getByRole('button', { name: 'Spotlight them' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ana Souza is in the spotlight.' }).count(), LIVE).toBe(1);
    // Back on the button that opened the form.
    await expect.poll(() => spotlight.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), LIVE).toBe(true);
    expect(scriptErrors(errors)).toEqual([]);
  });

  it('shows the analytics with text alternatives, follows the window, and downloads a CSV for it', async () => {
    const { dana } = await lively('lumen');
    const { page, errors } = await openAs(dana, '/console/s/lumen/analytics');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Analytics for the last 30 days loaded.' }).count(), LIVE).toBe(1);
    for (const title of ['Raised hands', 'Active fans', 'Download as CSV']) {
      expect(await page.getByRole('heading', { name: title }).count()).toBe(1);
    }
    // Each chart is an image with a name, and its numbers are a table behind "Show the numbers".
    expect(await page.getByRole('img', { name: /Active fans per day/ }).count()).toBe(1);
    await page.getByText('Show the numbers').first().click();
    expect(await page.getByRole('region', { name: /: the numbers$/ }).first().getByRole('table').count()).toBe(1);

    await page.getByRole('combobox', { name: 'Time window' }).selectOption('7');
    await expect.poll(() => page.url(), LIVE).toContain('/console/s/lumen/analytics?days=7');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Analytics for the last 7 days loaded.' }).count(), LIVE).toBe(1);

    const downloads = page.getByRole('region', { name: 'Download as CSV' }).getByRole('link');
    const hrefs = await downloads.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toContain('days=7');
    const csv = await page.context().request.get(hrefs[0]!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(scriptErrors(errors)).toEqual([]);
  });
});
