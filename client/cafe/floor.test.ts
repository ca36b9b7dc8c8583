import { describe, expect, it } from 'vitest';
import { CAFE_LIMITS } from '../../shared/schemas/cafe.js';
import type { CafeTable } from '../../shared/schemas/cafe.js';
import { NO_CAFE_FILTERS } from '../fan/router.js';
import { appendPage, applyFloorDelta, initial, isFull, listOfNames, liveliness, matchesFloorFilters, staffLine } from './floor.js';
import { CAFE_UI_LIMITS } from './limits.js';

let n = 0;
function table(over: Partial<CafeTable> = {}): CafeTable {
  const id = over.id ?? `tbl_${String(++n).padStart(6, '0')}`;
  return {
    id,
    spaceId: 'spc_000001',
    topic: 'Night rides',
    tags: ['bikes'],
    capacity: 6,
    seatsTaken: 1,
    hostId: 'usr_000001',
    people: [],
    staffPresent: 0,
    raisedHands: 0,
    recentMessages: 0,
    locked: false,
    lastActivityAt: '2026-11-22T10:00:00.000Z',
    createdAt: '2026-11-22T10:00:00.000Z',
    closedAt: null,
    docName: `table:${id}`,
    ...over,
  };
}

describe('matchesFloorFilters', () => {
  it('matches the topic text case-insensitively and the tag exactly, as the server does', () => {
    const t = table({ topic: 'Best NIGHT rides in town', tags: ['bikes', 'night rides'] });
    expect(matchesFloorFilters(t, NO_CAFE_FILTERS)).toBe(true);
    expect(matchesFloorFilters(t, { topic: 'night rides', tag: null })).toBe(true);
    expect(matchesFloorFilters(t, { topic: ' Night ', tag: 'bikes' })).toBe(true);
    expect(matchesFloorFilters(t, { topic: 'rides night', tag: null })).toBe(false);
    expect(matchesFloorFilters(t, { topic: null, tag: 'bike' })).toBe(false);
    expect(matchesFloorFilters(t, { topic: null, tag: 'Night Rides' })).toBe(true);
  });
});

describe('applyFloorDelta', () => {
  it('updates tables in place, puts new ones on top and drops closed ones', () => {
    const a = table({ id: 'tbl_aaaaaa' });
    const b = table({ id: 'tbl_bbbbbb' });
    const c = table({ id: 'tbl_cccccc' });
    const fresh = table({ id: 'tbl_dddddd', lastActivityAt: '2026-11-22T11:00:00.000Z' });
    const change = applyFloorDelta([a, b, c], { tables: [{ ...b, seatsTaken: 2 }, fresh], closed: [c.id] }, NO_CAFE_FILTERS);
    expect(change.items.map((t) => t.id)).toEqual([fresh.id, a.id, b.id]);
    expect(change.items[2]!.seatsTaken).toBe(2);
    expect(change.added).toEqual([fresh]);
    expect(change.removed).toEqual([c.id]);
  });

  it('keeps the filters: a new table on another topic stays off, a retitled one leaves', () => {
    const filters = { topic: 'rides', tag: null };
    const a = table({ id: 'tbl_aaaaaa' });
    const change = applyFloorDelta(
      [a],
      { tables: [{ ...a, topic: 'Coffee' }, table({ id: 'tbl_eeeeee', topic: 'Coffee' }), table({ id: 'tbl_ffffff', topic: 'Long RIDES' })], closed: [] },
      filters,
    );
    expect(change.items.map((t) => t.id)).toEqual(['tbl_ffffff']);
    expect(change.removed).toEqual(['tbl_aaaaaa']);
  });

  it('treats a table with closedAt as closed, and ignores closing a table it does not show', () => {
    const a = table({ id: 'tbl_aaaaaa' });
    const change = applyFloorDelta([a], { tables: [{ ...a, closedAt: '2026-11-22T12:00:00.000Z' }], closed: ['tbl_zzzzzz'] }, NO_CAFE_FILTERS);
    expect(change.items).toEqual([]);
    expect(change.removed).toEqual([a.id]);
  });
});

describe('floor helpers', () => {
  it('appends a page without repeating tables already shown', () => {
    const a = table();
    const b = table();
    expect(appendPage([a], [a, b])).toEqual({ items: [a, b], added: [b] });
  });

  it('counts fan seats only against the capacity', () => {
    expect(isFull({ seatsTaken: 2, capacity: 2 })).toBe(true);
    expect(isFull({ seatsTaken: 1, capacity: 2 })).toBe(false);
  });

  it('names staff at the table with the brand', () => {
    const people = [
      { id: 'usr_000001', displayName: 'Ana', staff: false, away: false },
      { id: 'usr_000002', displayName: 'Dana', staff: true, away: false },
    ];
    expect(staffLine(people, 'Acme')).toBe('Dana from Acme is here');
    expect(staffLine([...people, { id: 'usr_000003', displayName: 'Eli', staff: true, away: true }], 'Acme')).toBe('Dana and Eli from Acme are here');
    expect(staffLine(people.slice(0, 1), 'Acme')).toBe('');
  });

  it('lists names, shortens long lists, and picks an avatar letter', () => {
    expect(listOfNames(['Ana', 'Kenji', 'Priya'])).toBe('Ana, Kenji, and Priya');
    expect(listOfNames(['A', 'B', 'C', 'D'])).toBe('A, B, and 2 others');
    expect(initial('  ébène')).toBe('É');
    expect(initial('')).toBe('?');
  });

  it('says how lively a table is', () => {
    expect(liveliness(0)).toMatchObject({ level: 'quiet', detail: 'no messages in the last 10 minutes' });
    expect(liveliness(1)).toMatchObject({ level: 'calm', detail: '1 message in the last 10 minutes' });
    expect(liveliness(12).level).toBe('lively');
    expect(liveliness(40).level).toBe('buzzing');
  });

  it('keeps the client limits equal to the server schema', () => {
    for (const key of ['topicMin', 'topicMax', 'tagsMax', 'tagMax', 'messageMax', 'questionMax'] as const) {
      expect(CAFE_UI_LIMITS[key]).toBe(CAFE_LIMITS[key]);
    }
  });
});
