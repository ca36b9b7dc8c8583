import { describe, expect, it } from 'vitest';
import { throttle, type Timers } from './throttle.js';

/** A hand-driven clock: `advance(ms)` runs timers that fall due. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void queue.delete(id as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...queue.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      queue.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  return { timers, advance };
}

describe('throttle', () => {
  it('sends the first call at once and folds a burst into one trailing call with the newest value', () => {
    const { timers, advance } = fakeTimers();
    const sent: string[] = [];
    const draft = throttle((text: string) => sent.push(text), 250, timers);
    draft('h');
    draft('he');
    draft('hel');
    expect(sent).toEqual(['h']);
    advance(250);
    expect(sent).toEqual(['h', 'hel']);
  });

  it('never sends more than 4 per second while typing continuously', () => {
    const { timers, advance } = fakeTimers();
    const sent: number[] = [];
    const draft = throttle((n: number) => sent.push(n), 250, timers);
    for (let i = 0; i < 100; i++) {
      draft(i);
      advance(20);
    }
    advance(1000);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil((100 * 20) / 250) + 1);
    expect(sent.at(-1)).toBe(99);
  });

  it('flushes the pending call now, and cancel drops it', () => {
    const { timers, advance } = fakeTimers();
    const sent: string[] = [];
    const draft = throttle((text: string) => sent.push(text), 250, timers);
    draft('a');
    draft('ab');
    draft.flush();
    expect(sent).toEqual(['a', 'ab']);
    draft('abc');
    draft.cancel();
    advance(1000);
    expect(sent).toEqual(['a', 'ab']);
  });

  it('sends at once again after a quiet interval', () => {
    const { timers, advance } = fakeTimers();
    const sent: string[] = [];
    const draft = throttle((text: string) => sent.push(text), 250, timers);
    draft('a');
    advance(300);
    draft('b');
    expect(sent).toEqual(['a', 'b']);
  });
});
