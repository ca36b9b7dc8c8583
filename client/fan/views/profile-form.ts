import { PEOPLE_LIMITS } from '../../../shared/people.js';
import { msg } from '../../i18n/app.js';

const INTEREST = /^[\p{L}\p{N}][\p{L}\p{N} '&_-]*$/u;

export interface ParsedInterests {
  interests: string[];
  /** Why some input was not taken, in words for the person typing. */
  problems: string[];
}

/** "Night rides, cargo bikes,, night rides" → ["Night rides", "cargo bikes"]: trimmed, de-duplicated (any case), checked as the server does. */
export function parseInterests(input: string): ParsedInterests {
  const interests: string[] = [];
  const problems: string[] = [];
  for (const raw of input.split(',')) {
    const interest = raw.trim().replace(/\s+/g, ' ');
    if (!interest || interests.some((i) => i.toLowerCase() === interest.toLowerCase())) continue;
    if (interest.length > PEOPLE_LIMITS.interestMax) {
      problems.push(msg('“{interest}” is longer than {max} characters', { interest, max: PEOPLE_LIMITS.interestMax }));
    } else if (!INTEREST.test(interest)) problems.push(msg("“{interest}” may only use letters, digits, spaces and - _ ' &", { interest }));
    else interests.push(interest);
  }
  if (interests.length > PEOPLE_LIMITS.interestsMax) problems.push(msg('at most {max} interests', { max: PEOPLE_LIMITS.interestsMax }));
  return { interests, problems };
}
