import { describe, expect, it } from 'vitest';
import type { Drafting } from '../../shared/schemas/waves.js';
import { DRAFT_SILENCE_MS, DraftBoard } from './draft-board.js';

const ana = { id: 'user_ana001', displayName: 'Ana' };
const me = { id: 'user_me0001', displayName: 'Me' };
const drafting = (text: string | null, parentId: string | null = null, author = ana): Drafting => ({
  waveId: 'wave_000001',
  parentId,
  author,
  text,
  at: new Date(0).toISOString(),
});

describe('DraftBoard', () => {
  it('shows the newest text under the right parent, one draft per person', () => {
    const board = new DraftBoard();
    board.apply(drafting('Hel'), 0);
    board.apply(drafting('Hello', 'blip_000001'), 100);
    expect(board.under(null)).toEqual([]);
    expect(board.under('blip_000001')).toMatchObject([{ author: ana, text: 'Hello' }]);
  });

  it('removes a draft on empty text or after ten seconds of silence', () => {
    const board = new DraftBoard();
    board.apply(drafting('a'), 0);
    expect(board.apply(drafting(''), 10)).toBe(true);
    expect(board.all).toEqual([]);
    board.apply(drafting(null), 1000);
    expect(board.nextExpiry()).toBe(1000 + DRAFT_SILENCE_MS);
    expect(board.expire(1000 + DRAFT_SILENCE_MS - 1)).toBe(false);
    expect(board.expire(1000 + DRAFT_SILENCE_MS)).toBe(true);
    expect(board.all).toEqual([]);
  });

  it('ignores the viewer’s own drafts', () => {
    const board = new DraftBoard(() => me.id);
    expect(board.apply(drafting('mine', null, me), 0)).toBe(false);
  });
});
