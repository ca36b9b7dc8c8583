import { WAVE_LIMITS } from '../../shared/waves.js';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

export interface ParsedTags {
  tags: string[];
  /** Why some input was not taken, in words for the person typing. */
  problems: string[];
}

/** "Dark mode, UI,, ui" → ["dark mode", "ui"]: trimmed, lower-cased, de-duplicated, checked like the server does. */
export function parseTags(input: string): ParsedTags {
  const tags: string[] = [];
  const problems: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!tag || tags.includes(tag)) continue;
    if (tag.length > WAVE_LIMITS.tagMax) problems.push(`“${tag}” is longer than ${WAVE_LIMITS.tagMax} characters`);
    else if (!TAG.test(tag)) problems.push(`“${tag}” may only use letters, digits, spaces, - and _`);
    else tags.push(tag);
  }
  if (tags.length > WAVE_LIMITS.tagsMax) problems.push(`at most ${WAVE_LIMITS.tagsMax} tags`);
  return { tags: tags.slice(0, WAVE_LIMITS.tagsMax), problems };
}
