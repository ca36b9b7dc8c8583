import type { MentionPick } from '../text/mentions.js';

export interface StoredDraft {
  text: string;
  picks: MentionPick[];
}

const key = (waveId: string, parentId: string | null) => `cp-draft:${waveId}:${parentId ?? 'wave'}`;

/** Unsent reply text per wave and parent, kept for the tab's life so a reload loses nothing. */
export const draftStorage = {
  load(waveId: string, parentId: string | null): StoredDraft | null {
    try {
      const raw = sessionStorage.getItem(key(waveId, parentId));
      if (!raw) return null;
      const value = JSON.parse(raw) as Partial<StoredDraft>;
      return typeof value.text === 'string' ? { text: value.text, picks: Array.isArray(value.picks) ? value.picks : [] } : null;
    } catch {
      return null;
    }
  },
  save(waveId: string, parentId: string | null, draft: StoredDraft): void {
    try {
      if (draft.text) sessionStorage.setItem(key(waveId, parentId), JSON.stringify(draft));
      else sessionStorage.removeItem(key(waveId, parentId));
    } catch {
      // Storage full or disabled (private mode): the draft just does not survive a reload.
    }
  },
  clear(waveId: string, parentId: string | null): void {
    try {
      sessionStorage.removeItem(key(waveId, parentId));
    } catch {
      // as above
    }
  },
};
