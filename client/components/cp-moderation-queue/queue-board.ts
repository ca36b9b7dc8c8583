import type { ItemStatus, QueueItem } from '../../../shared/schemas/moderation.js';
import { QUEUE_TAB_LIST, type QueueTab } from '../../console/console-router.js';

/** A message shown on one item: what happened to it, or why an action failed. */
export interface ItemNote {
  tone: 'info' | 'error';
  text: string;
}

/** What a live item event meant, for the polite announcement. */
export type LiveChange =
  | { kind: 'new'; tab: QueueTab }
  | { kind: 'decided-elsewhere'; tab: QueueTab; item: QueueItem }
  | { kind: 'updated' }
  | { kind: 'ignored' };

interface TabState {
  items: QueueItem[];
  nextCursor: string | null;
  loaded: boolean;
}

/** Held and flagged items wait for a decision; everything else was decided or passed. */
export function tabOf(status: ItemStatus): QueueTab {
  if (status === 'held') return 'held';
  if (status === 'flagged') return 'flagged';
  return 'recent';
}

export function isOpen(item: QueueItem): boolean {
  return item.status === 'held' || item.status === 'flagged';
}

/** The server's order: held oldest first (longest waiting on top), the others newest first. */
export function compareIn(tab: QueueTab): (a: QueueItem, b: QueueItem) => number {
  const sign = tab === 'held' ? 1 : -1;
  return (a, b) => sign * (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The three queue tabs as the console shows them: pages loaded over REST, kept current by
 * live `moderation:item` events. An item someone else decided while it was on screen stays
 * where it was ("lingers"), marked, until it is dismissed or the tab is left, so nobody
 * loses their place; an item the viewer decided leaves at once.
 */
export class QueueBoard {
  readonly #tabs: Record<QueueTab, TabState> = {
    held: { items: [], nextCursor: null, loaded: false },
    flagged: { items: [], nextCursor: null, loaded: false },
    recent: { items: [], nextCursor: null, loaded: false },
  };
  readonly #lingering = new Map<string, QueueTab>();
  readonly #notes = new Map<string, ItemNote>();

  /** The items to show on a tab, in order, including lingering ones. */
  items(tab: QueueTab): readonly QueueItem[] {
    return this.#tabs[tab].items;
  }

  loaded(tab: QueueTab): boolean {
    return this.#tabs[tab].loaded;
  }

  nextCursor(tab: QueueTab): string | null {
    return this.#tabs[tab].nextCursor;
  }

  /** How many items wait on a tab: exact when it is fully loaded, "at least" otherwise; null before it loads. */
  count(tab: QueueTab): { n: number; more: boolean } | null {
    const state = this.#tabs[tab];
    if (!state.loaded) return null;
    const n = state.items.filter((item) => !this.#lingering.has(item.id)).length;
    return { n, more: state.nextCursor !== null };
  }

  isLingering(id: string): boolean {
    return this.#lingering.has(id);
  }

  note(id: string): ItemNote | null {
    return this.#notes.get(id) ?? null;
  }

  setNote(id: string, note: ItemNote | null): void {
    if (note) this.#notes.set(id, note);
    else this.#notes.delete(id);
  }

  find(id: string): QueueItem | null {
    for (const tab of QUEUE_TAB_LIST) {
      const item = this.#tabs[tab].items.find((i) => i.id === id);
      if (item) return item;
    }
    return null;
  }

  /**
   * A page from the server. `replace` starts the tab over (first load, refresh) but keeps
   * the items lingering there; `append` adds a "Load more" page.
   */
  load(tab: QueueTab, page: { items: QueueItem[]; nextCursor: string | null }, mode: 'replace' | 'append'): void {
    const state = this.#tabs[tab];
    const keep = mode === 'append' ? state.items : state.items.filter((item) => this.#lingering.get(item.id) === tab);
    const incoming = new Set(page.items.map((item) => item.id));
    // A lingering item the server lists again for this tab is simply back in it.
    for (const id of incoming) if (this.#lingering.get(id) === tab) this.#lingering.delete(id);
    const merged = [...keep.filter((item) => !incoming.has(item.id)), ...page.items].sort(compareIn(tab));
    this.#tabs[tab] = { items: merged, nextCursor: page.nextCursor, loaded: true };
  }

  /** A live `moderation:item` event: the item as it is now. */
  apply(item: QueueItem, viewerId: string | null): LiveChange {
    const from = this.#tabHolding(item.id);
    const to = tabOf(item.status);
    if (from === to) {
      this.#lingering.delete(item.id);
      this.#replace(to, item);
      return { kind: 'updated' };
    }
    const byOther = item.decidedBy !== null && item.decidedBy.id !== viewerId;
    if (from && from !== 'recent' && to === 'recent' && byOther) {
      this.#replace(from, item);
      this.#lingering.set(item.id, from);
      this.#insert('recent', item);
      return { kind: 'decided-elsewhere', tab: from, item };
    }
    if (from) this.#remove(from, item.id);
    this.#lingering.delete(item.id);
    this.#insert(to, item);
    if (to !== 'recent') return { kind: 'new', tab: to };
    return from ? { kind: 'updated' } : { kind: 'ignored' };
  }

  /** The viewer's own decision came back: the item leaves its tab at once. */
  settle(item: QueueItem): void {
    for (const tab of QUEUE_TAB_LIST) if (tab !== tabOf(item.status)) this.#remove(tab, item.id);
    this.#lingering.delete(item.id);
    this.#notes.delete(item.id);
    this.#insert(tabOf(item.status), item);
  }

  /** Someone else got there first (409): keep the item in view, marked, with the server's words. */
  conflict(id: string, message: string): void {
    const tab = this.#tabHolding(id);
    if (tab && tab !== 'recent') this.#lingering.set(id, tab);
    this.#notes.set(id, { tone: 'error', text: message });
  }

  /** Changes every loaded item by one author (after a ban or suspension). */
  patchAuthor(authorId: string, patch: Partial<NonNullable<QueueItem['author']>>): void {
    for (const tab of QUEUE_TAB_LIST) {
      const state = this.#tabs[tab];
      state.items = state.items.map((item) =>
        item.author?.id === authorId ? { ...item, author: { ...item.author, ...patch } } : item,
      );
    }
  }

  /** Drops a lingering item from view. */
  dismiss(id: string): void {
    const tab = this.#lingering.get(id);
    if (!tab) return;
    this.#lingering.delete(id);
    this.#notes.delete(id);
    this.#remove(tab, id);
  }

  /** Forgets the lingering items of a tab (when the viewer leaves it). */
  dismissAll(tab: QueueTab): void {
    for (const [id, where] of [...this.#lingering]) if (where === tab) this.dismiss(id);
  }

  #tabHolding(id: string): QueueTab | null {
    return QUEUE_TAB_LIST.find((tab) => this.#tabs[tab].items.some((item) => item.id === id)) ?? null;
  }

  #replace(tab: QueueTab, item: QueueItem): void {
    const state = this.#tabs[tab];
    state.items = state.items.map((i) => (i.id === item.id ? item : i));
  }

  #remove(tab: QueueTab, id: string): void {
    const state = this.#tabs[tab];
    state.items = state.items.filter((i) => i.id !== id);
  }

  /** Adds an item to a loaded tab when it falls within what is loaded; later ones arrive with "Load more". */
  #insert(tab: QueueTab, item: QueueItem): void {
    const state = this.#tabs[tab];
    if (!state.loaded) return;
    const compare = compareIn(tab);
    const last = state.items.at(-1);
    if (state.nextCursor !== null && last && compare(item, last) > 0) return;
    state.items = [...state.items.filter((i) => i.id !== item.id), item].sort(compare);
  }
}
