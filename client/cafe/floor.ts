import type { CafeTable, FloorDelta, SeatedPerson } from '../../shared/schemas/cafe.js';
import type { CafeFilters } from '../fan/router.js';
import { i18n } from '../i18n/app.js';
import type { Localizer } from '../i18n/localizer.js';

/**
 * Whether a table belongs on a filtered floor, as the server decides it (`floorRows`): the topic
 * contains the filter text, case-insensitively; the tag is one of the table's tags, exactly
 * (tags are stored lower-cased).
 */
export function matchesFloorFilters(table: Pick<CafeTable, 'topic' | 'tags'>, filters: CafeFilters): boolean {
  const topic = filters.topic?.trim().toLowerCase();
  if (topic && !table.topic.toLowerCase().includes(topic)) return false;
  const tag = filters.tag?.trim().toLowerCase();
  if (tag && !table.tags.includes(tag)) return false;
  return true;
}

export interface FloorChange {
  items: CafeTable[];
  /** Tables new to this list (opened, or now matching the filters). */
  added: CafeTable[];
  /** Ids that left the list (closed, or no longer matching). */
  removed: string[];
}

/**
 * Applies a `floor:delta`: tables already shown are replaced where they are (so nothing moves
 * under the reader's pointer or keyboard), new ones that match the filters go on top (they are
 * the most recently active), closed ones and ones that stopped matching leave.
 */
export function applyFloorDelta(items: CafeTable[], delta: Pick<FloorDelta, 'tables' | 'closed'>, filters: CafeFilters): FloorChange {
  const closed = new Set(delta.closed);
  const changed = new Map<string, CafeTable>();
  for (const table of delta.tables) {
    if (table.closedAt !== null) closed.add(table.id);
    else changed.set(table.id, table);
  }
  const removed: string[] = [];
  const next: CafeTable[] = [];
  for (const table of items) {
    const update = changed.get(table.id);
    changed.delete(table.id);
    if (closed.has(table.id) || (update && !matchesFloorFilters(update, filters))) {
      removed.push(table.id);
      continue;
    }
    next.push(update ?? table);
  }
  const added = [...changed.values()].filter((t) => !closed.has(t.id) && matchesFloorFilters(t, filters));
  added.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  return { items: [...added, ...next], added, removed };
}

/** Adds a further page, skipping tables already shown (a table may move between pages while paging). */
export function appendPage(items: CafeTable[], page: CafeTable[]): { items: CafeTable[]; added: CafeTable[] } {
  const known = new Set(items.map((t) => t.id));
  const added = page.filter((t) => !known.has(t.id));
  return { items: [...items, ...added], added };
}

/** Fan seats are counted against the capacity; staff sit beyond it. */
export function isFull(table: Pick<CafeTable, 'seatsTaken' | 'capacity'>): boolean {
  return table.seatsTaken >= table.capacity;
}

export function seatsLabel(table: Pick<CafeTable, 'seatsTaken' | 'capacity'>, l: Localizer = i18n): string {
  return l.msg('{taken} of {capacity, plural, one {# seat} other {# seats}} taken', { taken: table.seatsTaken, capacity: table.capacity });
}

export interface Liveliness {
  level: 'quiet' | 'calm' | 'lively' | 'buzzing';
  label: string;
  /** The number behind it, in words. */
  detail: string;
}

/** How lively a table is, from its visible messages in the last 10 minutes. */
export function liveliness(recentMessages: number, l: Localizer = i18n): Liveliness {
  const detail = l.msg('{count, plural, =0 {no messages} one {# message} other {# messages}} in the last 10 minutes', { count: recentMessages });
  if (recentMessages === 0) return { level: 'quiet', label: l.msg('Quiet'), detail };
  if (recentMessages < 5) return { level: 'calm', label: l.msg('Chatting'), detail };
  if (recentMessages < 20) return { level: 'lively', label: l.msg('Lively'), detail };
  return { level: 'buzzing', label: l.msg('Buzzing'), detail };
}

/** "Dana from Acme is here", "Dana and Eli from Acme are here"; empty when no staff sit there. */
export function staffLine(people: SeatedPerson[], brand: string, l: Localizer = i18n): string {
  const staff = people.filter((p) => p.staff).map((p) => p.displayName);
  if (staff.length === 0) return '';
  return l.msg('{count, plural, one {{names} from {brand} is here} other {{names} from {brand} are here}}', {
    count: staff.length,
    names: listOfNames(staff, 3, l),
    brand,
  });
}

/** "Ana", "Ana and Kenji", "Ana, Kenji and Priya", "Ana, Kenji and 3 others". */
export function listOfNames(names: string[], max = 3, l: Localizer = i18n): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > max) {
    const others = names.length - (max - 1);
    return l.list([...names.slice(0, max - 1), l.msg('{count, plural, one {# other} other {# others}}', { count: others })]);
  }
  return l.list(names);
}

/** The letter on a person's round avatar. */
export function initial(name: string): string {
  const first = [...name.trim()][0];
  return first ? first.toUpperCase() : '?';
}
