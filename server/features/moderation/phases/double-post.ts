import { normalizeForDuplicates } from '../normalize.js';
import type { Phase } from '../pipeline.js';

/** How long the same text from the same author counts as a double post. */
export const DOUBLE_POST_WINDOW_MS = 10 * 60_000;

/** The same author posting the same text again soon is folded into the first post, not stored twice. */
export const doublePost: Phase = ({ kind, text, recentByAuthor, now }) => {
  if (kind === 'bio' || kind === 'display-name') return;
  const normalized = normalizeForDuplicates(text);
  const since = now.getTime() - DOUBLE_POST_WINDOW_MS;
  const earlier = recentByAuthor.find(
    (p) => p.kind === kind && Date.parse(p.at) >= since && normalizeForDuplicates(p.text) === normalized,
  );
  if (earlier) return { fold: earlier, reason: { rule: 'double-post', message: 'You already posted this.' } };
};
