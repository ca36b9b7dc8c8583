import type { Hand } from '../../shared/schemas/cafe.js';
import type { StaffFloorDelta, StaffPresence, StaffTable } from '../../shared/schemas/staff-floor.js';
import { bucketsAt, isBusyWithoutStaff, isFreshAlert, messagesInLast, STAFF_FLOOR } from '../../shared/staff-floor.js';

/**
 * The console's live floor, kept from `staff-floor:watch` and `staff-floor:delta` (pure, tested).
 * Tables stay where they are when they change (nothing moves under the pointer); new ones go on
 * top; the order is only rebuilt when staff ask for another sort.
 */
export interface FloorModel {
  tables: Map<string, StaffTable>;
  /** Display order (ids). */
  order: string[];
  coverage: StaffPresence[];
}

export type FloorSort = 'active' | 'busiest' | 'topic';

export const FLOOR_SORTS: { value: FloorSort; label: string }[] = [
  { value: 'active', label: 'Most recently active' },
  { value: 'busiest', label: 'Most messages (15 min)' },
  { value: 'topic', label: 'Topic A–Z' },
];

export function emptyFloor(): FloorModel {
  return { tables: new Map(), order: [], coverage: [] };
}

export function floorFrom(tables: StaffTable[], coverage: StaffPresence[], sort: FloorSort = 'active', now: number = Date.now()): FloorModel {
  const model: FloorModel = { tables: new Map(tables.map((t) => [t.id, t])), order: tables.map((t) => t.id), coverage };
  return sortFloor(model, sort, now);
}

/** Applies a delta: changed tables replaced in place, new ones on top, closed ones out, coverage when sent. */
export function applyStaffDelta(model: FloorModel, delta: Pick<StaffFloorDelta, 'tables' | 'closed' | 'coverage'>): FloorModel {
  const tables = new Map(model.tables);
  const closed = new Set(delta.closed);
  const added: string[] = [];
  for (const table of delta.tables) {
    if (table.closedAt !== null) {
      closed.add(table.id);
      continue;
    }
    if (!tables.has(table.id)) added.push(table.id);
    tables.set(table.id, table);
  }
  for (const id of closed) tables.delete(id);
  const order = [...added.reverse(), ...model.order.filter((id) => !closed.has(id) && !added.includes(id))];
  return { tables, order, coverage: delta.coverage ?? model.coverage };
}

export function sortFloor(model: FloorModel, sort: FloorSort, now: number = Date.now()): FloorModel {
  const list = [...model.tables.values()];
  const recent = (t: StaffTable) => messagesInLast(t.activity, now, STAFF_FLOOR.sparklineMinutes);
  list.sort((a, b) => {
    if (sort === 'busiest') return recent(b) - recent(a) || b.lastActivityAt.localeCompare(a.lastActivityAt);
    if (sort === 'topic') return a.topic.localeCompare(b.topic) || a.id.localeCompare(b.id);
    return b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id);
  });
  return { ...model, order: list.map((t) => t.id) };
}

/** The tables to show, in order, whose topic (or tags) contain `text` (case-insensitive). */
export function visibleTables(model: FloorModel, text: string): StaffTable[] {
  const q = text.trim().toLowerCase();
  const out: StaffTable[] = [];
  for (const id of model.order) {
    const t = model.tables.get(id);
    if (!t) continue;
    if (q && !t.topic.toLowerCase().includes(q) && !t.tags.some((tag) => tag.includes(q))) continue;
    out.push(t);
  }
  return out;
}

export interface HandAlert {
  hand: Hand;
  table: StaffTable;
}

/** Every hand up on the floor, longest waiting first. */
export function handAlerts(model: FloorModel): HandAlert[] {
  const out: HandAlert[] = [];
  for (const table of model.tables.values()) for (const hand of table.hands) out.push({ hand, table });
  return out.sort((a, b) => a.hand.raisedAt.localeCompare(b.hand.raisedAt) || a.hand.id.localeCompare(b.hand.id));
}

/** Tables where a watched word came up (still undecided, within the alert window), newest first. */
export function watchedAlerts(model: FloorModel, now: number = Date.now()): StaffTable[] {
  return [...model.tables.values()]
    .filter((t) => t.watched !== null && isFreshAlert(t.watched.at, now))
    .sort((a, b) => b.watched!.at.localeCompare(a.watched!.at));
}

/** Tables busy without staff as of `now` (recomputed from their activity), busiest first. */
export function busyAlerts(model: FloorModel, now: number = Date.now()): StaffTable[] {
  const recent = (t: StaffTable) => messagesInLast(t.activity, now, STAFF_FLOOR.busyMinutes);
  return [...model.tables.values()].filter((t) => isBusyWithoutStaff(t, now)).sort((a, b) => recent(b) - recent(a));
}

/** Messages per minute over the last `minutes` (rounded to one decimal), from the sparkline's buckets. */
export function perMinute(table: Pick<StaffTable, 'activity'>, now: number = Date.now(), minutes = 5): number {
  return Math.round((messagesInLast(table.activity, now, minutes) / minutes) * 10) / 10;
}

/** The sparkline's values as of `now`. */
export function sparkValues(table: Pick<StaffTable, 'activity'>, now: number = Date.now()): number[] {
  return bucketsAt(table.activity, now);
}

/** Points of a polyline for `values` in a `width` × `height` box (0 at the bottom; a flat line when all are 0). */
export function sparkPoints(values: number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const pad = 1;
  return values
    .map((v, i) => `${round(i * step)},${round(height - pad - (v / max) * (height - 2 * pad))}`)
    .join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Staff on the floor, in words: "Dana (at Night rides), Eli (watching)". */
export function coverageLine(coverage: StaffPresence[]): string {
  if (coverage.length === 0) return 'No staff on the floor.';
  return coverage
    .map((c) => `${c.person.displayName} (${c.seat ? `at ${c.seat.topic}${c.seat.away ? ', away' : ''}` : 'watching'})`)
    .join(', ');
}

export interface GridWindow {
  /** Index of the first table rendered. */
  start: number;
  /** One past the last. */
  end: number;
  /** Space kept above and below the rendered rows, in pixels. */
  before: number;
  after: number;
}

/**
 * Which cards of a grid to render: only the rows that intersect the viewport (plus `overscan`
 * rows either side), so a floor of 1,000 tables renders a few dozen cards. `top` is the grid's
 * top relative to the viewport (negative once scrolled past), `viewport` the window's height.
 */
export function gridWindow(input: { count: number; columns: number; rowHeight: number; top: number; viewport: number; overscan?: number }): GridWindow {
  const { count, rowHeight, top, viewport } = input;
  const columns = Math.max(1, input.columns);
  const overscan = input.overscan ?? 2;
  const rows = Math.ceil(count / columns);
  const firstRow = Math.max(0, Math.floor(-top / rowHeight) - overscan);
  const lastRow = Math.min(rows, Math.ceil((viewport - top) / rowHeight) + overscan);
  if (lastRow <= firstRow) return { start: 0, end: 0, before: 0, after: rows * rowHeight };
  return {
    start: firstRow * columns,
    end: Math.min(count, lastRow * columns),
    before: firstRow * rowHeight,
    after: (rows - lastRow) * rowHeight,
  };
}
