import type { Kysely } from 'kysely';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { ContentKind, ItemStatus } from '../../../shared/schemas/moderation.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import { parseSettings } from '../spaces/spaces.repository.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { StreamLog } from '../streams/stream-log.js';
import { loadAuthorRecord, recentPosts } from './author-record.js';
import { duplicateKey } from './normalize.js';
import { ModeratedKinds } from './kinds.js';
import type { ModerationItemRow, Visibility } from './moderation.table.js';
import { compose, type Phase, type RecentPost, type Verdict } from './pipeline.js';
import { PHASES } from './phases/index.js';
import { queueItems } from './queue.repository.js';
import { queryShape } from '../../db/query-shape.js';

export interface Submission {
  space: SpaceRow;
  kind: ContentKind;
  text: string;
  author: { id: string; displayName: string };
}

export interface Screened {
  verdict: Verdict;
  /** How the new content starts out: visible, or held for review. */
  visibility: Visibility;
  status: ItemStatus;
  /** A double post: the earlier content to answer with; store nothing. */
  duplicateOf: RecentPost | null;
}

const RULE_ERRORS: Record<string, (typeof ERROR_CODES)[keyof typeof ERROR_CODES]> = {
  empty: ERROR_CODES.INVALID_INPUT,
  'too-long': ERROR_CODES.INVALID_INPUT,
  flooding: ERROR_CODES.RATE_LIMITED,
  banned: ERROR_CODES.FORBIDDEN,
  suspended: ERROR_CODES.FORBIDDEN,
};

/**
 * Every piece of user text passes here before it is stored: `screen` runs the pipeline and
 * throws what the author must hear; `record` writes the queue row in the content's own
 * transaction; `announce` tells staff live once that transaction committed.
 */
// Written with every post: compiled once (queryShape). A new row, or an edit replacing the
// content's row: the new text is what staff judge, waiting for a fresh decision.
const upsertItem = queryShape<
  Omit<ModerationItemRow, 'created_at' | 'updated_at' | 'decided_by' | 'decided_at' | 'decision_note'> & { now: string },
  { id: string }
>((db, p) =>
  db
    .insertInto('moderation_items')
    .values({
      id: p('id'),
      space_id: p('space_id'),
      content_kind: p('content_kind'),
      content_id: p('content_id'),
      author_id: p('author_id'),
      status: p('status'),
      body: p('body'),
      dup_key: p('dup_key'),
      reasons: p('reasons'),
      flags: p('flags'),
      created_at: p('now'),
      updated_at: p('now'),
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .onConflict((oc) =>
      oc.columns(['content_kind', 'content_id']).doUpdateSet({
        status: p('status'),
        body: p('body'),
        dup_key: p('dup_key'),
        reasons: p('reasons'),
        flags: p('flags'),
        updated_at: p('now'),
        decided_by: null,
        decided_at: null,
        decision_note: null,
      }),
    )
    .returning('id'),
);

export class Moderation {
  readonly kinds = new ModeratedKinds();
  private readonly run: (ctx: Parameters<ReturnType<typeof compose>>[0]) => Promise<Verdict>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly streams: StreamLog,
    private readonly log: Logger,
    phases: readonly Phase[] = PHASES,
  ) {
    this.run = compose(phases);
  }

  async screen(submission: Submission): Promise<Screened> {
    const now = this.clock.now();
    const settings = parseSettings(submission.space);
    const [author, recent] = await Promise.all([
      loadAuthorRecord(this.db, submission.space.id, submission.author, now, Math.max(1, settings.newMemberPosts)),
      recentPosts(this.db, { spaceId: submission.space.id, authorId: submission.author.id, kind: submission.kind, text: submission.text, rateLimit: settings.rateLimit, now }),
    ]);
    const verdict = await this.run({ kind: submission.kind, text: submission.text, author, settings, now, recentByAuthor: recent });
    if (verdict.decision === 'reject') {
      const reason = verdict.reasons[0]!;
      throw new AppError(RULE_ERRORS[reason.rule] ?? ERROR_CODES.CONTENT_REJECTED, reason.message, {
        field: reason.rule === 'empty' || reason.rule === 'too-long' ? 'body' : undefined,
        retryAfter: verdict.retryAfter ?? undefined,
      });
    }
    const held = verdict.decision === 'hold';
    return {
      verdict,
      visibility: held ? 'held' : 'visible',
      status: held ? 'held' : verdict.flags.length ? 'flagged' : 'allowed',
      duplicateOf: verdict.duplicateOf,
    };
  }

  /**
   * The queue row for stored content; call inside the transaction that stores the content.
   * An edit of content already in the queue replaces its row: the new text is what staff judge.
   */
  async record(
    trx: Kysely<Database>,
    input: { spaceId: string; kind: ContentKind; contentId: string; authorId: string; text: string; screened: Screened },
  ): Promise<string> {
    const now = this.clock.now().toISOString();
    const { rows } = await upsertItem(trx, {
      id: newId(),
      space_id: input.spaceId,
      content_kind: input.kind,
      content_id: input.contentId,
      author_id: input.authorId,
      status: input.screened.status,
      body: input.text,
      dup_key: duplicateKey(input.text),
      reasons: JSON.stringify(input.screened.verdict.reasons),
      flags: JSON.stringify(input.screened.verdict.flags),
      now,
    });
    const row = rows[0]!;
    return row.id;
  }

  /**
   * Puts an item that needs a look in front of the space's staff, live. `screened`: the status it
   * was recorded with, when the caller has it (a post that passed needs no read to know).
   */
  async announce(spaceId: string, itemId: string, screened?: ItemStatus): Promise<void> {
    if (screened === 'allowed' || screened === 'approved') return;
    try {
      // Most posts pass: one primary-key read, not the queue item's joins, tells staff need not hear of it.
      const row = await this.db.selectFrom('moderation_items').select('status').where('id', '=', itemId).executeTakeFirst();
      if (!row || row.status === 'allowed' || row.status === 'approved') return;
      const [item] = await queueItems(this.db, this.kinds, [itemId], this.clock.now());
      if (!item || item.status === 'allowed' || item.status === 'approved') return;
      await this.streams.append({ stream: streamName.staff(spaceId), type: 'moderation:item', data: { item }, actorId: null });
    } catch (err) {
      // The item is stored; staff still find it in the queue on the next load.
      this.log.error({ err, itemId }, 'could not announce a moderation item');
    }
  }
}
