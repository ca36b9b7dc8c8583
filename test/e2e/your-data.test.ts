import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Blip, WaveDetail } from '../../shared/schemas/waves.js';
import { deepText, isNetworkError, openSignedIn } from '../helpers/browser.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });

const LIVE = { timeout: 10_000 };
const SLOW = 90_000;
const openAs = (user: TestUser, path: string) => openSignedIn(browser, server.url, user, path, contexts);

/** Where focus is, looking into shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.localName, id: el.id, inDialog: el.closest('dialog') !== null } : null;
  });

/** Acme with Ana (a fan) who wrote a wave and a reply, and Sam (staff) who keeps a note about her. */
async function anaWithANote() {
  const space = await makeSpace(server, 'acme');
  const [ana, sam] = await Promise.all([signUp(server, 'Ana Souza'), signUp(server, 'Sam Staff')]);
  await grant(server, space, ana, 'fan');
  await grant(server, space, sam, 'staff');
  const wave = await api<WaveDetail>(server, 'POST', '/api/v1/spaces/acme/waves', {
    token: ana.token,
    body: { title: 'Rain-proof cargo cover', tags: ['cargo'], draft: 'Keep the kids dry.' },
  });
  expect(wave.status).toBe(201);
  const blip = await api<Blip>(server, 'POST', `/api/v1/waves/${wave.body.id}/blips`, { token: ana.token, body: { body: 'My zipper leaks after an hour of rain.' } });
  expect(blip.status).toBe(201);
  const note = await api(server, 'POST', `/api/v1/spaces/acme/people/${ana.id}/notes`, { token: sam.token, body: { text: 'Staff only: call her back about the zipper.' } });
  expect(note.status).toBe(201);
  return { ana, sam, wave: wave.body, blip: blip.body };
}

describe('your data, in the fan app settings', () => {
  it(
    'downloads what the space stores about you (your reply, no staff note); "Forget me" asks for a typed confirmation, signs out, and leaves your reply as "Former member"',
    async () => {
      const { ana, sam, wave, blip } = await anaWithANote();
      const { page, errors } = await openAs(ana, '/settings');
      const settings = page.locator('cp-settings-view');
      await expect.poll(() => page.getByRole('group', { name: 'Your data' }).count(), LIVE).toBe(1);

      // Download: a link per space, answered as a JSON attachment.
      const link = page.getByRole('link', { name: 'Download my data from Space acme' });
      expect(await link.getAttribute('href')).toBe('/api/v1/me/export?space=acme');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^commonplace-acme-.*\.json$/);
      const exported = await readFile((await download.path())!, 'utf8');
      expect(exported).toContain(blip.body);
      expect(exported).toContain(blip.id);
      expect(exported).not.toContain('Staff only: call her back about the zipper.');
      JSON.parse(exported);

      // Forget me: a modal dialog; Escape cancels and nothing happens.
      const open = page.getByRole('button', { name: 'Forget me…' });
      await open.click();
      const dialog = page.getByRole('dialog', { name: 'Forget me?' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await focused(page)).toMatchObject({ id: 'forget-confirm', inDialog: true });
      // Focus stays inside while tabbing around.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        expect((await focused(page))?.inDialog).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect((await api(server, 'GET', '/api/v1/me', { token: ana.token })).status).toBe(200);

      // The button waits for the typed phrase.
      await open.click();
      const confirm = dialog.getByRole('button', { name: 'Forget me', exact: true });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel('Type “forget me” to confirm').fill('forget');
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel('Type “forget me” to confirm').fill('forget me');
      await confirm.click();

      // Signed out, and told so.
      await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).count(), LIVE).toBeGreaterThan(0);
      await expect.poll(() => deepText(page.locator('main')), LIVE).toContain('Your account is deleted and you are signed out.');
      expect(await deepText(settings)).toContain('Sign in to choose what you are told about.');
      expect((await api(server, 'GET', '/api/v1/me', { token: ana.token })).status).toBe(401);

      // Her reply stays, as "Former member".
      const other = await openAs(sam, `/s/acme/waves/${wave.id}`);
      const thread = other.page.locator('cp-blip-thread');
      await expect.poll(() => deepText(thread), LIVE).toContain('My zipper leaks after an hour of rain.');
      expect(await deepText(thread)).toContain('Former member');
      expect(await deepText(thread)).not.toContain('Ana Souza');
      expect(errors.filter((e) => !isNetworkError(e))).toEqual([]);
    },
    SLOW,
  );
});
