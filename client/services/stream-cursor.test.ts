import { describe, expect, it } from 'vitest';
import { StreamCursor } from './stream-cursor.js';

const ev = (seq: number) => ({ seq });
const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);

describe('StreamCursor', () => {
  it('starts a fresh subscription at the head and then shows live events in order', () => {
    const cursor = new StreamCursor();
    cursor.begin();
    expect(cursor.replay({ events: [], head: 7, more: false }).shown).toEqual([]);
    expect(cursor.last).toBe(7);
    expect(seqs(cursor.live(ev(8)).shown)).toEqual([8]);
    expect(cursor.live(ev(8)).shown).toEqual([]);
  });

  it('replays what was missed on reconnect without duplicates', () => {
    const cursor = new StreamCursor();
    cursor.begin();
    cursor.replay({ events: [ev(1), ev(2)], head: 2, more: false });
    cursor.begin();
    const step = cursor.replay({ events: [ev(2), ev(3), ev(4)], head: 4, more: false });
    expect(seqs(step.shown)).toEqual([3, 4]);
  });

  it('holds live events that overtake the replay and releases them after it', () => {
    const cursor = new StreamCursor();
    cursor.begin();
    cursor.replay({ events: [], head: 3, more: false });
    cursor.begin();
    expect(cursor.live(ev(6)).shown).toEqual([]);
    const step = cursor.replay({ events: [ev(4), ev(5)], head: 5, more: false });
    expect(seqs(step.shown)).toEqual([4, 5, 6]);
    expect(step.resubscribe).toBe(false);
  });

  it('asks for another page while the server says more remain', () => {
    const cursor = new StreamCursor();
    cursor.begin();
    cursor.replay({ events: [ev(1)], head: 1, more: false });
    cursor.begin();
    const first = cursor.replay({ events: [ev(2), ev(3)], head: 9, more: true });
    expect(first).toEqual({ shown: [ev(2), ev(3)], resubscribe: true });
    expect(cursor.last).toBe(3);
  });

  it('asks to resubscribe when a live event skips a sequence number', () => {
    const cursor = new StreamCursor();
    cursor.begin();
    cursor.replay({ events: [], head: 2, more: false });
    expect(cursor.live(ev(4))).toEqual({ shown: [], resubscribe: true });
    cursor.begin();
    expect(seqs(cursor.replay({ events: [ev(3), ev(4)], head: 4, more: false }).shown)).toEqual([3, 4]);
  });
});
