import type { MentionPick } from '../text/mentions.js';

export interface StoredDraft {
  text: string;
  picks: MentionPick[];
}

/** A draft older than this is dropped when read: the conversation has moved on. */
const KEEP_MS = 14 * 24 * 3600 * 1000;
const PREFIX = 'cp-draft:';
const TABLE_PREFIX = 'cp-table-draft:';

const key = (waveId: string, parentId: string | null) => `${PREFIX}${waveId}:${parentId ?? 'wave'}`;
const tableKey = (tableId: string) => `${TABLE_PREFIX}${tableId}`;

/**
 * The fan app's unsent texts, in localStorage: they survive a reload, a closed tab and a
 * dropped connection, and go once the server acknowledged the post (or the person emptied the
 * box). First-party only (the widget never touches storage); cleared on sign-out. Storage that
 * is full or disabled (private mode) only means a draft does not survive a reload.
 */
function read(storageKey: string): Record<string, unknown> | null {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (typeof value.savedAt === 'number' && Date.now() - value.savedAt > KEEP_MS) {
      localStorage.removeItem(storageKey);
      return null;
    }
    return value;
  } catch {
    return null;
  }
}

function write(storageKey: string, value: Record<string, unknown> | null): void {
  try {
    if (value) localStorage.setItem(storageKey, JSON.stringify({ ...value, savedAt: Date.now() }));
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage full or disabled: the draft just does not survive a reload.
  }
}

function removeAll(prefix: string): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
    keys.forEach((k) => localStorage.removeItem(k));
  } catch {
    // as above
  }
}

/** Unsent reply text per wave and parent. */
export const draftStorage = {
  load(waveId: string, parentId: string | null): StoredDraft | null {
    const value = read(key(waveId, parentId));
    if (!value || typeof value.text !== 'string') return null;
    return { text: value.text, picks: Array.isArray(value.picks) ? (value.picks as MentionPick[]) : [] };
  },
  save(waveId: string, parentId: string | null, draft: StoredDraft): void {
    write(key(waveId, parentId), draft.text ? { text: draft.text, picks: draft.picks } : null);
  },
  clear(waveId: string, parentId: string | null): void {
    write(key(waveId, parentId), null);
  },
  /** Every reply draft on this device (signing out). */
  clearAll(): void {
    removeAll(PREFIX);
  },
};

/** Unsent cafe table messages, one per table. */
export const tableDraftStorage = {
  load(tableId: string): string {
    const value = read(tableKey(tableId));
    return value && typeof value.text === 'string' ? value.text : '';
  },
  save(tableId: string, text: string): void {
    write(tableKey(tableId), text ? { text } : null);
  },
  clear(tableId: string): void {
    write(tableKey(tableId), null);
  },
  clearAll(): void {
    removeAll(TABLE_PREFIX);
  },
};
