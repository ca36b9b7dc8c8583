import type { Phase } from '../pipeline.js';
import { authorStatus } from './author-status.js';
import { bannedWords } from './banned-words.js';
import { doublePost } from './double-post.js';
import { flooding } from './flooding.js';
import { length } from './length.js';
import { links } from './links.js';
import { preModeration } from './pre-moderation.js';
import { promotionalName } from './promotional-name.js';
import { watchedWords } from './watched-words.js';

/** The order matters: who may post at all, then mechanics, then content, then the space's review policy. */
export const PHASES: readonly Phase[] = [
  // Refusals the author must hear about first.
  authorStatus,
  length,
  flooding,
  // A repeat is folded before any rule looks at it, so it is never held or flagged twice.
  doublePost,
  // Content rules: holds accumulate so staff see every reason.
  bannedWords,
  links,
  promotionalName,
  watchedWords,
  // The space's own pre-moderation comes last: it only adds a reason.
  preModeration,
];
