import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../shared/schemas/moderation.js';
import { QueueBoard, tabOf } from './queue-board.js';

const ME = 'user_me_0001';
const DANA = { id: 'user_dana_01', displayName: 'Dana' };

function item(id: string, minute: number, patch: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    kind: 'blip',
    contentId: `c_${id}`,
    status: 'held',
    body: `text ${id}`,
    reasons: [],
    flags: [],
    createdAt: `2025-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    author: null,
    context: null,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    ...patch,
  };
}

const ids = (items: readonly QueueItem[]) => items.map((i) => i.id);

describe('QueueBoard', () => {
  it('puts statuses on their tabs', () => {
    expect(tabOf('held')).toBe('held');
    expect(tabOf('flagged')).toBe('flagged');
    expect(['allowed', 'approved', 'rejected'].map((s) => tabOf(s as QueueItem['status']))).toEqual(['recent', 'recent', 'recent']);
  });

  it('counts loaded items, "at least" while more pages remain', () => {
    const board = new QueueBoard();
    expect(board.count('held')).toBeNull();
    board.load('held', { items: [item('aaaaaa01', 1), item('aaaaaa02', 2)], nextCursor: 'next' }, 'replace');
    expect(board.count('held')).toEqual({ n: 2, more: true });
    board.load('held', { items: [item('aaaaaa03', 3)], nextCursor: null }, 'append');
    expect(board.count('held')).toEqual({ n: 3, more: false });
    expect(ids(board.items('held'))).toEqual(['aaaaaa01', 'aaaaaa02', 'aaaaaa03']);
  });

  it('announces a new held item and keeps held oldest first', () => {
    const board = new QueueBoard();
    board.load('held', { items: [item('aaaaaa01', 1), item('aaaaaa03', 3)], nextCursor: null }, 'replace');
    expect(board.apply(item('aaaaaa02', 2), ME)).toEqual({ kind: 'new', tab: 'held' });
    expect(ids(board.items('held'))).toEqual(['aaaaaa01', 'aaaaaa02', 'aaaaaa03']);
  });

  it('leaves items past the loaded page to "Load more"', () => {
    const board = new QueueBoard();
    board.load('held', { items: [item('aaaaaa01', 1)], nextCursor: 'next' }, 'replace');
    board.apply(item('aaaaaa09', 9), ME);
    expect(ids(board.items('held'))).toEqual(['aaaaaa01']);
    board.load('held', { items: [item('aaaaaa05', 5), item('aaaaaa09', 9)], nextCursor: null }, 'append');
    expect(ids(board.items('held'))).toEqual(['aaaaaa01', 'aaaaaa05', 'aaaaaa09']);
  });

  it('keeps an item someone else decided in place, marked, until dismissed', () => {
    const board = new QueueBoard();
    board.load('held', { items: [item('aaaaaa01', 1), item('aaaaaa02', 2)], nextCursor: null }, 'replace');
    board.load('recent', { items: [], nextCursor: null }, 'replace');
    const decided = item('aaaaaa01', 1, { status: 'approved', decidedBy: DANA, decidedAt: '2025-01-01T11:00:00.000Z' });
    expect(board.apply(decided, ME)).toEqual({ kind: 'decided-elsewhere', tab: 'held', item: decided });
    expect(ids(board.items('held'))).toEqual(['aaaaaa01', 'aaaaaa02']);
    expect(board.items('held')[0]!.status).toBe('approved');
    expect(board.isLingering('aaaaaa01')).toBe(true);
    expect(board.count('held')).toEqual({ n: 1, more: false });
    expect(ids(board.items('recent'))).toEqual(['aaaaaa01']);
    board.dismiss('aaaaaa01');
    expect(ids(board.items('held'))).toEqual(['aaaaaa02']);
  });

  it('takes the viewer’s own decisions off the tab at once, whichever comes first', () => {
    const board = new QueueBoard();
    board.load('held', { items: [item('aaaaaa01', 1)], nextCursor: null }, 'replace');
    const mine = item('aaaaaa01', 1, { status: 'rejected', decidedBy: { id: ME, displayName: 'Me' } });
    expect(board.apply(mine, ME)).toEqual({ kind: 'updated' });
    board.settle(mine);
    expect(board.items('held')).toEqual([]);
  });

  it('keeps a conflicted item with the server’s message through a refresh', () => {
    const board = new QueueBoard();
    board.load('held', { items: [item('aaaaaa01', 1), item('aaaaaa02', 2)], nextCursor: null }, 'replace');
    board.conflict('aaaaaa01', 'Already approved by Dana at …');
    board.load('held', { items: [item('aaaaaa02', 2)], nextCursor: null }, 'replace');
    expect(ids(board.items('held'))).toEqual(['aaaaaa01', 'aaaaaa02']);
    expect(board.note('aaaaaa01')).toEqual({ tone: 'error', text: 'Already approved by Dana at …' });
    expect(board.count('held')).toEqual({ n: 1, more: false });
    // Its own event arrives later: still lingering, now with the decision on it.
    board.apply(item('aaaaaa01', 1, { status: 'approved', decidedBy: DANA }), ME);
    expect(board.isLingering('aaaaaa01')).toBe(true);
    expect(board.find('aaaaaa01')?.decidedBy?.displayName).toBe('Dana');
  });

  it('moves a flagged item that reached the threshold to Held', () => {
    const board = new QueueBoard();
    board.load('held', { items: [], nextCursor: null }, 'replace');
    board.load('flagged', { items: [item('aaaaaa01', 1, { status: 'flagged' })], nextCursor: null }, 'replace');
    expect(board.apply(item('aaaaaa01', 1), ME)).toEqual({ kind: 'new', tab: 'held' });
    expect(board.items('flagged')).toEqual([]);
    expect(ids(board.items('held'))).toEqual(['aaaaaa01']);
  });

  it('updates an author on every loaded item', () => {
    const board = new QueueBoard();
    const author = { id: 'user_ana_001', displayName: 'Ana', joinedAt: null, approvedPosts: 0, rejectedPosts: 1, banned: false, suspendedUntil: null };
    board.load('held', { items: [item('aaaaaa01', 1, { author }), item('aaaaaa02', 2)], nextCursor: null }, 'replace');
    board.patchAuthor('user_ana_001', { banned: true });
    expect(board.items('held').map((i) => i.author?.banned ?? null)).toEqual([true, null]);
  });
});
