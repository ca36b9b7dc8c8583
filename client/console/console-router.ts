import type { QUEUE_TABS } from '../../shared/schemas/moderation.js';

export type QueueTab = (typeof QUEUE_TABS)[number];
/** The queue's tabs in display order (a copy of QUEUE_TABS, so the console bundle does not load zod). */
export const QUEUE_TAB_LIST = ['held', 'flagged', 'recent'] as const satisfies readonly QueueTab[];

/** The audit log's filters; each one narrows the list, null means "any". */
export interface AuditFilters {
  actorId: string | null;
  action: string | null;
  targetType: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actorId: null, action: null, targetType: null };

export type ConsoleRoute =
  /** `/console` (and the old `/console?space=slug`): the app picks a space and replaces the address. */
  | { name: 'home'; space: string | null }
  | { name: 'announcements'; slug: string }
  | { name: 'queue'; slug: string; tab: QueueTab }
  | { name: 'audit'; slug: string; filters: AuditFilters }
  | { name: 'settings'; slug: string }
  | { name: 'not-found'; path: string };

export type ConsoleSection = Exclude<ConsoleRoute['name'], 'home' | 'not-found'>;

export interface LocationLike {
  pathname: string;
  search: string;
}

/** Turns an address into a console route; anything unknown is `not-found`, never an exception. */
export function matchConsoleRoute(location: LocationLike): ConsoleRoute {
  const params = new URLSearchParams(location.search);
  const parts = location.pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] !== 'console' || parts.some((p) => p === null)) return { name: 'not-found', path: location.pathname };
  const [, s, slug, section, tab, ...rest] = parts as string[];

  if (s === undefined) return { name: 'home', space: params.get('space')?.trim() || null };
  if (s !== 's' || !slug || rest.length > 0) return { name: 'not-found', path: location.pathname };
  if (section === undefined) return { name: 'announcements', slug };
  if (section === 'queue' && (tab === undefined || isQueueTab(tab))) return { name: 'queue', slug, tab: tab ?? 'held' };
  if (tab !== undefined) return { name: 'not-found', path: location.pathname };
  if (section === 'audit') return { name: 'audit', slug, filters: parseAuditFilters(params) };
  if (section === 'settings') return { name: 'settings', slug };
  return { name: 'not-found', path: location.pathname };
}

/** The address of a route; `matchConsoleRoute` of it gives the route back. */
export function consoleHref(route: ConsoleRoute): string {
  switch (route.name) {
    case 'home':
      return route.space ? `/console?space=${encodeURIComponent(route.space)}` : '/console';
    case 'announcements':
      return spacePath(route.slug);
    case 'queue':
      return `${spacePath(route.slug)}/queue${route.tab === 'held' ? '' : `/${route.tab}`}`;
    case 'audit':
      return `${spacePath(route.slug)}/audit${auditQuery(route.filters)}`;
    case 'settings':
      return `${spacePath(route.slug)}/settings`;
    case 'not-found':
      return route.path;
  }
}

/** Shorthands for links. */
export const consoleLinks = {
  announcements: (slug: string) => consoleHref({ name: 'announcements', slug }),
  queue: (slug: string, tab: QueueTab = 'held') => consoleHref({ name: 'queue', slug, tab }),
  audit: (slug: string, filters: Partial<AuditFilters> = {}) =>
    consoleHref({ name: 'audit', slug, filters: { ...NO_AUDIT_FILTERS, ...filters } }),
  settings: (slug: string) => consoleHref({ name: 'settings', slug }),
};

/** The space a route belongs to, if any. */
export function routeSpace(route: ConsoleRoute): string | null {
  return 'slug' in route ? route.slug : null;
}

/** Paths the console renders itself, so a click on a link to them stays in the page. */
export function isConsolePath(pathname: string): boolean {
  return /^\/console(\/.*)?$/.test(pathname);
}

export function isQueueTab(value: string): value is QueueTab {
  return (QUEUE_TAB_LIST as readonly string[]).includes(value);
}

function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const value = (name: string) => params.get(name)?.trim() || null;
  return { actorId: value('actor'), action: value('action'), targetType: value('target') };
}

function auditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.actorId) params.set('actor', filters.actorId);
  if (filters.action) params.set('action', filters.action);
  if (filters.targetType) params.set('target', filters.targetType);
  const query = params.toString();
  return query ? `?${query}` : '';
}

function spacePath(slug: string): string {
  return `/console/s/${encodeURIComponent(slug)}`;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
