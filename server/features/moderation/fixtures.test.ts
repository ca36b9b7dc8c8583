import { describe, expect, it } from 'vitest';
import { DEFAULT_SPACE_SETTINGS } from '../../../shared/schemas/spaces.js';
import { doubledBlocks, numberedComments, readDiscussion } from '../../../test/helpers/discussions.js';
import { compose, type AuthorRecord, type RecentPost } from './pipeline.js';
import { PHASES } from './phases/index.js';

const run = compose(PHASES);
const NOW = new Date('2026-11-22T12:00:00.000Z');

/** Drive-by accounts made to drop a link or a shop name; everyone else is a regular of the blog. */
const SPAM = ['medieval clothing', 'Nursing top', 'Nursing tops', 'fiber', 'buy flashlight'];

function author(name: string, approvedPosts: number): AuthorRecord {
  return {
    id: `a-${name.replace(/\W+/g, '-')}`,
    displayName: name,
    role: 'fan',
    joinedAt: '2026-01-01T00:00:00.000Z',
    approvedPosts,
    bannedAt: null,
    suspendedUntil: null,
  };
}

describe('the pipeline on real threads', () => {
  const comments = numberedComments(readDiscussion('what-are-social-networks-for-with-spam.txt'));

  it('reads all 31 comments of the spam thread', () => {
    expect(comments).toHaveLength(31);
  });

  it('holds the shop-named link drops and lets the thoughtful comments through, links in good faith included', async () => {
    const held: string[] = [];
    for (const comment of comments) {
      const isSpammer = SPAM.includes(comment.author);
      const verdict = await run({
        kind: 'blip',
        text: comment.text,
        author: author(comment.author, isSpammer ? 0 : 4),
        settings: DEFAULT_SPACE_SETTINGS,
        now: NOW,
        recentByAuthor: [],
      });
      if (verdict.decision !== 'allow') held.push(comment.author);
    }
    expect(held.sort()).toEqual([...SPAM].sort());
    // Among those let through: the genuine commenters who posted one link each.
    const withLinks = comments.filter((c) => /https?:\/\//.test(c.text) && !SPAM.includes(c.author)).map((c) => c.author);
    expect(withLinks).toEqual(expect.arrayContaining(['Sleepy', 'Shirley Moulton', 'Gsbigger']));
  });

  it('without any history, still holds every shop name but no link-free comment from a person', async () => {
    for (const comment of comments) {
      const verdict = await run({
        kind: 'blip',
        text: comment.text,
        author: author(comment.author, 0),
        settings: DEFAULT_SPACE_SETTINGS,
        now: NOW,
        recentByAuthor: [],
      });
      const hasLink = /https?:\/\/|www\./.test(comment.text);
      if (SPAM.includes(comment.author)) expect(verdict.decision, comment.author).toBe('hold');
      else if (!hasLink) expect(verdict.decision, comment.author).toBe('allow');
    }
  });

  it('folds every double post of the cafe thread', async () => {
    const blocks = doubledBlocks(readDiscussion('cafe-shaped-conversations-with-double-posts.txt'));
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const [i, block] of blocks.entries()) {
      const first: RecentPost = { id: `post${i}`, kind: 'blip', text: block, at: new Date(NOW.getTime() - 40_000).toISOString() };
      const ctx = { kind: 'blip' as const, author: author(`reader ${i}`, 3), settings: DEFAULT_SPACE_SETTINGS, now: NOW };
      expect((await run({ ...ctx, text: block, recentByAuthor: [] })).duplicateOf).toBeNull();
      const again = await run({ ...ctx, text: block, recentByAuthor: [first] });
      expect(again.duplicateOf?.id).toBe(`post${i}`);
    }
  });
});
