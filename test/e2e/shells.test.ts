import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectConsoleErrors, isNetworkError, launchBrowser } from '../helpers/browser.js';
import { grant, makeSpace, signUp } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  if (!existsSync('dist/client/index.html')) throw new Error('The client is not built: run `npm run build` (npm test does).');
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.dispose());

const scriptErrors = (errors: string[]) => errors.filter((e) => !isNetworkError(e));

describe('the browser shells', () => {
  it('load the fan app and the console without script errors', async () => {
    await makeSpace(server, 'acme');
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);

    await page.goto(`${server.url}/?space=acme`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Space acme');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count()).toBe(1);

    const consolePage = await page.goto(`${server.url}/console`);
    expect(consolePage?.request().redirectedFrom()).toBeNull();
    expect(consolePage?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
    expect(scriptErrors(errors)).toEqual([]);
    await context.close();
  });

  it('lets staff post from the console and a fan see it live, in separate browsers', async () => {
    const space = await makeSpace(server, 'acme');
    const staff = await signUp(server, 'Dana');
    await grant(server, space, staff, 'staff');

    const fanContext = await browser.newContext();
    const fan = await fanContext.newPage();
    const fanErrors = collectConsoleErrors(fan);
    await fan.goto(`${server.url}/?space=acme`);
    await expect.poll(() => fan.getByRole('status').filter({ hasText: 'Connected' }).count()).toBe(1);

    const staffContext = await browser.newContext();
    const console_ = await staffContext.newPage();
    const staffErrors = collectConsoleErrors(console_);
    await console_.goto(`${server.url}/console`);
    await console_.getByLabel('Email').fill(staff.email);
    await console_.getByLabel('Password').fill(staff.password);
    await console_.getByRole('button', { name: 'Sign in' }).click();
    await console_.getByRole('textbox', { name: 'Announcement' }).fill('The design team is at table 3 today');
    await console_.getByRole('button', { name: 'Post to the space' }).click();
    await expect.poll(() => console_.getByText('Posted.').count()).toBe(1);

    await expect.poll(() => fan.getByRole('log').textContent(), { timeout: 10_000 }).toContain('The design team is at table 3 today');
    const stored = await server.db.kysely.selectFrom('stream_events').select('type').execute();
    expect(stored).toEqual([{ type: 'announcement:posted' }]);
    expect(scriptErrors(fanErrors)).toEqual([]);
    expect(scriptErrors(staffErrors)).toEqual([]);
    await fanContext.close();
    await staffContext.close();
  });

  it('tells a fan without a staff role that the console is not for them', async () => {
    await makeSpace(server, 'acme');
    const fanUser = await signUp(server, 'Ana');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await page.getByLabel('Email').fill(fanUser.email);
    await page.getByLabel('Password').fill(fanUser.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText(/This console is for a space.s staff/).count()).toBe(1);
    await context.close();
  });
});
