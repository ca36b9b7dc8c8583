import { WAVE_LIMITS } from '../../shared/waves.js';
import { msg } from '../i18n/app.js';

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
    if (tag.length > WAVE_LIMITS.tagMax) problems.push(msg('“{tag}” is longer than {max} characters', { tag, max: WAVE_LIMITS.tagMax }));
    else if (!TAG.test(tag)) problems.push(msg('“{tag}” may only use letters, digits, spaces, - and _', { tag }));
    else tags.push(tag);
  }
  if (tags.length > WAVE_LIMITS.tagsMax) problems.push(msg('at most {max} tags', { max: WAVE_LIMITS.tagsMax }));
  return { tags: tags.slice(0, WAVE_LIMITS.tagsMax), problems };
}
