import { isConsolePath } from './console-router.js';

export interface NavigateOptions {
  /** Replace the current history entry (a tab or a filter), instead of adding one (a link). */
  replace?: boolean;
}

export type RouteListener = (change: { push: boolean }) => void;

/**
 * The console's tiny router glue: History API navigation, plus clicks on ordinary
 * `<a href>` links to console pages (in any shadow root) kept inside the page.
 */
export class ConsoleNavigation {
  readonly #listener: RouteListener;

  constructor(listener: RouteListener) {
    this.#listener = listener;
  }

  navigate(href: string, { replace = false }: NavigateOptions = {}): void {
    const url = new URL(href, location.href);
    if (url.href === location.href && !replace) return;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#listener({ push: !replace });
  }

  start(): void {
    window.addEventListener('click', this.#onClick);
    window.addEventListener('popstate', this.#onPop);
  }

  stop(): void {
    window.removeEventListener('click', this.#onClick);
    window.removeEventListener('popstate', this.#onPop);
  }

  #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !isConsolePath(url.pathname)) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search + url.hash);
  };

  #onPop = (): void => this.#listener({ push: false });
}
