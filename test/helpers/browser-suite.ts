import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * The hooks every browser test file needs: one Chromium for the file, a fresh server for each
 * test, and the test's browser contexts closed after it.
 */
export function useBrowserAndServer(hooks: {
  onBrowser: (browser: Browser) => void;
  onServer: (server: TestServer) => void;
  contexts?: BrowserContext[];
}): void {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    if (!existsSync('dist/client/index.html')) throw new Error('The client is not built: run `npm run build` (npm test does).');
    browser = await launchBrowser();
    hooks.onBrowser(browser);
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    server = await startTestServer();
    hooks.onServer(server);
  });
  afterEach(async () => {
    await Promise.all((hooks.contexts ?? []).splice(0).map((c) => c.close()));
    await server?.dispose();
  });
}
