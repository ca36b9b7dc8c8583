import { describe, expect, it } from 'vitest';
import { consoleHref, consoleLinks, isConsolePath, matchConsoleRoute, type ConsoleRoute } from './console-router.js';

const at = (href: string) => {
  const url = new URL(href, 'http://x.test');
  return matchConsoleRoute({ pathname: url.pathname, search: url.search });
};

describe('console router', () => {
  it('reads the home page, with the old ?space= link', () => {
    expect(at('/console')).toEqual({ name: 'home', space: null });
    expect(at('/console/')).toEqual({ name: 'home', space: null });
    expect(at('/console?space=acme')).toEqual({ name: 'home', space: 'acme' });
  });

  it('reads every section of a space', () => {
    expect(at('/console/s/acme')).toEqual({ name: 'announcements', slug: 'acme' });
    expect(at('/console/s/acme/queue')).toEqual({ name: 'queue', slug: 'acme', tab: 'held' });
    expect(at('/console/s/acme/queue/flagged')).toEqual({ name: 'queue', slug: 'acme', tab: 'flagged' });
    expect(at('/console/s/acme/settings')).toEqual({ name: 'settings', slug: 'acme' });
    expect(at('/console/s/acme/floor')).toEqual({ name: 'floor', slug: 'acme', tableId: null, person: null });
    expect(at('/console/s/acme/floor/t_123456?person=u_654321')).toEqual({ name: 'floor', slug: 'acme', tableId: 't_123456', person: 'u_654321' });
    expect(at('/console/s/acme/ideas')).toEqual({ name: 'ideas', slug: 'acme' });
    expect(at('/console/s/acme/catalysts')).toEqual({ name: 'catalysts', slug: 'acme', days: 30 });
    expect(at('/console/s/acme/catalysts?days=7')).toEqual({ name: 'catalysts', slug: 'acme', days: 7 });
    expect(at('/console/s/acme/catalysts?days=8')).toEqual({ name: 'catalysts', slug: 'acme', days: 30 });
    expect(at('/console/s/acme/analytics?days=14')).toEqual({ name: 'analytics', slug: 'acme', days: 14 });
    expect(at('/console/s/acme/analytics?days=0')).toEqual({ name: 'analytics', slug: 'acme', days: 30 });
    expect(at('/console/s/acme/analytics?days=2.5')).toEqual({ name: 'analytics', slug: 'acme', days: 30 });
    expect(at('/console/s/acme/people')).toEqual({ name: 'people', slug: 'acme' });
    expect(at('/console/s/acme/people/u_123456')).toEqual({ name: 'person', slug: 'acme', userId: 'u_123456' });
    expect(at('/console/s/acme/promises')).toEqual({ name: 'promises', slug: 'acme' });
    expect(at('/console/s/acme/audit?actor=u_123456&action=moderation.approve&target=blip')).toEqual({
      name: 'audit',
      slug: 'acme',
      filters: { actorId: 'u_123456', action: 'moderation.approve', targetType: 'blip' },
    });
  });

  it('calls everything else not found, never throws', () => {
    for (const path of ['/console/x', '/console/s', '/console/s/acme/queue/spam', '/console/s/acme/audit/1', '/console/s/acme/ideas/1', '/console/s/acme/floor/t/x', '/console/s/acme/catalysts/1', '/console/s/acme/people/u_1/x', '/console/s/acme/promises/1', '/console/s/%E0%A4%A/queue', '/other']) {
      expect(at(path).name).toBe('not-found');
    }
  });

  it('writes addresses that read back as the same route', () => {
    const routes: ConsoleRoute[] = [
      { name: 'home', space: null },
      { name: 'home', space: 'acme' },
      { name: 'announcements', slug: 'acme' },
      { name: 'queue', slug: 'acme', tab: 'held' },
      { name: 'queue', slug: 'acme', tab: 'recent' },
      { name: 'audit', slug: 'acme', filters: { actorId: null, action: 'space.settings.update', targetType: null } },
      { name: 'settings', slug: 'a b' },
      { name: 'floor', slug: 'acme', tableId: null, person: null },
      { name: 'floor', slug: 'acme', tableId: 't_1', person: null },
      { name: 'floor', slug: 'acme', tableId: 't_1', person: 'u 2' },
      { name: 'ideas', slug: 'acme' },
      { name: 'catalysts', slug: 'acme', days: 30 },
      { name: 'catalysts', slug: 'acme', days: 90 },
      { name: 'analytics', slug: 'acme', days: 30 },
      { name: 'analytics', slug: 'acme', days: 365 },
      { name: 'people', slug: 'acme' },
      { name: 'person', slug: 'acme', userId: 'u 1' },
      { name: 'promises', slug: 'acme' },
    ];
    for (const route of routes) expect(at(consoleHref(route))).toEqual(route);
    expect(consoleLinks.queue('acme')).toBe('/console/s/acme/queue');
    expect(consoleLinks.audit('acme')).toBe('/console/s/acme/audit');
    expect(consoleLinks.catalysts('acme', 7)).toBe('/console/s/acme/catalysts?days=7');
    expect(consoleLinks.analytics('acme')).toBe('/console/s/acme/analytics');
  });

  it('knows which paths are the console’s', () => {
    expect(isConsolePath('/console')).toBe(true);
    expect(isConsolePath('/console/s/acme/audit')).toBe(true);
    expect(isConsolePath('/consoles')).toBe(false);
    expect(isConsolePath('/s/acme')).toBe(false);
  });
});
