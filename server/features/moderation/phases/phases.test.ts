import { describe, expect, it } from 'vitest';
import { DEFAULT_SPACE_SETTINGS, type SpaceSettings } from '../../../../shared/schemas/spaces.js';
import { compose, type AuthorRecord, type ModerationContext, type RecentPost } from '../pipeline.js';
import { authorStatus } from './author-status.js';
import { bannedWords } from './banned-words.js';
import { doublePost } from './double-post.js';
import { flooding } from './flooding.js';
import { PHASES } from './index.js';
import { length } from './length.js';
import { links } from './links.js';
import { preModeration } from './pre-moderation.js';
import { promotionalName } from './promotional-name.js';
import { scorerPhase } from './scorer.js';
import { watchedWords } from './watched-words.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

const regular: AuthorRecord = {
  id: 'author000001',
  displayName: 'Ana Souza',
  role: 'fan',
  joinedAt: ago(86_400 * 90),
  approvedPosts: 12,
  bannedAt: null,
  suspendedUntil: null,
};
const newcomer: AuthorRecord = { ...regular, id: 'author000002', displayName: 'Kenji', approvedPosts: 0, joinedAt: ago(60) };

function ctx(over: Partial<Omit<ModerationContext, 'settings'>> & { settings?: Partial<SpaceSettings> } = {}): ModerationContext {
  return {
    kind: 'blip',
    text: 'I would love a rain cover for the cargo bike.',
    author: regular,
    now: NOW,
    recentByAuthor: [],
    ...over,
    settings: { ...DEFAULT_SPACE_SETTINGS, ...over.settings },
  };
}

describe('author status', () => {
  it('rejects banned authors and suspended ones until the end of the suspension', () => {
    expect(authorStatus(ctx({ author: { ...regular, bannedAt: ago(10) } }))).toMatchObject({ decision: 'reject', reason: { rule: 'banned' } });
    const until = new Date(NOW.getTime() + 3600_000).toISOString();
    const suspended = authorStatus(ctx({ author: { ...regular, suspendedUntil: until } }));
    expect(suspended).toMatchObject({ decision: 'reject', retryAfter: 3600 });
    expect(suspended && 'reason' in suspended && suspended.reason.message).toContain(until);
    expect(authorStatus(ctx({ author: { ...regular, suspendedUntil: ago(1) } }))).toBeUndefined();
  });
});

describe('length', () => {
  it('rejects empty and too-long text per kind', () => {
    expect(length(ctx({ text: '   \n ' }))).toMatchObject({ decision: 'reject', reason: { rule: 'empty' } });
    expect(length(ctx({ kind: 'display-name', text: 'x'.repeat(61) }))).toMatchObject({ reason: { rule: 'too-long' } });
    expect(length(ctx({ text: 'x'.repeat(10_000) }))).toBeUndefined();
  });
});

describe('flooding', () => {
  const posts = (n: number, everySeconds: number): RecentPost[] =>
    Array.from({ length: n }, (_, i) => ({ id: `p${i}`, kind: 'blip' as const, text: `post ${i}`, at: ago(i * everySeconds + 1) }));

  it('says when to try again once the window is full', () => {
    const settings = { rateLimit: { posts: 3, windowSeconds: 60 } };
    expect(flooding(ctx({ settings, recentByAuthor: posts(2, 5) }))).toBeUndefined();
    const result = flooding(ctx({ settings, recentByAuthor: posts(3, 5) }));
    expect(result).toMatchObject({ decision: 'reject', reason: { rule: 'flooding' } });
    // The oldest of the three was 11 s ago: it leaves the 60 s window in 49 s.
    expect(result && 'retryAfter' in result && result.retryAfter).toBe(49);
    expect(result && 'reason' in result && result.reason.message).toBe('Slow down: try again in 49 s.');
    expect(flooding(ctx({ settings, recentByAuthor: posts(3, 40) }))).toBeUndefined();
  });
});

describe('double posts', () => {
  it('folds the same text from the same author within ten minutes, ignoring case and spacing', () => {
    const earlier = { id: 'first1', kind: 'blip' as const, text: 'Great post, as always Amber!', at: ago(30) };
    expect(doublePost(ctx({ text: 'great post,  as always amber', recentByAuthor: [earlier] }))).toMatchObject({ fold: earlier });
    expect(doublePost(ctx({ text: 'Great post, as always Amber!', recentByAuthor: [{ ...earlier, at: ago(3600) }] }))).toBeUndefined();
    expect(doublePost(ctx({ text: 'A different thought', recentByAuthor: [earlier] }))).toBeUndefined();
  });
});

describe('banned and watched words', () => {
  const settings = { bannedWords: ['spam', 'free money'], watchedWords: ['refund', 'lawyer'] };

  it.each([
    'this is SPAM',
    'this is s p a m',
    'this is a s p a m',
    'this is sp4m',
    'this is $pam!',
    'ṡpàm everywhere',
    'get FREE   money now',
    'f r e e money',
  ])('holds %s', (text) => {
    expect(bannedWords(ctx({ text, settings }))).toMatchObject({ decision: 'hold', reason: { rule: 'banned-word' } });
  });

  it.each(['spammer is not the word', 'no spamming here', 'Spamalot the musical', 'free of money worries'])(
    'keeps word boundaries: %s',
    (text) => {
      expect(bannedWords(ctx({ text, settings }))).toBeUndefined();
    },
  );

  it('flags watched words without holding', () => {
    expect(watchedWords(ctx({ text: 'I want a r3fund', settings }))).toEqual({ flag: { rule: 'watched-word', message: expect.stringContaining('refund') } });
    expect(watchedWords(ctx({ text: 'refunds are slow', settings }))).toBeUndefined();
  });
});

describe('links', () => {
  it('holds links from authors with no approved posts, link-only posts and blocked sites', () => {
    const text = 'See my ride report at https://blog.example.org/rain-ride for photos.';
    expect(links(ctx({ text, author: newcomer }))).toMatchObject({ reason: { rule: 'new-author-link' } });
    expect(links(ctx({ text }))).toBeUndefined();
    expect(links(ctx({ text: 'http://a.example/x http://b.example/y' }))).toMatchObject({ reason: { rule: 'mostly-links' } });
    expect(links(ctx({ text, settings: { blockedLinkSites: ['example.org'] } }))).toMatchObject({ reason: { rule: 'blocked-link' } });
    expect(links(ctx({ text, settings: { blockedLinkSites: ['other.org'] } }))).toBeUndefined();
    expect(links(ctx({ text: 'no links at all' , author: newcomer}))).toBeUndefined();
  });

  it('trusts staff', () => {
    expect(links(ctx({ text: 'https://x.example', author: { ...newcomer, role: 'staff' } }))).toBeUndefined();
  });
});

describe('promotional names', () => {
  it.each(['buy flashlight', 'Nursing tops', 'Cheap-Watches-Outlet', 'medieval clothing'])('holds a new author called %s', (displayName) => {
    expect(promotionalName(ctx({ author: { ...newcomer, displayName } }))).toMatchObject({ decision: 'hold' });
  });

  it('leaves people and established members alone', () => {
    expect(promotionalName(ctx({ author: { ...newcomer, displayName: 'Anita Lobo' } }))).toBeUndefined();
    expect(promotionalName(ctx({ author: { ...regular, displayName: 'Shop Sam' } }))).toBeUndefined();
  });
});

describe('pre-moderation', () => {
  it('follows the space setting', () => {
    expect(preModeration(ctx({ settings: { moderationMode: 'off' }, author: newcomer }))).toBeUndefined();
    expect(preModeration(ctx({ settings: { moderationMode: 'all' } }))).toMatchObject({ reason: { rule: 'pre-moderation' } });
    const firstPosts = { moderationMode: 'new-members' as const, newMemberPosts: 3 };
    expect(preModeration(ctx({ settings: firstPosts, author: { ...newcomer, approvedPosts: 2 } }))).toMatchObject({ reason: { rule: 'new-member' } });
    expect(preModeration(ctx({ settings: firstPosts, author: { ...newcomer, approvedPosts: 3 } }))).toBeUndefined();
    expect(preModeration(ctx({ settings: { moderationMode: 'all' }, author: { ...regular, role: 'admin' } }))).toBeUndefined();
  });
});

describe('scorer', () => {
  it('holds at the threshold and never blocks posting when the scorer fails', async () => {
    const errors: unknown[] = [];
    const scorer = (score: number) => ({ name: 'toy', holdAt: 0.8, score: async () => ({ score, label: 'spammy' }) });
    expect(await scorerPhase(scorer(0.9), (e) => errors.push(e))(ctx())).toMatchObject({ decision: 'hold' });
    expect(await scorerPhase(scorer(0.1), (e) => errors.push(e))(ctx())).toBeUndefined();
    const broken = { name: 'down', holdAt: 0.5, score: async () => Promise.reject(new Error('timeout')) };
    expect(await scorerPhase(broken, (e) => errors.push(e))(ctx())).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('the composed pipeline', () => {
  const run = compose(PHASES);

  it('allows ordinary posts', async () => {
    expect(await run(ctx())).toEqual({ decision: 'allow', reasons: [], flags: [], duplicateOf: null, retryAfter: null });
  });

  it('collects every hold reason, keeps flags, and lets a reject win', async () => {
    const settings = { bannedWords: ['scam'], watchedWords: ['refund'], moderationMode: 'all' as const };
    const held = await run(ctx({ text: 'scam alert, refund at https://x.example', author: newcomer, settings }));
    expect(held.decision).toBe('hold');
    expect(held.reasons.map((r) => r.rule)).toEqual(['banned-word', 'new-author-link', 'pre-moderation']);
    expect(held.flags.map((r) => r.rule)).toEqual(['watched-word']);
    const banned = await run(ctx({ text: 'scam', author: { ...newcomer, bannedAt: ago(5) }, settings }));
    expect(banned).toMatchObject({ decision: 'reject', reasons: [{ rule: 'banned' }] });
  });

  it('folds a double post before content rules see it', async () => {
    const earlier = { id: 'first1', kind: 'blip' as const, text: 'scam', at: ago(5) };
    const verdict = await run(ctx({ text: 'scam', recentByAuthor: [earlier], settings: { bannedWords: ['scam'] } }));
    expect(verdict).toMatchObject({ decision: 'allow', duplicateOf: earlier, reasons: [{ rule: 'double-post' }] });
  });
});
