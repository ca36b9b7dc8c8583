import type { Phase } from '../pipeline.js';

/** Banned and suspended authors cannot post; a suspension says when it ends. */
export const authorStatus: Phase = ({ author, now }) => {
  if (author.bannedAt) {
    return { decision: 'reject', reason: { rule: 'banned', message: 'You are banned from this space.' } };
  }
  if (author.suspendedUntil && author.suspendedUntil > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(author.suspendedUntil) - now.getTime()) / 1000);
    return {
      decision: 'reject',
      reason: { rule: 'suspended', message: `You are suspended in this space until ${author.suspendedUntil}.` },
      retryAfter: seconds,
    };
  }
};
