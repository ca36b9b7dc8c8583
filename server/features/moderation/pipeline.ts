import type { SpaceSettings } from '../../../shared/schemas/spaces.js';
import type { Role } from '../../../shared/roles.js';

import type { ContentKind, Reason } from '../../../shared/schemas/moderation.js';

export type { ContentKind, Reason };

export type Decision = 'allow' | 'hold' | 'reject';


/** What the pipeline knows about the author, read once before it runs. */
export interface AuthorRecord {
  id: string;
  displayName: string;
  role: Role;
  joinedAt: string;
  /** Counted up to what the rules look at (the space's `newMemberPosts`, at least 1), not beyond. */
  approvedPosts: number;
  bannedAt: string | null;
  suspendedUntil: string | null;
}

export interface RecentPost {
  /** The stored content's id (a blip id, a wave id, …). */
  id: string;
  kind: ContentKind;
  text: string;
  at: string;
}

/** Read-only input of every phase: the text, who wrote it, the space's rules and the time. */
export interface ModerationContext {
  kind: ContentKind;
  text: string;
  author: AuthorRecord;
  settings: SpaceSettings;
  now: Date;
  /**
   * The author's own posts in this space that the rules need, newest first: the newest ones
   * within the rate-limit window (up to its post limit), and any within the double-post window
   * whose normalized text is the same as this one's.
   */
  recentByAuthor: RecentPost[];
}

/** A phase returns nothing (no opinion) or one of these. */
export type PhaseResult =
  | { decision: 'reject'; reason: Reason; retryAfter?: number }
  | { decision: 'hold'; reason: Reason }
  | { fold: RecentPost; reason: Reason }
  | { flag: Reason };

export type Phase = (ctx: ModerationContext) => PhaseResult | void | Promise<PhaseResult | void>;

export interface Verdict {
  decision: Decision;
  /** Reject: the reason the author sees. Hold: every reason, for staff (the author sees "waiting for review"). */
  reasons: Reason[];
  /** Staff attention without holding (watched words, scorer hints). */
  flags: Reason[];
  /** A double post: the earlier post it repeats; nothing new is stored. */
  duplicateOf: RecentPost | null;
  /** Seconds until a rejected-for-flooding author may post again. */
  retryAfter: number | null;
}

/**
 * Runs phases in order. A reject or a fold ends the run at once; holds and flags accumulate,
 * so staff see every reason an item waits, and a later reject still wins over an earlier hold.
 */
export function compose(phases: readonly Phase[]) {
  return async (ctx: ModerationContext): Promise<Verdict> => {
    const held: Reason[] = [];
    const flags: Reason[] = [];
    for (const phase of phases) {
      const result = await phase(ctx);
      if (!result) continue;
      if ('fold' in result) {
        return { decision: 'allow', reasons: [result.reason], flags, duplicateOf: result.fold, retryAfter: null };
      }
      if ('flag' in result) flags.push(result.flag);
      else if (result.decision === 'reject') {
        return { decision: 'reject', reasons: [result.reason], flags, duplicateOf: null, retryAfter: result.retryAfter ?? null };
      } else held.push(result.reason);
    }
    return { decision: held.length ? 'hold' : 'allow', reasons: held, flags, duplicateOf: null, retryAfter: null };
  };
}

/** Staff and admins write without review; the mechanical limits (length, flooding) still apply to them. */
export function isTrusted(author: AuthorRecord): boolean {
  return author.role === 'staff' || author.role === 'admin';
}

/** An author with nothing approved yet: links and shop-like names from them wait for a person. */
export function isNewAuthor(author: AuthorRecord): boolean {
  return author.approvedPosts === 0;
}
