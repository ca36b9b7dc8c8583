import { describe, expect, it } from 'vitest';
import { actionLabel, compactJson, describeChange, lineText } from './audit-format.js';

const text = (before: unknown, after: unknown) => describeChange(before, after).map(lineText);

describe('audit change formatting', () => {
  it('shows a decision as the keys that changed', () => {
    expect(text({ status: 'held' }, { status: 'approved', note: null })).toEqual(['status: "held" → "approved"']);
    expect(text({ status: 'held' }, { status: 'rejected', note: 'spam' })).toEqual([
      'status: "held" → "rejected"',
      'note: "spam"',
    ]);
  });

  it('shows only the settings that changed, nested keys dotted, word lists as added and removed', () => {
    const before = { moderationMode: 'off', bannedWords: ['spam'], rateLimit: { posts: 10, windowSeconds: 60 }, public: true };
    const after = { moderationMode: 'all', bannedWords: ['spam', 'casino', 'pills'], rateLimit: { posts: 5, windowSeconds: 60 }, public: true };
    expect(text(before, after)).toEqual([
      'moderationMode: "off" → "all"',
      'bannedWords: +"casino", +"pills"',
      'rateLimit.posts: 10 → 5',
    ]);
    expect(text({ bannedWords: ['a', 'b'] }, { bannedWords: ['b'] })).toEqual(['bannedWords: −"a"']);
  });

  it('handles entries with only a before or an after', () => {
    expect(text(null, { reason: 'spam', until: null })).toEqual(['reason: "spam"']);
    expect(text({ until: '2025-01-02' }, null)).toEqual(['until: "2025-01-02" → (none)']);
    expect(text(null, null)).toEqual([]);
    expect(text('a', 'b')).toEqual(['"a" → "b"']);
    expect(text(null, 3)).toEqual(['3']);
  });

  it('keeps long values short', () => {
    const long = 'x'.repeat(200);
    const [line] = text({ body: long }, { body: 'short' });
    expect(line!.length).toBeLessThan(110);
    expect(line).toContain('…');
    expect(compactJson({ a: 1 })).toBe('{"a":1}');
  });

  it('names known actions and leaves others as they are', () => {
    expect(actionLabel('moderation.approve')).toBe('Approved an item');
    expect(actionLabel('something.new')).toBe('something.new');
  });
});
