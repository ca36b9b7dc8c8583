import { describe, expect, it } from 'vitest';
import { conversationLabel, formatDay, isOverdue, moderationOutcome, oneLine, promiseLabel, todayUtc } from './fan-card-text.js';

describe('fan card text', () => {
  it('knows today in UTC and which promises are overdue', () => {
    expect(todayUtc(Date.parse('2026-03-12T23:30:00-05:00'))).toBe('2026-03-13');
    expect(isOverdue({ status: 'open', due: '2026-03-12' }, '2026-03-13')).toBe(true);
    expect(isOverdue({ status: 'open', due: '2026-03-13' }, '2026-03-13')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2020-01-01' }, '2026-03-13')).toBe(false);
    expect(isOverdue({ status: 'open', due: null }, '2026-03-13')).toBe(false);
    expect(isOverdue(null, '2026-03-13')).toBe(false);
  });

  it('labels promises', () => {
    expect(promiseLabel({ status: 'open', due: null }, '2026-03-13')).toBe('Promise · open · no due date');
    expect(promiseLabel({ status: 'open', due: '2026-03-01' }, '2026-03-13')).toMatch(/^Promise · open · due .*2026 · overdue$/);
    expect(promiseLabel({ status: 'done', due: '2026-03-01' }, '2026-03-13')).toBe('Promise · done');
    expect(formatDay('not a day')).toBe('not a day');
  });

  it('says who talked with the person', () => {
    const dana = { id: 'd', displayName: 'Dana' };
    const mara = { id: 'm', displayName: 'Mara' };
    expect(conversationLabel({ kind: 'table', staff: [dana, mara] })).toBe('Sat at a table with Dana and Mara');
    expect(conversationLabel({ kind: 'table', staff: [dana, mara, dana, mara] })).toBe('Sat at a table with Dana, Mara and 2 more');
    expect(conversationLabel({ kind: 'hand', staff: [] })).toBe('Staff answered a raised hand');
    expect(conversationLabel({ kind: 'reply', staff: [dana] })).toBe('Dana replied');
    expect(moderationOutcome({ status: 'held' })).toBe('Waiting for review');
  });

  it('shortens text to one line', () => {
    expect(oneLine('a\n\nb   c')).toBe('a b c');
    expect(oneLine('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
