import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser downloads do not work on our machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Records the page's console errors and uncaught exceptions from now on.
 * The returned array fills as they happen; assert on it at the end of a test.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`Uncaught: ${error.stack ?? error.message}`));
  return errors;
}

/** Chromium logs failed requests and sockets as console errors; these are not script bugs. */
export function isNetworkError(message: string): boolean {
  return /^Failed to load resource\b/.test(message) || /^WebSocket connection to .* failed/.test(message);
}
