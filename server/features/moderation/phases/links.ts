import { findLinks, hostMatches, linkShare } from '../links.js';
import { isNewAuthor, isTrusted, type Phase } from '../pipeline.js';

/** More than this share of the characters being links reads as a link drop. */
export const MOSTLY_LINKS = 0.5;

export const links: Phase = ({ text, author, settings }) => {
  const found = findLinks(text);
  if (found.length === 0 || isTrusted(author)) return;
  const blocked = found.find((l) => settings.blockedLinkSites.some((site) => hostMatches(l.host, site)));
  if (blocked) {
    return { decision: 'hold', reason: { rule: 'blocked-link', message: `Links to ${blocked.host}, a blocked site.` } };
  }
  if (linkShare(text) > MOSTLY_LINKS) {
    return { decision: 'hold', reason: { rule: 'mostly-links', message: 'Mostly links.' } };
  }
  if (isNewAuthor(author)) {
    return { decision: 'hold', reason: { rule: 'new-author-link', message: 'A link from someone with no approved posts yet.' } };
  }
};
