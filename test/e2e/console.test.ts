import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { streamName } from '../../shared/streams.js';
import { ModeratedKinds } from '../../server/features/moderation/kinds.js';
import { queueItems } from '../../server/features/moderation/queue.repository.js';
import type { SpaceRow } from '../../server/features/spaces/spaces.table.js';
import { collectConsoleErrors, deepText, isNetworkError } from '../helpers/browser.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import type { TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });

const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));
const LINK_REASON = '[{"rule":"new-author-link","message":"A link from someone with no approved posts yet."}]';

let itemCounter = 0;

/** The content features that feed the queue are still being wired, so items go straight into the table. */
async function insertItem(space: SpaceRow, author: TestUser, body: string, minutesAgo: number): Promise<string> {
  const id = `item_${String(++itemCounter).padStart(4, '0')}_${Math.random().toString(36).slice(2, 8)}`;
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  await server.db.kysely
    .insertInto('moderation_items')
    .values({
      id,
      space_id: space.id,
      content_kind: 'blip',
      content_id: `blip_${id}`,
      author_id: author.id,
      status: 'held',
      body,
      reasons: LINK_REASON,
      flags: '[]',
      created_at: at,
      updated_at: at,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();
  return id;
}

/** What the pipeline does when it holds something: the item goes out on the staff stream. */
async function announceItem(space: SpaceRow, id: string): Promise<void> {
  const [item] = await queueItems(server.db.kysely, new ModeratedKinds(), [id], new Date());
  await server.app.streams.append({ stream: streamName.staff(space.id), type: 'moderation:item', data: { item: item! }, actorId: null });
}

async function statusOf(id: string) {
  return server.db.kysely
    .selectFrom('moderation_items')
    .select(['status', 'decided_by', 'decision_note'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

interface Opened {
  page: Page;
  errors: string[];
  /** Holds live moderation events on their way to the page (a slow network), until released. */
  holdLive(on: boolean): void;
}

/** A browser signed in as `user` (session cookie), with its socket frames routed through the test. */
async function openAs(user: TestUser, path: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  // A missing element fails the test with its locator, rather than hanging until the test times out.
  context.setDefaultTimeout(8_000);
  contexts.push(context);
  const [name, value] = user.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  let holding = false;
  const held: (() => void)[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const upstream = ws.connectToServer();
    upstream.onMessage((message) => {
      const live = typeof message === 'string' && message.startsWith('42["stream:event"') && message.includes('"moderation:item"');
      if (holding && live) held.push(() => ws.send(message));
      else ws.send(message);
    });
  });
  const errors = collectConsoleErrors(page);
  await page.goto(server.url + path);
  return {
    page,
    errors,
    holdLive(on) {
      holding = on;
      if (!on) for (const send of held.splice(0)) send();
    },
  };
}

const item = (page: Page, text: string) => page.locator('cp-moderation-item').filter({ hasText: text });

/** The focused element, looked up through shadow roots. */
function focused(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.localName;
  });
}

/** The queue says "Live" once it follows the staff stream; from then on no change is missed. */
async function waitLive(page: Page): Promise<void> {
  await expect.poll(() => page.locator('cp-moderation-queue .live--on').count(), { timeout: 10_000 }).toBe(1);
}

const heldTab = (page: Page) => page.getByRole('tab', { name: /^Held/ });

async function people() {
  const space = await makeSpace(server, 'acme');
  const dana = await signUp(server, 'Dana');
  const eli = await signUp(server, 'Eli');
  const ana = await signUp(server, 'Ana Souza');
  await grant(server, space, dana, 'staff');
  await grant(server, space, eli, 'staff');
  await grant(server, space, ana, 'fan');
  return { space, dana, eli, ana };
}

describe('the staff console', () => {
  it('lets a moderator work the held queue with the keyboard, and hears about others’ decisions', async () => {
    const { space, dana, eli, ana } = await people();
    const first = await insertItem(space, ana, 'Nice post! Visit http://spam-shop.example\nfor deals', 30);
    const second = await insertItem(space, ana, 'Cheap pills here', 20);
    const third = await insertItem(space, ana, 'Third one, with a link', 10);

    const { page, errors, holdLive } = await openAs(dana, '/console/s/acme/queue');
    await expect.poll(() => item(page, 'Nice post!').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => deepText(item(page, 'Nice post!'))).toContain('A link from someone with no approved posts yet.');
    await expect.poll(() => deepText(item(page, 'Nice post!'))).toContain('Ana Souza');
    await expect.poll(() => deepText(heldTab(page))).toContain('3');
    expect(await page.getByRole('tab', { name: /^Held/ }).getAttribute('aria-selected')).toBe('true');
    // The keyboard legend is on screen.
    await expect.poll(() => deepText(page.locator('cp-moderation-legend'))).toContain('approve');
    await waitLive(page);

    // j focuses the first (oldest) item, a approves it: it leaves the Held tab.
    await page.keyboard.press('j');
    await expect.poll(() => focused(page)).toBe('cp-moderation-item');
    await page.keyboard.press('a');
    await expect.poll(() => item(page, 'Nice post!').count()).toBe(0);
    expect((await statusOf(first)).status).toBe('approved');
    await expect.poll(() => deepText(heldTab(page))).toContain('2');

    // Focus moved on to the next item: r opens the reason, Enter rejects.
    await page.keyboard.press('r');
    const reason = page.getByRole('textbox', { name: 'Reason for rejecting' });
    await expect.poll(() => reason.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    // Letters typed in the reason are text, not shortcuts.
    await page.keyboard.type('Selling pills is against the rules');
    await page.keyboard.press('Enter');
    await expect.poll(() => item(page, 'Cheap pills').count()).toBe(0);
    expect(await statusOf(second)).toMatchObject({ status: 'rejected', decision_note: 'Selling pills is against the rules' });

    // Eli approves the third item while its live event is still on the way: Dana's approval hears who was first.
    holdLive(true);
    const byEli = await api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${third}/approve`, { token: eli.token, body: {} });
    expect(byEli.status).toBe(200);
    await item(page, 'Third one').focus();
    await page.keyboard.press('a');
    await expect.poll(() => deepText(item(page, 'Third one').getByRole('alert'))).toMatch(/Already approved by Eli at \w/);
    expect((await statusOf(third)).decided_by).toBe(eli.id);
    holdLive(false);
    await expect.poll(() => deepText(item(page, 'Third one'))).toContain('Approved by Eli');

    // Live: a new item is announced; one Eli decides changes on Dana's screen without a reload.
    const fourth = await insertItem(space, ana, 'A fourth post, fresh in', 1);
    await announceItem(space, fourth);
    await expect.poll(() => page.getByText('1 new item in Held.').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => item(page, 'A fourth post').count()).toBe(1);
    const rejected = await api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${fourth}/reject`, {
      token: eli.token,
      body: { reason: 'Duplicate' },
    });
    expect(rejected.status).toBe(200);
    await expect.poll(() => deepText(item(page, 'A fourth post')), { timeout: 10_000 }).toContain('Rejected by Eli');
    await expect.poll(() => page.getByText(/was rejected by Eli/).count()).toBe(1);

    // Reload keeps the place: the same space, queue and tab.
    await page.getByRole('tab', { name: /^Recent/ }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/console/s/acme/queue/recent`);
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: /^Recent/ }).getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => deepText(item(page, 'Cheap pills'))).toContain('Rejected by Dana');

    expect(scriptErrors(errors)).toEqual([]);
  });

  it('decides several items at once and says which were already handled', async () => {
    const { space, dana, eli, ana } = await people();
    const ids = [
      await insertItem(space, ana, 'Bulk one', 30),
      await insertItem(space, ana, 'Bulk two', 20),
      await insertItem(space, ana, 'Bulk three', 10),
    ];
    const { page, errors, holdLive } = await openAs(dana, '/console/s/acme/queue');
    await expect.poll(() => item(page, 'Bulk three').count(), { timeout: 10_000 }).toBe(1);
    await waitLive(page);
    holdLive(true);
    await api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${ids[1]}/reject`, { token: eli.token, body: { reason: 'Spam' } });
    await page.getByLabel('Select all shown').check();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await expect.poll(() => page.locator('.bulk__result').textContent()).toContain('Approved 2 items.');
    expect(await page.locator('.bulk__result').textContent()).toContain('“Bulk two”: rejected by Eli');
    expect((await statusOf(ids[0]!)).status).toBe('approved');
    expect((await statusOf(ids[1]!)).status).toBe('rejected');
    holdLive(false);
    expect(scriptErrors(errors)).toEqual([]);
  });

  it('opens and closes the editor from the keyboard, and bans an author from a dialog', async () => {
    const { space, dana, ana } = await people();
    await insertItem(space, ana, 'Spam spam spam', 10);
    const { page, errors } = await openAs(dana, '/console/s/acme/queue');
    await expect.poll(() => item(page, 'Spam spam').count(), { timeout: 10_000 }).toBe(1);

    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(() => page.getByText('1 selected').count()).toBe(1);
    await page.keyboard.press('e');
    const editor = page.getByRole('textbox', { name: 'Edit the text' });
    await expect.poll(() => editor.inputValue()).toBe('Spam spam spam');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('cp-moderation-item');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText('1 selected').count()).toBe(0);

    await page.getByRole('button', { name: /Ban or suspend/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban or suspend Ana Souza' });
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('radio', { name: 'Ban from this space' }).check();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Spam account');
    // Shortcuts stay off while the dialog is open (focus on a radio, where a letter is no text).
    await dialog.getByRole('radio', { name: 'Ban from this space' }).focus();
    await page.keyboard.press('a');
    await dialog.getByRole('button', { name: 'Ban' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => deepText(item(page, 'Spam spam'))).toContain('Banned from this space');
    await expect.poll(() => page.getByText('Ana Souza is banned from this space.').count()).toBe(1);
    const bans = await server.db.kysely.selectFrom('member_sanctions').select(['kind', 'reason']).execute();
    expect(bans).toEqual([{ kind: 'ban', reason: 'Spam account' }]);
    expect((await server.db.kysely.selectFrom('moderation_items').select('status').executeTakeFirstOrThrow()).status).toBe('held');
    expect(scriptErrors(errors)).toEqual([]);
  });

  it('shows staff actions in the audit log, filtered by staff member', async () => {
    const { space, dana, eli, ana } = await people();
    const a = await insertItem(space, ana, 'Audit one', 20);
    const b = await insertItem(space, ana, 'Audit two', 10);
    await api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${a}/approve`, { token: dana.token, body: {} });
    await api(server, 'POST', `/api/v1/spaces/acme/moderation/items/${b}/reject`, { token: eli.token, body: { reason: 'Off topic' } });

    const { page, errors } = await openAs(dana, '/console/s/acme/queue');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/console/s/acme/audit`);
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    const approval = table.getByRole('row').filter({ hasText: 'Approved an item' });
    await expect.poll(() => approval.textContent()).toContain('Dana');
    expect(await approval.textContent()).toContain('status: "held" → "approved"');
    expect(await table.getByRole('row').filter({ hasText: 'Rejected an item' }).textContent()).toContain('"Off topic"');
    expect(await page.getByRole('columnheader', { name: 'Who' }).count()).toBe(1);

    await page.getByLabel('Staff member').selectOption({ label: 'Eli (staff)' });
    await expect.poll(() => page.url()).toContain(`actor=${eli.id}`);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.textContent()).not.toContain('Approved an item');
    await page.reload();
    await expect.poll(() => page.getByRole('table').getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    expect(scriptErrors(errors)).toEqual([]);
  });

  it('lets an admin change banned words, with field errors from the server next to the field', async () => {
    const space = await makeSpace(server, 'acme');
    const ada = await signUp(server, 'Ada Admin');
    await grant(server, space, ada, 'admin');

    const { page, errors } = await openAs(ada, '/console/s/acme/settings');
    const banned = page.getByRole('textbox', { name: 'Banned words' });
    await banned.waitFor({ timeout: 10_000 });
    await banned.fill('casino\ncrypto giveaway\n');
    await page.getByRole('radio', { name: 'Everything: every post waits' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Settings saved.').count()).toBe(1);
    const stored = await api(server, 'GET', '/api/v1/spaces/acme/settings', { token: ada.token });
    expect(stored.body).toMatchObject({ bannedWords: ['casino', 'crypto giveaway'], moderationMode: 'all' });

    const origins = page.getByRole('textbox', { name: 'Widget origins' });
    await origins.fill('https://shop.example.com\nnot an origin');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => origins.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await origins.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('widgetOrigins-error');
    await expect.poll(() => page.locator('#widgetOrigins-error').textContent()).toMatch(/^Line 2: /);
    await expect.poll(() => origins.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);

    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Banned words' }).inputValue(), { timeout: 10_000 }).toBe('casino\ncrypto giveaway');
    expect(scriptErrors(errors)).toEqual([]);
  });

  it('keeps settings to admins: staff see no Settings link and an explanation', async () => {
    const { dana } = await people();
    const { page } = await openAs(dana, '/console/s/acme/settings');
    await expect.poll(() => page.getByText('Only admins of this space can change its settings.').count(), { timeout: 10_000 }).toBe(1);
    // Other sections come and go; Settings is never among them for staff.
    const links = await page.getByRole('navigation', { name: 'Space acme sections' }).getByRole('link').allTextContents();
    expect(links.slice(0, 3)).toEqual(['Announcements', 'Moderation queue', 'Audit log']);
    expect(links).toEqual(expect.arrayContaining(['Floor', 'Ideas']));
    expect(links).not.toContain('Settings');
  });

  it('tells a fan the console is not for them, and the queue API refuses them', async () => {
    const space = await makeSpace(server, 'acme');
    const fan = await signUp(server, 'Ana');
    await grant(server, space, fan, 'fan');
    const { page } = await openAs(fan, '/console/s/acme/queue');
    await expect.poll(() => page.getByText(/This console is for a space.s staff/).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('cp-moderation-queue').count()).toBe(0);
    const res = await api(server, 'GET', '/api/v1/spaces/acme/moderation/queue?tab=held', { token: fan.token });
    expect(res.status).toBe(403);
  });
});

