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

/** The catalysts page's windows, in days (a copy of CATALYST_WINDOWS, so the console bundle does not load zod). */
export const INSIGHT_WINDOWS = [7, 30, 90] as const;
export type InsightWindow = (typeof INSIGHT_WINDOWS)[number];
/** Catalysts and analytics show the last 30 days unless the address says otherwise. */
export const DEFAULT_INSIGHT_DAYS = 30;

export type ConsoleRoute =
  /** `/console` (and the old `/console?space=slug`): the app picks a space and replaces the address. */
  | { name: 'home'; space: string | null }
  | { name: 'announcements'; slug: string }
  | { name: 'queue'; slug: string; tab: QueueTab }
  | { name: 'audit'; slug: string; filters: AuditFilters }
  | { name: 'settings'; slug: string }
  /** The live cafe floor; with `tableId`, that table's chat (and `person`'s fan card beside it). */
  | { name: 'floor'; slug: string; tableId: string | null; person: string | null }
  | { name: 'ideas'; slug: string }
  /** Who makes others contribute, over the last `days` (7, 30 or 90). */
  | { name: 'catalysts'; slug: string; days: InsightWindow }
  /** The space's numbers over the last `days` (1–365 UTC days). */
  | { name: 'analytics'; slug: string; days: number }
  /** The space's people (the staff directory), one person's fan card, the promises staff made. */
  | { name: 'people'; slug: string }
  | { name: 'person'; slug: string; userId: string }
  | { name: 'promises'; slug: string }
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
  if (section === 'floor') return { name: 'floor', slug, tableId: tab ?? null, person: tab ? params.get('person')?.trim() || null : null };
  if (section === 'people') return tab === undefined ? { name: 'people', slug } : { name: 'person', slug, userId: tab };
  if (tab !== undefined) return { name: 'not-found', path: location.pathname };
  if (section === 'promises') return { name: 'promises', slug };
  if (section === 'audit') return { name: 'audit', slug, filters: parseAuditFilters(params) };
  if (section === 'settings') return { name: 'settings', slug };
  if (section === 'ideas') return { name: 'ideas', slug };
  if (section === 'catalysts') return { name: 'catalysts', slug, days: catalystDays(params.get('days')) };
  if (section === 'analytics') return { name: 'analytics', slug, days: analyticsDays(params.get('days')) };
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
    case 'floor':
      return `${spacePath(route.slug)}/floor${route.tableId ? `/${encodeURIComponent(route.tableId)}${route.person ? `?person=${encodeURIComponent(route.person)}` : ''}` : ''}`;
    case 'ideas':
      return `${spacePath(route.slug)}/ideas`;
    case 'catalysts':
    case 'analytics':
      return `${spacePath(route.slug)}/${route.name}${route.days === DEFAULT_INSIGHT_DAYS ? '' : `?days=${route.days}`}`;
    case 'people':
      return `${spacePath(route.slug)}/people`;
    case 'person':
      return `${spacePath(route.slug)}/people/${encodeURIComponent(route.userId)}`;
    case 'promises':
      return `${spacePath(route.slug)}/promises`;
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
  floor: (slug: string, tableId: string | null = null, person: string | null = null) => consoleHref({ name: 'floor', slug, tableId, person }),
  ideas: (slug: string) => consoleHref({ name: 'ideas', slug }),
  catalysts: (slug: string, days: InsightWindow = DEFAULT_INSIGHT_DAYS) => consoleHref({ name: 'catalysts', slug, days }),
  analytics: (slug: string, days: number = DEFAULT_INSIGHT_DAYS) => consoleHref({ name: 'analytics', slug, days }),
  people: (slug: string) => consoleHref({ name: 'people', slug }),
  person: (slug: string, userId: string) => consoleHref({ name: 'person', slug, userId }),
  promises: (slug: string) => consoleHref({ name: 'promises', slug }),
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

/** `?days=` of the catalysts page: 7, 30 or 90; anything else is the default. */
function catalystDays(value: string | null): InsightWindow {
  const days = Number(value);
  return (INSIGHT_WINDOWS as readonly number[]).includes(days) ? (days as InsightWindow) : DEFAULT_INSIGHT_DAYS;
}

/** `?days=` of the analytics page: a whole number of days from 1 to 365; anything else is the default. */
function analyticsDays(value: string | null): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : DEFAULT_INSIGHT_DAYS;
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
