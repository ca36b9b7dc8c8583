import { describe, expect, it } from 'vitest';
import type { Hand } from '../../shared/schemas/cafe.js';
import type { StaffTable } from '../../shared/schemas/staff-floor.js';
import { windowStart } from '../../shared/staff-floor.js';
import {
  applyStaffDelta,
  busyAlerts,
  coverageLine,
  floorFrom,
  gridWindow,
  handAlerts,
  perMinute,
  sortFloor,
  sparkPoints,
  visibleTables,
  watchedAlerts,
} from './floor-state.js';

const NOW = Date.parse('2026-05-01T10:14:30.000Z');
const SINCE = windowStart(NOW);

function table(id: string, over: Partial<StaffTable> = {}): StaffTable {
  return {
    id,
    spaceId: 'space_1',
    topic: `Topic ${id}`,
    tags: [],
    capacity: 6,
    seatsTaken: 2,
    hostId: null,
    people: [],
    staffPresent: 0,
    raisedHands: 0,
    recentMessages: 0,
    locked: false,
    lastActivityAt: '2026-05-01T10:00:00.000Z',
    createdAt: '2026-05-01T09:00:00.000Z',
    closedAt: null,
    docName: `table:${id}`,
    activity: { since: SINCE, counts: new Array(15).fill(0) },
    lastLine: null,
    hands: [],
    watched: null,
    busyWithoutStaff: false,
    ...over,
  };
}

const hand = (id: string, tableId: string, raisedAt: string): Hand => ({
  id,
  tableId,
  person: { id: `p_${id}`, displayName: `Fan ${id}` },
  question: null,
  raisedAt,
  loweredAt: null,
  answeredAt: null,
  answeredBy: null,
  waitSeconds: null,
});

describe('the console floor model', () => {
  it('replaces changed tables in place, puts new ones on top and drops closed ones', () => {
    const model = floorFrom([table('aaaaaa1', { lastActivityAt: '2026-05-01T10:05:00.000Z' }), table('aaaaaa2')], []);
    expect(model.order).toEqual(['aaaaaa1', 'aaaaaa2']);
    const next = applyStaffDelta(model, {
      tables: [table('aaaaaa2', { topic: 'Renamed', lastActivityAt: '2026-05-01T10:10:00.000Z' }), table('aaaaaa3')],
      closed: ['aaaaaa1'],
      coverage: null,
    });
    expect(next.order).toEqual(['aaaaaa3', 'aaaaaa2']);
    expect(next.tables.get('aaaaaa2')!.topic).toBe('Renamed');
    expect(next.coverage).toEqual([]);
    // A table sent with closedAt set leaves too.
    const after = applyStaffDelta(next, { tables: [table('aaaaaa3', { closedAt: '2026-05-01T10:11:00.000Z' })], closed: [], coverage: [] });
    expect(after.order).toEqual(['aaaaaa2']);
  });

  it('sorts on request and filters by topic or tag', () => {
    const busy = table('bbbbbb1', { topic: 'Zebra crossings', activity: { since: SINCE, counts: [...new Array(14).fill(0), 7] } });
    const quiet = table('bbbbbb2', { topic: 'Anchors', tags: ['cargo'], lastActivityAt: '2026-05-01T10:12:00.000Z' });
    const model = floorFrom([busy, quiet], []);
    expect(model.order).toEqual(['bbbbbb2', 'bbbbbb1']);
    expect(sortFloor(model, 'busiest', NOW).order).toEqual(['bbbbbb1', 'bbbbbb2']);
    expect(sortFloor(model, 'topic', NOW).order).toEqual(['bbbbbb2', 'bbbbbb1']);
    expect(visibleTables(model, 'zeb').map((t) => t.id)).toEqual(['bbbbbb1']);
    expect(visibleTables(model, 'CARGO').map((t) => t.id)).toEqual(['bbbbbb2']);
  });

  it('lists hands longest waiting first across tables, watched words while fresh, busy tables without staff', () => {
    const t1 = table('cccccc1', { hands: [hand('h2', 'cccccc1', '2026-05-01T10:05:00.000Z')] });
    const t2 = table('cccccc2', {
      hands: [hand('h1', 'cccccc2', '2026-05-01T10:01:00.000Z')],
      watched: { count: 1, messageId: 'mmmmmm1', author: { id: 'p1', displayName: 'Ana' }, body: 'refund!', reason: 'Mentions the watched word “refund”.', at: '2026-05-01T10:10:00.000Z' },
      activity: { since: SINCE, counts: [...new Array(13).fill(0), 5, 6] },
    });
    const t3 = table('cccccc3', { staffPresent: 1, activity: { since: SINCE, counts: [...new Array(13).fill(0), 5, 6] } });
    const model = floorFrom([t1, t2, t3], []);
    expect(handAlerts(model).map((a) => a.hand.id)).toEqual(['h1', 'h2']);
    expect(watchedAlerts(model, NOW).map((t) => t.id)).toEqual(['cccccc2']);
    expect(watchedAlerts(model, NOW + 40 * 60_000)).toEqual([]);
    expect(busyAlerts(model, NOW).map((t) => t.id)).toEqual(['cccccc2']);
    expect(busyAlerts(model, NOW + 6 * 60_000)).toEqual([]);
    expect(perMinute(t2, NOW)).toBe(2.2);
  });

  it('draws a sparkline inside its box', () => {
    expect(sparkPoints([0, 0, 0], 20, 10)).toBe('0,9 10,9 20,9');
    expect(sparkPoints([0, 4, 2], 20, 10)).toBe('0,9 10,1 20,5');
  });

  it('says who covers the floor', () => {
    expect(coverageLine([])).toBe('No staff on the floor.');
    expect(
      coverageLine([
        { person: { id: 'p1', displayName: 'Dana' }, watching: true, seat: { tableId: 't1', topic: 'Night rides', away: false } },
        { person: { id: 'p2', displayName: 'Eli' }, watching: true, seat: null },
      ]),
    ).toBe('Dana (at Night rides), Eli (watching)');
  });

  it('renders only the rows in view, with room kept for the rest', () => {
    // 1,000 tables, 3 columns, 200px rows: 334 rows.
    const top = gridWindow({ count: 1000, columns: 3, rowHeight: 200, top: 100, viewport: 900 });
    expect(top).toEqual({ start: 0, end: 18, before: 0, after: (334 - 6) * 200 });
    const middle = gridWindow({ count: 1000, columns: 3, rowHeight: 200, top: -20_000, viewport: 900 });
    expect(middle.start).toBe(98 * 3);
    expect(middle.end).toBe(107 * 3);
    expect(middle.before + (middle.end - middle.start) / 3 * 200 + middle.after).toBe(334 * 200);
    const end = gridWindow({ count: 1000, columns: 3, rowHeight: 200, top: -66_500, viewport: 900 });
    expect(end.end).toBe(1000);
    expect(gridWindow({ count: 0, columns: 3, rowHeight: 200, top: 0, viewport: 900 })).toMatchObject({ start: 0, end: 0 });
  });
});
