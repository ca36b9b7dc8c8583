import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, href, isAppPath, matchRoute, NO_CAFE_FILTERS, routeHref, safeNext, type Route } from './router.js';

const at = (url: string) => {
  const { pathname, search, hash } = new URL(url, 'https://commons.example');
  return matchRoute({ pathname, search, hash });
};

describe('matchRoute', () => {
  it('matches the space pages', () => {
    expect(at('/s/acme')).toEqual({ name: 'ideas', slug: 'acme', filters: DEFAULT_FILTERS });
    expect(at('/s/acme/')).toMatchObject({ name: 'ideas', slug: 'acme' });
    expect(at('/s/acme/new')).toEqual({ name: 'new-wave', slug: 'acme' });
    expect(at('/s/acme/search?q=dark%20mode')).toEqual({ name: 'search', slug: 'acme', q: 'dark mode' });
    expect(at('/s/acme/waves/wave_abc123')).toEqual({ name: 'wave', slug: 'acme', waveId: 'wave_abc123', blipId: null });
  });

  it('reads the blip to focus from the hash', () => {
    expect(at('/s/acme/waves/wave_abc123#blip-blip_xyz789')).toMatchObject({ blipId: 'blip_xyz789' });
    expect(at('/s/acme/waves/wave_abc123#comments')).toMatchObject({ blipId: null });
    expect(at('/s/acme/waves/wave_abc123#blip-<script>')).toMatchObject({ blipId: null });
  });

  it('reads and sanitises list filters', () => {
    expect(at('/s/acme?sort=top&status=planned&tag=Dark%20Mode&supported=true')).toEqual({
      name: 'ideas',
      slug: 'acme',
      filters: { sort: 'top', status: 'planned', tag: 'dark mode', supported: true },
    });
    expect(at('/s/acme?sort=random&status=bogus&supported=yes')).toEqual({ name: 'ideas', slug: 'acme', filters: DEFAULT_FILTERS });
  });

  it('matches the cafe floor, its filters and a table', () => {
    expect(at('/s/acme/cafe')).toEqual({ name: 'cafe', slug: 'acme', filters: NO_CAFE_FILTERS });
    expect(at('/s/acme/cafe?topic=%20Night%20Rides%20&tag=Bikes')).toEqual({
      name: 'cafe',
      slug: 'acme',
      filters: { topic: 'Night Rides', tag: 'bikes' },
    });
    expect(at('/s/acme/cafe?topic=&tag=%20')).toEqual({ name: 'cafe', slug: 'acme', filters: NO_CAFE_FILTERS });
    expect(at('/s/acme/tables/tbl_abc123')).toEqual({ name: 'table', slug: 'acme', tableId: 'tbl_abc123' });
    // The moderation queue links to /s/:slug/cafe/:tableId#message-<id>.
    expect(at('/s/acme/cafe/tbl_abc123#message-msg_1234567')).toEqual({ name: 'table', slug: 'acme', tableId: 'tbl_abc123' });
    expect(at('/s/acme/tables/x')).toMatchObject({ name: 'not-found' });
    expect(at('/s/acme/tables')).toMatchObject({ name: 'not-found' });
    expect(at('/s/acme/tables/tbl_abc123/extra')).toMatchObject({ name: 'not-found' });
  });

  it('matches profiles, notifications, settings and the sign-in pages', () => {
    expect(at('/s/acme/people/user_abc123')).toEqual({ name: 'profile', slug: 'acme', userId: 'user_abc123' });
    expect(at('/s/acme/people/x')).toMatchObject({ name: 'not-found' });
    expect(at('/s/acme/people')).toMatchObject({ name: 'not-found' });
    expect(at('/s/acme/notifications')).toEqual({ name: 'notifications', slug: 'acme', unread: false });
    expect(at('/s/acme/notifications?unread=true')).toEqual({ name: 'notifications', slug: 'acme', unread: true });
    expect(at('/notifications')).toEqual({ name: 'notifications', slug: null, unread: false });
    expect(at('/notifications?unread=true')).toEqual({ name: 'notifications', slug: null, unread: true });
    expect(at('/settings')).toEqual({ name: 'settings' });
    expect(at('/signin')).toEqual({ name: 'signin', next: null });
    expect(at('/signup?next=%2Fs%2Facme%2Fcafe')).toEqual({ name: 'signup', next: '/s/acme/cafe' });
    expect(at('/settings/extra')).toMatchObject({ name: 'not-found' });
  });

  it('only returns to addresses of this app after signing in', () => {
    expect(at('/signin?next=%2Fs%2Facme%2Fwaves%2Fwave_abc123%23blip-blip_xyz789')).toEqual({
      name: 'signin',
      next: '/s/acme/waves/wave_abc123#blip-blip_xyz789',
    });
    expect(safeNext('//evil.example/s/acme')).toBeNull();
    expect(safeNext('https://evil.example/s/acme')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/api/v1/me')).toBeNull();
    expect(safeNext('/console')).toBeNull();
    expect(safeNext('/signin?next=/s/acme')).toBeNull();
    expect(safeNext('javascript:alert(1)')).toBeNull();
    expect(safeNext('/s/acme/cafe?topic=rides')).toBe('/s/acme/cafe?topic=rides');
    expect(safeNext(null)).toBeNull();
  });

  it('keeps the old ?space= address as home with a space to redirect to', () => {
    expect(at('/?space=acme')).toEqual({ name: 'home', space: 'acme' });
    expect(at('/')).toEqual({ name: 'home', space: null });
  });

  it('answers not-found for anything else, including malformed escapes and bad ids', () => {
    expect(at('/nope')).toMatchObject({ name: 'not-found' });
    expect(at('/s/acme/waves/x')).toMatchObject({ name: 'not-found' });
    expect(at('/s/acme/waves/wave_abc123/extra')).toMatchObject({ name: 'not-found' });
    expect(matchRoute({ pathname: '/s/%E0%A4%A', search: '', hash: '' })).toMatchObject({ name: 'not-found' });
  });
});

describe('routeHref', () => {
  const routes: Route[] = [
    { name: 'ideas', slug: 'acme', filters: DEFAULT_FILTERS },
    { name: 'ideas', slug: 'acme', filters: { sort: 'new', status: 'shipped', tag: 'ui & ux', supported: true } },
    { name: 'new-wave', slug: 'acme' },
    { name: 'wave', slug: 'acme', waveId: 'wave_abc123', blipId: 'blip_xyz789' },
    { name: 'search', slug: 'acme', q: 'a/b?c' },
    { name: 'cafe', slug: 'acme', filters: NO_CAFE_FILTERS },
    { name: 'cafe', slug: 'acme', filters: { topic: 'rides & routes', tag: 'night rides' } },
    { name: 'table', slug: 'acme', tableId: 'tbl_abc123' },
    { name: 'profile', slug: 'acme', userId: 'user_abc123' },
    { name: 'notifications', slug: 'acme', unread: false },
    { name: 'notifications', slug: null, unread: true },
    { name: 'settings' },
    { name: 'signin', next: null },
    { name: 'signin', next: '/s/acme/waves/wave_abc123#blip-blip_xyz789' },
    { name: 'signup', next: '/s/acme/cafe?topic=night+rides' },
  ];

  it.each(routes)('round-trips %o', (route) => {
    expect(at(routeHref(route))).toEqual(route);
  });

  it('builds short links', () => {
    expect(href.ideas('acme')).toBe('/s/acme');
    expect(href.ideas('acme', { tag: 'ui' })).toBe('/s/acme?tag=ui');
    expect(href.wave('acme', 'wave_abc123', 'blip_xyz789')).toBe('/s/acme/waves/wave_abc123#blip-blip_xyz789');
    expect(href.search('acme', 'x y')).toBe('/s/acme/search?q=x%20y');
    expect(href.cafe('acme')).toBe('/s/acme/cafe');
    expect(href.cafe('acme', { tag: 'bikes' })).toBe('/s/acme/cafe?tag=bikes');
    expect(href.cafe('acme', { topic: 'night rides', tag: 'bikes' })).toBe('/s/acme/cafe?topic=night+rides&tag=bikes');
    expect(href.table('acme', 'tbl_abc123')).toBe('/s/acme/tables/tbl_abc123');
    expect(href.profile('acme', 'user_abc123')).toBe('/s/acme/people/user_abc123');
    expect(href.notifications('acme')).toBe('/s/acme/notifications');
    expect(href.notifications(null, true)).toBe('/notifications?unread=true');
    expect(href.settings()).toBe('/settings');
    expect(href.signIn('/s/acme/cafe')).toBe('/signin?next=%2Fs%2Facme%2Fcafe');
    expect(href.signUp('//evil.example')).toBe('/signup');
  });
});

describe('isAppPath', () => {
  it('claims the fan app pages only', () => {
    expect(isAppPath('/')).toBe(true);
    expect(isAppPath('/s/acme/waves/wave_abc123')).toBe(true);
    expect(isAppPath('/s/acme/cafe')).toBe(true);
    expect(isAppPath('/s/acme/tables/tbl_abc123')).toBe(true);
    expect(isAppPath('/s/acme/people/user_abc123')).toBe(true);
    expect(isAppPath('/notifications')).toBe(true);
    expect(isAppPath('/settings')).toBe(true);
    expect(isAppPath('/signin')).toBe(true);
    expect(isAppPath('/signup')).toBe(true);
    expect(isAppPath('/console')).toBe(false);
    expect(isAppPath('/api/v1/me')).toBe(false);
  });
});
