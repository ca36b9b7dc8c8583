import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/protocol/result.js';
import type { CafeTable, Hand } from '../../shared/schemas/cafe.js';
import type { WaveDetail } from '../../shared/schemas/waves.js';
import { newId } from '../../server/lib/ids.js';
import { deepText, isNetworkError, openSignedIn } from '../helpers/browser.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';
import { closeSockets, connected as socketConnected, connectSocket } from '../helpers/sockets.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({
  onBrowser: (b) => (browser = b),
  onServer: (s) => (server = s),
  contexts,
});

const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));
async function openAs(user: TestUser, path: string) {
  const opened = await openSignedIn(browser, server.url, user, path, contexts);
  // A missing element fails the test with its locator, rather than hanging until the test times out.
  opened.page.context().setDefaultTimeout(8_000);
  return opened;
}
/** Live updates take a batch (≤ 0.5 s) and a socket round trip; leave room on a busy machine. */
const LIVE = { timeout: 10_000 };
const live = (page: Page) => expect.poll(() => page.locator('cp-console-floor .live[data-on]').count(), LIVE).toBe(1);

describe('the console floor', () => {
  it('shows a raised hand on top with its wait; staff join, see the fan card beside the chat, answer and add a note', async () => {
    const space = await makeSpace(server, 'acme');
    const [ana, kenji, dana] = await Promise.all(['Ana Souza', 'Kenji Sato', 'Dana Reyes'].map((n) => signUp(server, n)));
    await grant(server, space, dana!, 'staff');
    // Two tables; Kenji's hand went up earlier, at the other one (it waits longer).
    const night = (await api<CafeTable>(server, 'POST', '/api/v1/spaces/acme/tables', { token: ana!.token, body: { topic: 'Night rides' } })).body;
    const cargo = (await api<CafeTable>(server, 'POST', '/api/v1/spaces/acme/tables', { token: kenji!.token, body: { topic: 'Cargo bikes' } })).body;
    const anaSocket = await socketConnected(connectSocket(server, { token: ana!.token }));
    const kenjiSocket = await socketConnected(connectSocket(server, { token: kenji!.token }));
    try {
      const kenjiHand = (await kenjiSocket.emitWithAck('table:hand', { tableId: cargo.id })) as Result<{ hand: Hand }>;
      expect(kenjiHand.ok).toBe(true);

      const { page, errors } = await openAs(dana!, '/console/s/acme/floor');
      await live(page);
      const hands = page.getByRole('region', { name: /^Raised hands/ }).first();
      await expect.poll(() => deepText(hands), LIVE).toContain('Kenji Sato');

      // Ana raises her hand: it arrives live, below Kenji's (longest wait first), with its wait ticking.
      await new Promise((r) => setTimeout(r, 1100));
      const raised = (await anaSocket.emitWithAck('table:hand', { tableId: night.id, question: 'Is there a winter tyre?' })) as Result<{ hand: Hand }>;
      expect(raised.ok).toBe(true);
      const items = hands.getByRole('listitem');
      await expect.poll(() => items.count(), LIVE).toBe(2);
      expect(await deepText(items.nth(0))).toContain('Kenji Sato');
      const anaItem = items.nth(1);
      expect(await deepText(anaItem)).toContain('Ana Souza');
      expect(await deepText(anaItem)).toContain('Night rides');
      expect(await deepText(anaItem)).toContain('Is there a winter tyre?');
      const wait = () => anaItem.locator('cp-waiting-time').first().evaluate((el) => el.shadowRoot!.textContent!.trim());
      const firstWait = await wait();
      expect(firstWait).toMatch(/^0:0\d/);
      await expect.poll(wait, { timeout: 5000 }).not.toBe(firstWait);
      // Kenji's hand is answered elsewhere: Ana's is now at the top.
      expect((await api(server, 'POST', `/api/v1/tables/${cargo.id}/close`, { token: dana!.token })).status).toBe(200);
      await expect.poll(() => items.count(), LIVE).toBe(1);
      expect(await deepText(items.first())).toContain('Ana Souza');

      // Join from the hand: a staff seat, the table's chat, and Ana's fan card beside it.
      await items.first().getByRole('button', { name: /^Join/ }).click();
      await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe(`/console/s/acme/floor/${night.id}`);
      expect(new URL(page.url()).searchParams.get('person')).toBe(ana!.id);
      await expect.poll(() => page.locator('cp-console-table').getByRole('region', { name: 'Conversation', exact: true }).count(), LIVE).toBe(1);
      const seat = await server.db.kysely.selectFrom('table_seats').selectAll().where('table_id', '=', night.id).where('user_id', '=', dana!.id).executeTakeFirst();
      expect(seat?.staff).toBe(1);
      const fanCard = page.locator('cp-console-table cp-fan-card');
      await expect.poll(() => deepText(fanCard), LIVE).toContain('Ana Souza');

      // Answer: the hand goes down, its wait is recorded.
      const tableHands = page.locator('cp-console-table').getByRole('region', { name: 'Raised hands', exact: true });
      await tableHands.getByRole('button', { name: 'Answer Ana Souza' }).click();
      await expect.poll(() => deepText(tableHands), LIVE).toMatch(/Answered Ana Souza after \d+ s by Dana Reyes/);
      const stored = await server.db.kysely.selectFrom('table_hands').selectAll().where('id', '=', raised.ok ? raised.data.hand.id : '').executeTakeFirstOrThrow();
      expect(stored.answered_by).toBe(dana!.id);
      expect(stored.lowered_at).not.toBeNull();
      const waited = (Date.parse(stored.answered_at!) - Date.parse(stored.raised_at)) / 1000;
      expect(waited).toBeGreaterThan(1);
      // And the floor's alerts follow: no hand is up.
      await expect.poll(() => deepText(hands), LIVE).toContain('No hands are up.');

      // A note on Ana, in the fan card beside the chat.
      const note = fanCard.getByRole('textbox', { name: 'Add a note' });
      await note.fill('Rides at night all winter; wants studded tyres.');
      await fanCard.getByRole('button', { name: 'Save note' }).click();
      await expect.poll(() => deepText(fanCard), LIVE).toContain('Rides at night all winter; wants studded tyres.');
      const notes = await server.db.kysely.selectFrom('person_notes').select(['person_id', 'author_id', 'text']).where('space_id', '=', space.id).execute();
      expect(notes).toEqual([{ person_id: ana!.id, author_id: dana!.id, text: 'Rides at night all winter; wants studded tyres.' }]);

      // An announcement to all tables reaches this table's chat too.
      await page.locator('cp-console-floor .announce summary').click();
      await page.getByRole('textbox', { name: 'Announcement' }).fill('Free coffee at the counter until six.');
      await page.getByRole('button', { name: 'Announce to all tables' }).click();
      await expect.poll(() => deepText(page.locator('cp-console-table').getByRole('log', { name: 'Table chat' })), LIVE).toContain('Free coffee at the counter until six.');
      expect(await deepText(page.locator('cp-console-table').getByRole('log', { name: 'Table chat' }))).toContain('Announcement from Dana Reyes');

      // Ana was told her hand was answered.
      const inbox = await api<{ items: { kind: string }[] }>(server, 'GET', '/api/v1/me/notifications', { token: ana!.token });
      expect(inbox.body.items.map((n) => n.kind)).toContain('hand-answered');
      expect(scriptErrors(errors)).toEqual([]);
    } finally {
      closeSockets();
    }
  }, 60_000);

  it('keeps 1,000 open tables smooth: the grid renders the rows in view, and deltas change them in place', async () => {
    const space = await makeSpace(server, 'acme', { emptyTableCloseMinutes: 10_080 });
    const dana = await signUp(server, 'Dana Reyes');
    const ana = await signUp(server, 'Ana Souza');
    await grant(server, space, dana, 'staff');
    const now = Date.now();
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const at = new Date(now - i * 1000).toISOString();
      return { id: newId(), space_id: space.id, topic: `Table number ${i + 1}`, tags: '[]', capacity: 6, fan_seats: 0, host_id: null, created_at: at, last_activity_at: at, closed_at: null, locked_at: null };
    });
    for (let i = 0; i < rows.length; i += 100) await server.db.kysely.insertInto('cafe_tables').values(rows.slice(i, i + 100)).execute();

    const { page, errors } = await openAs(dana, '/console/s/acme/floor');
    await live(page);
    await expect.poll(() => deepText(page.getByRole('heading', { name: /^Open tables/ })), LIVE).toContain('1000');
    await expect.poll(() => page.locator('cp-floor-table').count(), LIVE).toBeGreaterThan(0);
    const rendered = await page.locator('cp-floor-table').count();
    expect(rendered).toBeLessThan(60);

    // A change to a table in view arrives as a delta and is shown in place.
    const first = rows[0]!;
    const anaSocket = await socketConnected(connectSocket(server, { token: ana.token }));
    try {
      expect(((await anaSocket.emitWithAck('table:join', { tableId: first.id })) as Result<unknown>).ok).toBe(true);
      expect(((await anaSocket.emitWithAck('table:say', { tableId: first.id, body: 'First!', idempotencyKey: 'first-message-1' })) as Result<unknown>).ok).toBe(true);
      const firstCard = page.locator('cp-floor-table').filter({ hasText: 'Table number 1' }).first();
      await expect.poll(() => deepText(firstCard), LIVE).toContain('First!');
      expect(await deepText(firstCard)).toContain('Ana Souza');
      expect(await deepText(firstCard)).toContain('1 of 6 seats taken');

      // Scrolling far down renders other rows, still only a few.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight - window.innerHeight));
      await expect.poll(() => deepText(page.locator('cp-floor-table').last()), LIVE).toContain('Table number 1000');
      expect(await page.locator('cp-floor-table').count()).toBeLessThan(60);
      expect(scriptErrors(errors)).toEqual([]);
    } finally {
      closeSockets();
    }
  }, 60_000);
});

describe('the ideas pipeline in the console', () => {
  it('moves a wave with a required public reason, from the keyboard, and ships it with a note', async () => {
    const space = await makeSpace(server, 'acme');
    const [ana, kenji, dana] = await Promise.all(['Ana Souza', 'Kenji Sato', 'Dana Reyes'].map((n) => signUp(server, n)));
    await grant(server, space, dana!, 'staff');
    const wave = (await api<WaveDetail>(server, 'POST', '/api/v1/spaces/acme/waves', { token: ana!.token, body: { title: 'Rain-proof cover for the cargo box' } })).body;
    const twin = (await api<WaveDetail>(server, 'POST', '/api/v1/spaces/acme/waves', { token: kenji!.token, body: { title: 'A cargo box cover for rain' } })).body;
    expect((await api(server, 'PUT', `/api/v1/waves/${wave.id}/support`, { token: kenji!.token })).status).toBe(200);

    const { page, errors } = await openAs(dana!, '/console/s/acme/ideas');
    const open = page.getByRole('region', { name: /^Open/ });
    await expect.poll(() => deepText(open), LIVE).toContain('Rain-proof cover for the cargo box');
    const card = page.locator(`#card-${wave.id}`);
    expect(await deepText(card)).toContain('1 supporter');
    expect(await deepText(card)).toContain('Breadth: 0 tables · 1 first-time contributor');
    expect(await deepText(card)).toContain('A cargo box cover for rain');

    // Keyboard: pick the status, open the dialog; an empty reason is refused.
    await card.getByRole('combobox', { name: /^Move/ }).selectOption('shipped');
    await card.getByRole('button', { name: /^Move…/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Move “Rain-proof cover for the cargo box” to Shipped/ });
    await expect.poll(() => dialog.count(), LIVE).toBe(1);
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Ship it' }).click();
    await expect.poll(() => deepText(dialog)).toContain('Write the shipping note first.');
    await dialog.getByRole('textbox', { name: 'Shipping note (public)' }).fill('In shops from March. Thank you!');
    await dialog.getByRole('button', { name: 'Ship it' }).click();
    const shipped = page.getByRole('region', { name: /^Shipped/ });
    await expect.poll(() => deepText(shipped), LIVE).toContain('Rain-proof cover for the cargo box');
    expect(await deepText(shipped)).toContain('In shops from March. Thank you!');
    const detail = (await api<WaveDetail>(server, 'GET', `/api/v1/waves/${wave.id}`)).body;
    expect(detail.status).toBe('shipped');
    expect(detail.madeWith!.map((p) => p.displayName)).toEqual(['Ana Souza', 'Kenji Sato']);

    // Merge the twin into it from its card.
    const twinCard = page.locator(`#card-${twin.id}`);
    await twinCard.getByRole('button', { name: /^Merge into this/ }).click();
    const merge = page.getByRole('dialog', { name: /Merge “A cargo box cover for rain”/ });
    await merge.getByRole('textbox', { name: 'Public reason' }).fill('Same idea');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => page.locator(`#card-${twin.id}`).count(), LIVE).toBe(0);

    // The fan app names the people who made it.
    const fan = await openAs(kenji!, `/s/acme/waves/${wave.id}`);
    await expect.poll(() => deepText(fan.page.getByRole('region', { name: 'Shipped: made with' })), LIVE).toContain('Ana Souza and Kenji Sato');
    expect(scriptErrors(errors)).toEqual([]);
    expect(scriptErrors(fan.errors)).toEqual([]);
  }, 60_000);
});
