import { isId } from '../../shared/ids.js';
import { WAVE_SORTS, WAVE_STATUSES } from '../../shared/waves.js';
import type { WaveStatus } from '../../shared/schemas/waves.js';

export type WaveSort = (typeof WAVE_SORTS)[number];

/** The ideas list's view of a space; every field lives in the URL so a filtered list can be shared. */
export interface IdeasFilters {
  sort: WaveSort;
  status: WaveStatus | null;
  tag: string | null;
  /** "Ideas I support" (signed in only). */
  supported: boolean;
}

export const DEFAULT_FILTERS: IdeasFilters = { sort: 'hot', status: null, tag: null, supported: false };

/** The cafe floor's filters, in the address: words of the topic (case-insensitive) and one tag (exact). */
export interface CafeFilters {
  topic: string | null;
  tag: string | null;
}

export const NO_CAFE_FILTERS: CafeFilters = { topic: null, tag: null };

export type Route =
  /** `/` and the old `/?space=slug`: the app picks a space and replaces the URL. */
  | { name: 'home'; space: string | null }
  | { name: 'ideas'; slug: string; filters: IdeasFilters }
  | { name: 'new-wave'; slug: string }
  | { name: 'wave'; slug: string; waveId: string; blipId: string | null }
  | { name: 'search'; slug: string; q: string }
  | { name: 'cafe'; slug: string; filters: CafeFilters }
  | { name: 'table'; slug: string; tableId: string }
  /** A person's public page in a space (your own shows the editing tools). */
  | { name: 'profile'; slug: string; userId: string }
  /** Your notifications: of one space (`/s/:slug/notifications`) or of every space (`/notifications`, slug null). */
  | { name: 'notifications'; slug: string | null; unread: boolean }
  /** What you receive, and whether others see your drafts. */
  | { name: 'settings' }
  /** Sign-in and sign-up pages; `next` is the fan-app address to return to (validated, same origin). */
  | { name: 'signin'; next: string | null }
  | { name: 'signup'; next: string | null }
  | { name: 'not-found'; path: string };

export type RouteName = Route['name'];

export interface LocationLike {
  pathname: string;
  search: string;
  hash: string;
}

/** Turns a location into a route; anything unknown is `not-found`, never an exception. */
export function matchRoute(location: LocationLike): Route {
  const params = new URLSearchParams(location.search);
  const parts = location.pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts.some((p) => p === null)) return { name: 'not-found', path: location.pathname };
  const [first, slug, section, id, ...rest] = parts as string[];

  if (parts.length === 0) return { name: 'home', space: params.get('space')?.trim() || null };
  if (parts.length === 1) {
    if (first === 'signin' || first === 'signup') return { name: first, next: safeNext(params.get('next')) };
    if (first === 'settings') return { name: 'settings' };
    if (first === 'notifications') return { name: 'notifications', slug: null, unread: params.get('unread') === 'true' };
  }
  if (first !== 's' || !slug) return { name: 'not-found', path: location.pathname };
  if (section === undefined) return { name: 'ideas', slug, filters: parseFilters(params) };
  if (section === 'new' && id === undefined) return { name: 'new-wave', slug };
  if (section === 'search' && id === undefined) return { name: 'search', slug, q: params.get('q')?.trim() ?? '' };
  if (section === 'waves' && id && isId(id) && rest.length === 0) {
    return { name: 'wave', slug, waveId: id, blipId: parseBlipHash(location.hash) };
  }
  if (section === 'cafe' && id === undefined) return { name: 'cafe', slug, filters: parseCafeFilters(params) };
  // `/s/:slug/cafe/:id` is how the moderation queue links to a table message: the same page.
  if ((section === 'tables' || section === 'cafe') && id && isId(id) && rest.length === 0) return { name: 'table', slug, tableId: id };
  if (section === 'people' && id && isId(id) && rest.length === 0) return { name: 'profile', slug, userId: id };
  if (section === 'notifications' && id === undefined) return { name: 'notifications', slug, unread: params.get('unread') === 'true' };
  return { name: 'not-found', path: location.pathname };
}

/** The address of a route; `matchRoute(new URL(routeHref(r)))` gives `r` back. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return route.space ? `/?space=${encodeURIComponent(route.space)}` : '/';
    case 'ideas':
      return `${spacePath(route.slug)}${filtersQuery(route.filters)}`;
    case 'new-wave':
      return `${spacePath(route.slug)}/new`;
    case 'wave':
      return `${spacePath(route.slug)}/waves/${encodeURIComponent(route.waveId)}${route.blipId ? `#blip-${route.blipId}` : ''}`;
    case 'search':
      return `${spacePath(route.slug)}/search${route.q ? `?q=${encodeURIComponent(route.q)}` : ''}`;
    case 'cafe':
      return `${spacePath(route.slug)}/cafe${cafeQuery(route.filters)}`;
    case 'table':
      return `${spacePath(route.slug)}/tables/${encodeURIComponent(route.tableId)}`;
    case 'profile':
      return `${spacePath(route.slug)}/people/${encodeURIComponent(route.userId)}`;
    case 'notifications':
      return `${route.slug ? `${spacePath(route.slug)}/notifications` : '/notifications'}${route.unread ? '?unread=true' : ''}`;
    case 'settings':
      return '/settings';
    case 'signin':
    case 'signup':
      return `/${route.name}${route.next ? `?next=${encodeURIComponent(route.next)}` : ''}`;
    case 'not-found':
      return route.path;
  }
}

/** Shorthands for links. */
export const href = {
  ideas: (slug: string, filters: Partial<IdeasFilters> = {}) =>
    routeHref({ name: 'ideas', slug, filters: { ...DEFAULT_FILTERS, ...filters } }),
  newWave: (slug: string) => routeHref({ name: 'new-wave', slug }),
  wave: (slug: string, waveId: string, blipId: string | null = null) => routeHref({ name: 'wave', slug, waveId, blipId }),
  search: (slug: string, q = '') => routeHref({ name: 'search', slug, q }),
  cafe: (slug: string, filters: Partial<CafeFilters> = {}) => routeHref({ name: 'cafe', slug, filters: { ...NO_CAFE_FILTERS, ...filters } }),
  table: (slug: string, tableId: string) => routeHref({ name: 'table', slug, tableId }),
  profile: (slug: string, userId: string) => routeHref({ name: 'profile', slug, userId }),
  /** Your notifications: one space's, or (slug null) every space's. */
  notifications: (slug: string | null, unread = false) => routeHref({ name: 'notifications', slug, unread }),
  settings: () => routeHref({ name: 'settings' }),
  signIn: (next: string | null = null) => routeHref({ name: 'signin', next: safeNext(next) }),
  signUp: (next: string | null = null) => routeHref({ name: 'signup', next: safeNext(next) }),
};

/**
 * Where to go after signing in: only an address of this app on this origin (`/s/…`, `/notifications`…),
 * never another site (`//evil.example`, `https://…`) nor the sign-in pages themselves.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(next, 'https://commons.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://commons.invalid' || !isAppPath(url.pathname)) return null;
  if (url.pathname === '/signin' || url.pathname === '/signup') return null;
  return url.pathname + url.search + url.hash;
}

/** The space a route belongs to, if any. */
export function routeSlug(route: Route): string | null {
  return 'slug' in route ? route.slug : null;
}

/** Paths the fan app renders itself (so a click on a link to them stays in the page). */
export function isAppPath(pathname: string): boolean {
  return pathname === '/' || /^\/(signin|signup|settings|notifications)$/.test(pathname) || /^\/s\/[^/]+(\/.*)?$/.test(pathname);
}

function parseFilters(params: URLSearchParams): IdeasFilters {
  const sort = params.get('sort');
  const status = params.get('status');
  const tag = params.get('tag')?.trim().toLowerCase();
  return {
    sort: (WAVE_SORTS as readonly string[]).includes(sort ?? '') ? (sort as WaveSort) : DEFAULT_FILTERS.sort,
    status: (WAVE_STATUSES as readonly string[]).includes(status ?? '') ? (status as WaveStatus) : null,
    tag: tag || null,
    supported: params.get('supported') === 'true',
  };
}

function filtersQuery(filters: IdeasFilters): string {
  const params = new URLSearchParams();
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.status) params.set('status', filters.status);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.supported) params.set('supported', 'true');
  const query = params.toString();
  return query ? `?${query}` : '';
}

function parseCafeFilters(params: URLSearchParams): CafeFilters {
  // As the server reads them: the topic trimmed (its words are matched case-insensitively), the tag lower-cased.
  const topic = params.get('topic')?.trim().slice(0, 120);
  const tag = params.get('tag')?.trim().toLowerCase().slice(0, 30);
  return { topic: topic || null, tag: tag || null };
}

function cafeQuery(filters: CafeFilters): string {
  const params = new URLSearchParams();
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.tag) params.set('tag', filters.tag);
  const query = params.toString();
  return query ? `?${query}` : '';
}

function parseBlipHash(hash: string): string | null {
  const match = /^#blip-(.+)$/.exec(hash);
  return match && isId(match[1]!) ? match[1]! : null;
}

function spacePath(slug: string): string {
  return `/s/${encodeURIComponent(slug)}`;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
