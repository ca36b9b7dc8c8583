import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser downloads do not work on our machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...extraArgs,
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

/** A fresh browser context signed in as `user` (the session cookie of an API sign-up), opened at `path`. */
export async function openSignedIn(
  browser: Browser,
  url: string,
  user: { cookie: string },
  path: string,
  contexts: BrowserContext[],
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const [name, value] = user.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url }]);
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(url + path);
  return { page, errors };
}

/** Rendered text of an element and every shadow root under it (textContent stops at shadow roots). */
export function deepText(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      const element = node as Element;
      return [...(element.shadowRoot?.childNodes ?? []), ...node.childNodes].map(walk).join(element.localName === 'style' ? '' : ' ');
    };
    return walk(root).replace(/\s+/g, ' ');
  });
}
