import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { WaveDetail } from '../../shared/schemas/waves.js';
import { pseudo } from '../../client/i18n/pseudo.js';
import { BRAND_CUSTOMERS, startBrandSite, type BrandSite } from '../../server/demo-brand/brand-site.js';
import { collectConsoleErrors, deepText, isNetworkError, launchBrowser, openSignedIn } from '../helpers/browser.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import { makeSpace, signUp } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { connected, connectSocket } from '../helpers/sockets.js';
import type { TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];
const brands: BrandSite[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });
afterEach(async () => {
  await Promise.all(brands.splice(0).map((b) => b.close()));
});

const ANA = Object.keys(BRAND_CUSTOMERS)[0]!;

/** The brand's shop on its own origin (another port), embedding Commonplace from the test server. */
async function brandSite(secret: () => string | null): Promise<BrandSite> {
  const site = await startBrandSite({ port: 0, host: '127.0.0.1', commonplaceUrl: server.url, space: 'lumen', ssoSecret: async () => secret() });
  brands.push(site);
  return site;
}

/** A space whose widget may be embedded by `site`, with one idea in it. */
async function setup(site: BrandSite | null) {
  const port = site ? new URL(site.url).port : '1';
  const space = await makeSpace(server, 'lumen', { widgetOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`] });
  const fan = await signUp(server, 'Kenji Watanabe');
  const created = await api<WaveDetail>(server, 'POST', '/api/v1/spaces/lumen/waves', {
    token: fan.token,
    headers: { 'idempotency-key': 'widget-wave-0001' },
    body: { title: 'A cargo cover that clips on', tags: ['cargo'], draft: 'Rain-proof, and it rolls up when the sun comes out.' },
  });
  expect(created.status).toBe(201);
  return { space, fan, wave: created.body };
}

async function openBrand(url: string, b: Browser = browser): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const context = await b.newContext({ viewport: { width: 1100, height: 1400 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(url);
  return { page, errors, context };
}

const widgetText = (page: Page, view: string) => deepText(page.locator(`commonplace-embed[view=${view}]`));
const events = (page: Page) => page.locator('#widget-events').textContent();

async function signInAtBrand(page: Page): Promise<void> {
  await page.evaluate((id) => fetch(`/account/sign-in?customer=${id}`, { method: 'POST' }), ANA);
  await page.reload();
}

describe('the widget on a brand page (another origin)', () => {
  it('shows ideas live to an anonymous visitor: a support elsewhere moves the count', async () => {
    let secret: string | null = null;
    const site = await brandSite(() => secret);
    const { space, fan, wave } = await setup(site);
    secret = space.ssoSecret;
    const { page, errors } = await openBrand(`${site.url}/?view=ideas`);
    await expect.poll(() => widgetText(page, 'ideas'), { timeout: 10_000 }).toContain('A cargo cover that clips on');
    await expect.poll(() => events(page)).toContain('commonplace-ready');
    const count = page.locator('commonplace-embed[view=ideas]').locator(`li[data-id="${wave.id}"] [data-count="supporters"]`);
    expect(await count.textContent()).toBe('0');
    // The count updates live once the stream is followed.
    await expect.poll(() => widgetText(page, 'ideas')).toContain('Live');
    expect((await api(server, 'PUT', `/api/v1/waves/${wave.id}/support`, { token: fan.token })).status).toBe(200);
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe('1');
    // Anonymous: "sign in" is the brand's to handle.
    expect(await widgetText(page, 'ideas')).toContain('Sign in to support ideas');
    expect(errors.filter((e) => !isNetworkError(e))).toEqual([]);
  });

  it('signs the brand’s customer in with its token: the reply shows in the fan app', async () => {
    let secret: string | null = null;
    const site = await brandSite(() => secret);
    const { space, wave } = await setup(site);
    secret = space.ssoSecret;
    const { page, errors } = await openBrand(`${site.url}/?view=wave&wave=${wave.id}`);
    await signInAtBrand(page);
    await expect.poll(() => events(page), { timeout: 10_000 }).toContain('commonplace-signed-in');
    const widget = page.locator('commonplace-embed[view=wave]');
    await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain('Signed in as Ana Souza');
    expect(await deepText(widget)).toContain('rolls up when the sun comes out');
    await widget.getByLabel('Your reply').fill('Please make it reflective too.');
    await widget.getByRole('button', { name: 'Reply' }).click();
    await expect.poll(() => deepText(widget.getByRole('log', { name: 'Replies' })), { timeout: 10_000 }).toContain('Please make it reflective too.');

    // Stored, by the brand's customer, and visible to a fan in the Commonplace app.
    const blips = await api(server, 'GET', `/api/v1/waves/${wave.id}/blips`);
    expect(blips.body.items.map((b: { author: { displayName: string }; body: string }) => [b.author.displayName, b.body])).toEqual([
      ['Ana Souza', 'Please make it reflective too.'],
    ]);
    const reader = await signUp(server, 'Priya Raman');
    const app = await openSignedIn(browser, server.url, reader, `/s/lumen/waves/${wave.id}`, contexts);
    await expect.poll(() => deepText(app.page.locator('body')), { timeout: 10_000 }).toContain('Please make it reflective too.');
    // The token lived in memory only: Commonplace set no cookie, and the page's storage is untouched.
    const context = page.context();
    expect(await context.cookies(server.url)).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    expect(errors.filter((e) => !isNetworkError(e))).toEqual([]);
  });

  it('says clearly when the brand’s token is signed with the wrong secret, and tells the page', async () => {
    const site = await brandSite(() => 'a-wrong-secret-that-is-long-enough-to-sign');
    await setup(site);
    const { page } = await openBrand(`${site.url}/?view=ideas`);
    await signInAtBrand(page);
    const widget = page.locator('commonplace-embed[view=ideas]');
    await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain('We couldn’t sign you in'.replace('’', "'"));
    expect(await deepText(widget)).toContain('the signature does not match this space');
    await expect.poll(() => events(page)).toContain('commonplace-error {"code":"INVALID_SSO_TOKEN"');
    // Still a working anonymous view.
    expect(await deepText(widget)).toContain('A cargo cover that clips on');
  });

  it('is refused on a page whose origin is not on the space’s widget list', async () => {
    const site = await brandSite(() => null);
    await setup(null);
    const { page } = await openBrand(`${site.url}/?view=ideas`);
    const widget = page.locator('commonplace-embed[view=ideas]');
    await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain("These ideas aren't available");
    await expect.poll(() => events(page)).toContain('commonplace-error');
    expect(await deepText(widget)).not.toContain('A cargo cover that clips on');
    // The server refuses the origin on the API and the socket, whatever the browser does.
    const origin = site.url;
    const res = await fetch(`${server.url}/api/v1/spaces/lumen/waves`, { headers: { origin } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps the brand page’s global CSS out of the widget, and its own styles out of the page', async () => {
    let secret: string | null = null;
    const site = await brandSite(() => secret);
    const { space } = await setup(site);
    secret = space.ssoSecret;
    const { page } = await openBrand(`${site.url}/?view=ideas`);
    const title = page.locator('commonplace-embed[view=ideas]').locator('h2');
    await expect.poll(() => title.count(), { timeout: 10_000 }).toBe(1);
    const look = () =>
      title.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.color, s.fontSize, s.fontFamily, s.textTransform, s.display];
      });
    const hostLook = () =>
      page.locator('main h1').evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.color, s.fontSize, s.fontFamily, s.display];
      });
    const before = await look();
    const pageBefore = await hostLook();
    await page.addStyleTag({
      content: `* { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: monospace !important; text-transform: uppercase !important; }
        h2, button, section, li { display: inline !important; }`,
    });
    expect(await look()).toEqual(before);
    // And the other way: a page without the widget looks the same as with it.
    const bare = await openBrand(`${site.url}/?view=none`);
    expect(await bare.page.locator('main h1').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontSize, getComputedStyle(el).fontFamily, getComputedStyle(el).display])).toEqual(pageBefore);
    // No globals besides the element.
    const globals = await page.evaluate(() => Object.keys(window).filter((k) => /commonplace|cp[A-Z_]/i.test(k)));
    expect(globals).toEqual([]);
  });

  it('works the same with third-party cookies blocked', async () => {
    const strict = await launchBrowser(['--test-third-party-cookie-phaseout', '--block-third-party-cookies']);
    try {
      let secret: string | null = null;
      const site = await brandSite(() => secret);
      const { space, fan, wave } = await setup(site);
      secret = space.ssoSecret;
      const { page } = await openBrand(`${site.url}/?view=ideas`, strict);
      await signInAtBrand(page);
      const widget = page.locator('commonplace-embed[view=ideas]');
      await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain('Signed in as Ana Souza');
      await widget.locator(`li[data-id="${wave.id}"] button`).click();
      await expect.poll(() => widget.locator(`li[data-id="${wave.id}"] button`).getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      const detail = await api<WaveDetail>(server, 'GET', `/api/v1/waves/${wave.id}`, { token: fan.token });
      expect(detail.body.supporters).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it('shows the cafe floor without names to visitors; signed in, they sit down and talk with a fan at the table', async () => {
    let secret: string | null = null;
    const site = await brandSite(() => secret);
    const { space, fan } = await setup(site);
    secret = space.ssoSecret;
    const opened = await api(server, 'POST', '/api/v1/spaces/lumen/tables', { token: fan.token, body: { topic: 'Night rides', tags: ['lights'] } });
    expect(opened.status).toBe(201);
    const fanSocket = await connected(connectSocket(server, { token: fan.token }));

    const { page, errors } = await openBrand(`${site.url}/?view=cafe`);
    const widget = page.locator('commonplace-embed[view=cafe]');
    await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain('Night rides');
    expect(await deepText(widget)).toContain('1 of 6');
    expect(await deepText(widget)).not.toContain('Kenji Watanabe');

    await signInAtBrand(page);
    await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain('Signed in as Ana Souza');
    // Signed in to the space: now the names show.
    await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain('Kenji Watanabe');
    await widget.getByRole('button', { name: /Sit down at “Night rides”/ }).click();
    const log = widget.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => log.count(), { timeout: 10_000 }).toBe(1);
    await widget.getByLabel('Say something to the table').fill('Which lights do you use?');
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => deepText(log), { timeout: 10_000 }).toContain('Which lights do you use?');

    // The fan at the table hears it, and answers; the widget shows the answer live.
    const tableId = opened.body.id as string;
    await fanSocket.emitWithAck('stream:subscribe', { stream: `table:${tableId}`, after: 0 });
    const said = await fanSocket.emitWithAck('table:say', { tableId, body: 'A dynamo light, never needs charging.', idempotencyKey: 'widget-cafe-0001' });
    expect(said.ok).toBe(true);
    await expect.poll(() => deepText(log), { timeout: 10_000 }).toContain('A dynamo light, never needs charging.');
    const seated = await api(server, 'GET', `/api/v1/tables/${tableId}`, { token: fan.token });
    expect(seated.body.people.map((p: { displayName: string }) => p.displayName)).toEqual(['Kenji Watanabe', 'Ana Souza']);
    fanSocket.close();
    expect(errors.filter((e) => !isNetworkError(e))).toEqual([]);
  });

  it('lets a signed-in visitor co-edit the idea document: the editor loads on demand and the edit reaches the fan app', async () => {
    let secret: string | null = null;
    const site = await brandSite(() => secret);
    const { space, wave, fan } = await setup(site);
    secret = space.ssoSecret;
    const { page, errors } = await openBrand(`${site.url}/?view=wave&wave=${wave.id}`);
    await signInAtBrand(page);
    const widget = page.locator('commonplace-embed[view=wave]');
    await expect.poll(() => deepText(widget), { timeout: 10_000 }).toContain('Signed in as Ana Souza');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await widget.getByRole('button', { name: 'Edit the idea' }).click();
    // The editor's code comes only now.
    await expect.poll(() => requested.some((u) => /cp-idea-editor|editor-/.test(u)), { timeout: 10_000 }).toBe(true);
    const doc = widget.getByRole('textbox', { name: /The idea/ });
    await expect.poll(() => doc.textContent(), { timeout: 10_000 }).toContain('rolls up when the sun comes out');
    await doc.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Reflective piping too.');

    const app = await openSignedIn(browser, server.url, fan, `/s/lumen/waves/${wave.id}`, contexts);
    await expect.poll(() => app.page.getByRole('textbox', { name: 'Idea document' }).textContent(), { timeout: 10_000 }).toContain('Reflective piping too.');
    expect(errors.filter((e) => !isNetworkError(e))).toEqual([]);
  });

  it('speaks the language of its lang attribute: each widget its own, loaded on demand, and a change of it', async () => {
    const site = await brandSite(() => null);
    await setup(site);
    const { page, errors } = await openBrand(`${site.url}/?view=ideas`);
    const tables: string[] = [];
    page.on('request', (request) => void (/\/assets\/i18n-/.test(request.url()) && tables.push(new URL(request.url()).pathname)));
    const english = page.locator('commonplace-embed[view=ideas]');
    await expect.poll(() => widgetText(page, 'ideas'), { timeout: 10_000 }).toContain('Ideas for Space lumen');
    expect(tables).toEqual([]);

    // A second widget on the same page, in Dutch: its words change, the first one's do not.
    await page.evaluate(() => {
      const dutch = document.createElement('commonplace-embed');
      dutch.id = 'dutch';
      dutch.setAttribute('space', 'lumen');
      dutch.setAttribute('lang', 'nl');
      document.body.prepend(dutch);
    });
    const dutch = page.locator('#dutch');
    await expect.poll(() => deepText(dutch), { timeout: 10_000 }).toContain('Ideeën voor Space lumen');
    const text = await deepText(dutch);
    expect(text).toContain('Meld je aan om ideeën te steunen');
    expect(text).toContain('0 reacties');
    expect(text).toContain('A cargo cover that clips on');
    expect(await dutch.locator('[part=frame]').getAttribute('lang')).toBe('nl');
    expect(await deepText(english)).toContain('Sign in to support ideas');
    // Only the widget's part of the Dutch tables was fetched, once.
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatch(/^\/assets\/i18n-nl-widget-/);

    // Changing the attribute reloads the view in the new language (here the pseudo-locale: every word accented).
    await dutch.evaluate((el) => el.setAttribute('lang', 'en-XA'));
    await expect.poll(() => deepText(dutch), { timeout: 10_000 }).toContain(`${pseudo('Ideas for ')}Space lumen`);
    expect(await deepText(dutch)).toContain(pseudo('Sign in to support ideas'));
    expect(errors.filter((e) => !isNetworkError(e))).toEqual([]);
  });
});

