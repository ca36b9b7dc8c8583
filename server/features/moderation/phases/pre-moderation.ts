import { isTrusted, type Phase } from '../pipeline.js';

/** The space's setting: review nothing, a new member's first posts, or everything. */
export const preModeration: Phase = ({ author, settings }) => {
  if (isTrusted(author) || settings.moderationMode === 'off') return;
  if (settings.moderationMode === 'all') {
    return { decision: 'hold', reason: { rule: 'pre-moderation', message: 'Every post in this space is reviewed.' } };
  }
  if (author.approvedPosts < settings.newMemberPosts) {
    return {
      decision: 'hold',
      reason: {
        rule: 'new-member',
        message: `A new member’s first ${settings.newMemberPosts} posts are reviewed (${author.approvedPosts} approved so far).`,
      },
    };
  }
};
