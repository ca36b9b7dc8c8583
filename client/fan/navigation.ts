import { isAppPath } from './router.js';

export interface RouteChange {
  /** A new history entry (link, form): scroll to the top and move focus to the page heading. */
  push: boolean;
}

type Listener = (change: RouteChange) => void;
const listeners = new Set<Listener>();

/** Goes to an address inside the fan app without reloading. */
export function navigate(href: string, { replace = false }: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  if (url.href === location.href && !replace) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  notify({ push: !replace });
}

export function onRouteChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(change: RouteChange): void {
  for (const listener of listeners) listener(change);
}

/**
 * Keeps clicks on ordinary `<a href>` links to fan-app pages inside the page (History API),
 * including links in shadow roots. Modified clicks, other targets, downloads and other
 * origins or paths (the console, the API) behave as normal links.
 */
export function interceptLinks(root: Window = window): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !isAppPath(url.pathname)) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  const onPop = () => notify({ push: false });
  root.addEventListener('click', onClick);
  root.addEventListener('popstate', onPop);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('popstate', onPop);
  };
}
