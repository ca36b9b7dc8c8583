import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CafeTable } from '../../shared/schemas/cafe.js';
import type { Blip, WaveDetail } from '../../shared/schemas/waves.js';
import { deepText, isNetworkError, openSignedIn } from '../helpers/browser.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

const require = createRequire(import.meta.url);
/**
 * axe-core's browser build, run in each page (it scans open shadow roots too). Evaluated through
 * the DevTools protocol rather than `addScriptTag`, which the app's CSP (`script-src 'self'`) refuses.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });

const LIVE = { timeout: 10_000 };
/** A browser test does many round trips; on a shared, busy machine give it room. */
const SLOW = 90_000;
const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));
const openAs = (user: TestUser, path: string) => openSignedIn(browser, server.url, user, path, contexts);
const connected = (page: Page) => expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count(), LIVE).toBe(1);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; summary: string | undefined }[];
}

/** axe's serious and critical violations on the page as it stands. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: (n as unknown as { target: unknown }).target, summary: (n as unknown as { failureSummary?: string }).failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A space with something on every page: Ana's wave with a thread, Ben's table with a free seat, Ana's notifications. */
async function lively() {
  const space = await makeSpace(server, 'acme');
  const [ana, ben] = await Promise.all([signUp(server, 'Ana Souza'), signUp(server, 'Ben Carter')]);
  await grant(server, space, ana!, 'fan');
  await grant(server, space, ben!, 'fan');
  const wave = (
    await api<WaveDetail>(server, 'POST', '/api/v1/spaces/acme/waves', {
      token: ana!.token,
      body: { title: 'Rain-proof cargo cover', tags: ['cargo'], draft: 'Keep the kids dry on the school run.' },
    })
  ).body;
  const post = async (who: TestUser, body: string, parentId?: string) =>
    (await api<Blip>(server, 'POST', `/api/v1/waves/${wave.id}/blips`, { token: who.token, body: { body, ...(parentId ? { parentId } : {}) } })).body;
  const question = await post(ana!, 'Who has tried the current cover?');
  await post(ben!, 'I have, it **leaks** at the zipper.', question.id);
  await post(ben!, `<@${ana!.id}> the new model fixes it.`);
  await api(server, 'PUT', `/api/v1/waves/${wave.id}/support`, { token: ben!.token });
  const table = (await api<CafeTable>(server, 'POST', '/api/v1/spaces/acme/tables', { token: ben!.token, body: { topic: 'Night rides', tags: ['bikes'] } })).body;
  await api(server, 'PATCH', '/api/v1/me/profile', { token: ana!.token, body: { bio: 'I ride a cargo bike with two kids.', interests: ['cargo bikes'] } });
  return { ana: ana!, ben: ben!, wave, table };
}

describe('accessibility of the fan app', () => {
  it('has no serious or critical axe violations on the ideas, a wave, the cafe, a table, notifications and a profile', async () => {
    const { ana, ben, wave, table } = await lively();
    // Ana sits at Ben's table, so the table page shows its chat, hands and notepad.
    expect((await api(server, 'POST', `/api/v1/tables/${table.id}/seat`, { token: ana.token })).status).toBe(200);
    const pages: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
      { name: 'ideas list', path: '/s/acme', ready: (p) => expect.poll(() => p.locator('cp-wave-card').count(), LIVE).toBe(1) },
      {
        name: 'wave',
        path: `/s/acme/waves/${wave.id}`,
        ready: async (p) => {
          await expect.poll(() => p.getByRole('log', { name: 'Conversation' }).locator('cp-blip').count(), LIVE).toBe(3);
          await expect.poll(() => p.getByRole('textbox', { name: 'Idea document' }).count(), LIVE).toBe(1);
        },
      },
      { name: 'cafe floor', path: '/s/acme/cafe', ready: (p) => expect.poll(() => p.locator('cp-table-card').count(), LIVE).toBe(1) },
      {
        name: 'table',
        path: `/s/acme/tables/${table.id}`,
        ready: async (p) => {
          await expect.poll(() => p.getByRole('textbox', { name: 'Say something to the table' }).count(), LIVE).toBe(1);
          await expect.poll(() => p.getByRole('textbox', { name: 'Table notepad' }).count(), LIVE).toBe(1);
        },
      },
      { name: 'notifications', path: '/notifications', ready: (p) => expect.poll(() => p.locator('cp-notification-item').count(), LIVE).toBe(2) },
      { name: 'profile', path: `/s/acme/people/${ana.id}`, ready: (p) => expect.poll(() => deepText(p.locator('cp-profile-view')), LIVE).toContain('two kids') },
      { name: "someone else's profile", path: `/s/acme/people/${ben.id}`, ready: (p) => expect.poll(() => deepText(p.locator('cp-profile-view')), LIVE).toContain('Night rides') },
      { name: 'settings', path: '/settings', ready: (p) => expect.poll(() => p.getByRole('switch').count(), LIVE).toBeGreaterThan(5) },
    ];
    const a = await openAs(ana, '/s/acme');
    await connected(a.page);
    const found: Record<string, Violation[]> = {};
    for (const { name, path, ready } of pages) {
      await a.page.goto(server.url + path);
      await connected(a.page);
      await ready(a.page);
      const violations = await seriousViolations(a.page);
      if (violations.length) found[name] = violations;
    }
    // The sign-in page, signed out.
    const context = await browser.newContext();
    contexts.push(context);
    const out = await context.newPage();
    await out.goto(`${server.url}/signin?next=/s/acme`);
    await expect.poll(() => out.getByRole('textbox', { name: 'Email' }).count(), LIVE).toBe(1);
    const signIn = await seriousViolations(out);
    if (signIn.length) found['sign-in'] = signIn;

    expect(found).toEqual({});
    expect(scriptErrors(a.errors)).toEqual([]);
  }, SLOW);

  it('lets a keyboard alone post a blip and sit at a table, with visible focus on every stop', async () => {
    const { ana, wave, table } = await lively();
    const a = await openAs(ana, '/s/acme');
    await connected(a.page);
    await expect.poll(() => a.page.locator('cp-wave-card').count(), LIVE).toBe(1);
    const unseen: string[] = [];

    /** The focused element through shadow roots: what it is, its name, and whether focus is drawn. */
    const focused = () =>
      a.page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        let drawn = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        // A rich-text editor shows focus on its frame (:focus-within), a few levels up.
        for (let up = el.parentElement, i = 0; !drawn && (el as HTMLElement).isContentEditable && up && i < 3; up = up.parentElement, i++) {
          drawn = getComputedStyle(up).boxShadow !== 'none';
        }
        const labelled = el.getAttribute('aria-labelledby');
        const root = el.getRootNode() as Document | ShadowRoot;
        const label =
          el.getAttribute('aria-label') ??
          (labelled ? root.getElementById(labelled)?.textContent : null) ??
          (el.id ? root.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
          el.textContent ??
          '';
        return { tag: el.localName, role: el.getAttribute('role'), name: label.replace(/\s+/g, ' ').trim(), drawn };
      });

    /** Presses Tab (or Shift+Tab) until the focused element matches; every stop on the way must show its focus. */
    async function tabTo(match: (f: { tag: string; role: string | null; name: string }) => boolean, { back = false, max = 120 } = {}) {
      for (let i = 0; i < max; i++) {
        await a.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        const f = await focused();
        if (!f) continue;
        if (!f.drawn) unseen.push(`${f.tag}${f.role ? `[${f.role}]` : ''} “${f.name.slice(0, 60)}”`);
        if (match(f)) return;
      }
      throw new Error('The keyboard never reached the element');
    }

    // The ideas list → the wave.
    await tabTo((f) => f.tag === 'a' && f.name.includes('Rain-proof cargo cover'));
    await a.page.keyboard.press('Enter');
    await expect.poll(() => new URL(a.page.url()).pathname, LIVE).toBe(`/s/acme/waves/${wave.id}`);
    await expect.poll(() => a.page.getByRole('log', { name: 'Conversation' }).locator('cp-blip').count(), LIVE).toBe(3);

    // Past the idea document (Tab leaves the editor) to the composer; type and send with the button.
    await tabTo((f) => f.tag === 'textarea' && f.name.includes('Add to the conversation'));
    await a.page.keyboard.type('Posted with the keyboard alone.');
    await tabTo((f) => f.tag === 'button' && f.name === 'Post reply');
    await a.page.keyboard.press('Enter');
    const log = a.page.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => log.locator('cp-blip').count(), LIVE).toBe(4);
    expect(await deepText(log)).toContain('Posted with the keyboard alone.');

    // Reply to a blip, then change one's mind: Escape closes the reply box.
    await tabTo((f) => f.tag === 'button' && f.name.startsWith('Reply'));
    await a.page.keyboard.press('Enter');
    await expect.poll(() => focused().then((f) => f?.tag), LIVE).toBe('textarea');
    await a.page.keyboard.press('Escape');
    await expect.poll(() => log.locator('cp-composer').count()).toBe(0);

    // Back up to the header's sections → the cafe → sit down at Ben's table.
    await tabTo((f) => f.tag === 'a' && f.name === 'Cafe', { back: true, max: 200 });
    await a.page.keyboard.press('Enter');
    await expect.poll(() => new URL(a.page.url()).pathname, LIVE).toBe('/s/acme/cafe');
    await expect.poll(() => a.page.locator('cp-table-card').count(), LIVE).toBe(1);
    await tabTo((f) => f.tag === 'button' && f.name.includes('Sit down'));
    await a.page.keyboard.press('Enter');
    await expect.poll(() => new URL(a.page.url()).pathname, LIVE).toBe(`/s/acme/tables/${table.id}`);
    await expect.poll(() => a.page.getByRole('button', { name: 'Leave table' }).count(), LIVE).toBe(1);
    const seated = await api<CafeTable>(server, 'GET', `/api/v1/tables/${table.id}`, { token: ana.token });
    expect(seated.body.people.map((p) => p.displayName)).toContain('Ana Souza');

    expect(unseen).toEqual([]);
    expect(scriptErrors(a.errors)).toEqual([]);
  }, SLOW);
});
