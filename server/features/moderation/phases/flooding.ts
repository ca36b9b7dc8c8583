import type { Phase } from '../pipeline.js';

/** At most `rateLimit.posts` posts per `rateLimit.windowSeconds`; the answer says when to try again. */
export const flooding: Phase = ({ kind, settings, recentByAuthor, now }) => {
  if (kind === 'bio' || kind === 'display-name') return;
  const { posts, windowSeconds } = settings.rateLimit;
  const windowStart = now.getTime() - windowSeconds * 1000;
  const inWindow = recentByAuthor.filter((p) => Date.parse(p.at) > windowStart);
  if (inWindow.length < posts) return;
  const oldest = Math.min(...inWindow.map((p) => Date.parse(p.at)));
  const retryAfter = Math.max(1, Math.ceil((oldest + windowSeconds * 1000 - now.getTime()) / 1000));
  return {
    decision: 'reject',
    reason: { rule: 'flooding', message: `Slow down: try again in ${retryAfter} s.` },
    retryAfter,
  };
};
