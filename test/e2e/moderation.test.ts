import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WaveDetail } from '../../shared/schemas/waves.js';
import { deepText, isNetworkError, openSignedIn } from '../helpers/browser.js';
import { grant, makeSpace, signUp, type TestUser } from '../helpers/fixtures.js';
import { api } from '../helpers/http.js';
import { useBrowserAndServer } from '../helpers/browser-suite.js';
import type { TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

useBrowserAndServer({ onBrowser: (b) => (browser = b), onServer: (s) => (server = s), contexts });

const openAs = (user: TestUser, path: string) => openSignedIn(browser, server.url, user, path, contexts);


const SPAM = 'Nice post! Best lights for night rides at https://cheap-lights.example/deal';
const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));

describe('moderation, end to end', () => {
  it('holds a fan’s link drop for review, a moderator approves it with the keyboard, and the fan’s other browser sees it appear', async () => {
    const space = await makeSpace(server, 'acme');
    const dana = await signUp(server, 'Dana');
    const kenji = await signUp(server, 'Kenji');
    await grant(server, space, dana, 'staff');
    const wave = await api<WaveDetail>(server, 'POST', '/api/v1/spaces/acme/waves', {
      token: dana.token,
      body: { title: 'Night riding lights', tags: ['lights'], draft: 'What should a rear light do?' },
    });
    const path = `/s/acme/waves/${wave.body.id}`;

    // Kenji in two browsers: he writes in one and watches in the other.
    const writer = await openAs(kenji, path);
    const watcher = await openAs(kenji, path);
    for (const { page } of [writer, watcher]) {
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).count()).toBe(1);
    }
    const composer = writer.page.getByRole('combobox', { name: 'Add to the conversation' });
    await composer.click();
    await composer.fill(SPAM);
    await composer.press('ControlOrMeta+Enter');

    const writerLog = writer.page.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => deepText(writerLog), { timeout: 10_000 }).toContain('Waiting for review');
    const watcherLog = watcher.page.getByRole('log', { name: 'Conversation' });
    expect(await watcherLog.locator('cp-blip').count()).toBe(0);

    const moderator = await openAs(dana, '/console/s/acme/queue');
    const item = moderator.page.locator('cp-moderation-item').filter({ hasText: 'Nice post!' });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => deepText(item)).toContain('A link from someone with no approved posts yet.');
    await expect.poll(() => moderator.page.locator('cp-moderation-queue .live--on').count(), { timeout: 10_000 }).toBe(1);
    await moderator.page.keyboard.press('j');
    await moderator.page.keyboard.press('a');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);

    await expect.poll(() => watcherLog.locator('cp-blip').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => deepText(watcherLog)).toContain('Nice post! Best lights for night rides');
    // Every link people post is shown without passing on reputation or the opener.
    expect((await watcherLog.locator('a[href*="cheap-lights"]').getAttribute('rel'))?.split(' ').sort()).toEqual(['nofollow', 'noopener', 'ugc']);
    await expect.poll(() => deepText(writerLog)).not.toContain('Waiting for review');
    await expect.poll(() => deepText(writer.page.getByRole('status').filter({ hasText: 'approved' }))).toContain('was approved');

    for (const { errors } of [writer, watcher, moderator]) expect(scriptErrors(errors)).toEqual([]);
  });
});
