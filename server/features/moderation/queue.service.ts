import type { Kysely } from 'kysely';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { ContentKind, ItemStatus, QueueItem, Reason, Sanction } from '../../../shared/schemas/moderation.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { parseSettings } from '../spaces/spaces.repository.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import { moderationFact, type NotificationFact } from '../notifications/facts.js';
import type { Notifier, RecordedNotification } from '../notifications/notifier.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';
import type { ModeratedKinds } from './kinds.js';
import type { ModerationItemRow, Visibility } from './moderation.table.js';
import { queueItems } from './queue.repository.js';

const OPEN = ['held', 'flagged'] as const;
const DAY_MS = 86_400_000;

/** What staff do to the queue: decide, edit, sanction, and what fans do: flag. Every staff act is audited. */
export class ModerationQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly streams: StreamLog,
    private readonly kinds: ModeratedKinds,
    private readonly notifier: Notifier,
  ) {}

  async item(space: SpaceRow, itemId: string): Promise<ModerationItemRow> {
    const row = await this.db
      .selectFrom('moderation_items')
      .selectAll()
      .where('id', '=', itemId)
      .where('space_id', '=', space.id)
      .executeTakeFirst();
    if (!row) throw notFound('Moderation item');
    return row;
  }

  /**
   * Approve or reject an item that is still open. The status check and the change are one
   * statement, so of two moderators acting at once exactly one wins; the other hears who did.
   */
  async decide(
    space: SpaceRow,
    staff: Viewer,
    itemId: string,
    action: 'approve' | 'reject',
    note: string | null,
    /** Which statuses may still be decided; staff sweeping an author's day also take back what had passed. */
    decidable: readonly ItemStatus[] = OPEN,
  ): Promise<QueueItem> {
    const row = await this.item(space, itemId);
    const now = this.clock.now().toISOString();
    const status = action === 'approve' ? 'approved' : 'rejected';
    const visibility: Visibility = action === 'approve' ? 'visible' : 'rejected';
    const adapter = this.kinds.get(row.content_kind);
    let notified: RecordedNotification[] = [];
    const changed = await this.db.transaction().execute(async (trx) => {
      // The status as decided on (it may have moved since `row` was read: flags can hold a post).
      const before = await trx.selectFrom('moderation_items').select('status').where('id', '=', itemId).executeTakeFirstOrThrow();
      const result = await trx
        .updateTable('moderation_items')
        .set({ status, decided_by: staff.id, decided_at: now, decision_note: note, updated_at: now })
        .where('id', '=', itemId)
        .where('status', 'in', [...decidable])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await adapter?.setVisibility(trx, row.content_id, visibility);
      await appendAudit(trx, {
        spaceId: space.id,
        actorId: staff.id,
        action: `moderation.${action}`,
        targetType: row.content_kind,
        targetId: row.content_id,
        before: { status: row.status },
        after: { status, note },
        now,
      });
      notified = await this.notifier.record(trx, await this.decisionFacts(trx, space, staff, { ...row, status: before.status }, status, note));
      return true;
    });
    if (!changed) throw await this.alreadyHandled(itemId);
    await this.notifier.deliver(notified);
    await adapter?.afterDecision?.(row.content_id, visibility);
    await this.tell(space, row, status === 'approved' ? 'approved' : 'rejected', note);
    return this.publish(space, itemId);
  }

  /**
   * The author hears of a decision on their held post, and of any rejection (their post leaves
   * view); approving a flagged post that never left view tells them nothing. Approved held
   * content notifies as if it had just been posted (a blip's mentions and parent's author).
   */
  private async decisionFacts(
    trx: Kysely<Database>,
    space: SpaceRow,
    staff: Viewer,
    row: ModerationItemRow,
    decision: 'approved' | 'rejected',
    note: string | null,
  ): Promise<NotificationFact[]> {
    const facts: NotificationFact[] = [];
    const adapter = this.kinds.get(row.content_kind);
    if (row.author_id && (row.status === 'held' || decision === 'rejected')) {
      const context = (await adapter?.describe(trx, [row.content_id]))?.get(row.content_id);
      if (context) {
        facts.push(
          moderationFact({
            spaceId: space.id,
            actor: { id: staff.id, displayName: staff.displayName },
            item: { id: row.id, authorId: row.author_id, body: row.body },
            decision,
            note,
            context,
            blipId: row.content_kind === 'blip' ? row.content_id : null,
          }),
        );
      }
    }
    if (decision === 'approved' && row.status === 'held' && adapter?.notifyWhenShown) {
      facts.push(...(await adapter.notifyWhenShown(trx, row.content_id)));
    }
    return facts;
  }

  private async alreadyHandled(itemId: string): Promise<AppError> {
    const [item] = await queueItems(this.db, this.kinds, [itemId], this.clock.now());
    const by = item?.decidedBy ? ` by ${item.decidedBy.displayName}` : '';
    const at = item?.decidedAt ? ` at ${item.decidedAt}` : '';
    return new AppError(ERROR_CODES.CONFLICT, `Already ${item?.status ?? 'handled'}${by}${at}`);
  }

  /** Corrects the text (a typo, a removed link) without deciding; the author's original stays in the audit log. */
  async edit(space: SpaceRow, staff: Viewer, itemId: string, body: string, note: string | null): Promise<QueueItem> {
    const row = await this.item(space, itemId);
    const adapter = this.kinds.get(row.content_kind);
    if (!adapter) throw new AppError(ERROR_CODES.INVALID_INPUT, `Items of kind ${row.content_kind} cannot be edited here`);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('moderation_items').set({ body, updated_at: now }).where('id', '=', itemId).execute();
      await adapter.replaceText(trx, row.content_id, body);
      await appendAudit(trx, {
        spaceId: space.id,
        actorId: staff.id,
        action: 'moderation.edit',
        targetType: row.content_kind,
        targetId: row.content_id,
        before: { body: row.body },
        after: { body, note },
        now,
      });
    });
    return this.publish(space, itemId);
  }

  /** Rejects everything an author posted in the space in the last day that is not rejected yet. */
  async rejectRecent(space: SpaceRow, staff: Viewer, userId: string, reason: string): Promise<string[]> {
    const since = new Date(this.clock.now().getTime() - DAY_MS).toISOString();
    const rows = await this.db
      .selectFrom('moderation_items')
      .select(['id', 'status'])
      .where('space_id', '=', space.id)
      .where('author_id', '=', userId)
      .where('created_at', '>=', since)
      .where('status', '!=', 'rejected')
      .execute();
    const done: string[] = [];
    for (const row of rows) {
      try {
        await this.decide(space, staff, row.id, 'reject', reason, ['held', 'flagged', 'allowed', 'approved']);
        done.push(row.id);
      } catch (err) {
        if (!(err instanceof AppError && err.code === ERROR_CODES.CONFLICT)) throw err;
      }
    }
    return done;
  }

  async sanction(
    space: SpaceRow,
    staff: Viewer,
    input: { userId: string; kind: 'ban' | 'suspension'; days?: number; reason: string },
  ): Promise<Sanction> {
    if (input.kind === 'suspension' && !input.days) {
      throw new AppError(ERROR_CODES.INVALID_INPUT, 'days: a suspension needs a length', { field: 'days' });
    }
    if (input.userId === staff.id) throw new AppError(ERROR_CODES.INVALID_INPUT, 'You cannot sanction yourself', { field: 'userId' });
    const now = this.clock.now();
    const until = input.kind === 'suspension' ? new Date(now.getTime() + input.days! * DAY_MS).toISOString() : null;
    const row = {
      id: newId(),
      space_id: space.id,
      user_id: input.userId,
      kind: input.kind,
      reason: input.reason,
      until,
      created_by: staff.id,
      created_at: now.toISOString(),
      lifted_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('member_sanctions').values(row).execute();
      await appendAudit(trx, {
        spaceId: space.id,
        actorId: staff.id,
        action: `member.${input.kind}`,
        targetType: 'user',
        targetId: input.userId,
        after: { reason: input.reason, until },
        now: row.created_at,
      });
    });
    return toSanction(row);
  }

  async lift(space: SpaceRow, staff: Viewer, sanctionId: string): Promise<Sanction> {
    const now = this.clock.now().toISOString();
    const row = await this.db
      .selectFrom('member_sanctions')
      .selectAll()
      .where('id', '=', sanctionId)
      .where('space_id', '=', space.id)
      .executeTakeFirst();
    if (!row) throw notFound('Sanction');
    if (row.lifted_at) return toSanction(row);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('member_sanctions').set({ lifted_at: now }).where('id', '=', sanctionId).execute();
      await appendAudit(trx, {
        spaceId: space.id,
        actorId: staff.id,
        action: `member.${row.kind}.lift`,
        targetType: 'user',
        targetId: row.user_id,
        before: { until: row.until },
        now,
      });
    });
    return toSanction({ ...row, lifted_at: now });
  }

  async sanctionsOf(space: SpaceRow, userId: string): Promise<Sanction[]> {
    const rows = await this.db
      .selectFrom('member_sanctions')
      .selectAll()
      .where('space_id', '=', space.id)
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toSanction);
  }

  /**
   * A fan flags content. Flags from `flagThreshold` different people hold it for review;
   * fewer put it on the flagged tab. Flagging twice counts once; your own posts cannot be flagged.
   */
  async flag(space: SpaceRow, viewer: Viewer, input: { kind: ContentKind; contentId: string; reason: string }): Promise<{ flags: number; held: boolean }> {
    const row = await this.db
      .selectFrom('moderation_items')
      .selectAll()
      .where('space_id', '=', space.id)
      .where('content_kind', '=', input.kind)
      .where('content_id', '=', input.contentId)
      .executeTakeFirst();
    if (!row || row.status === 'rejected') throw notFound('Content');
    if (row.author_id === viewer.id) throw new AppError(ERROR_CODES.INVALID_INPUT, 'You cannot flag your own post');
    const now = this.clock.now().toISOString();
    const threshold = parseSettings(space).flagThreshold;
    const outcome = await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('content_flags')
        .values({ item_id: row.id, user_id: viewer.id, reason: input.reason, created_at: now })
        .onConflict((oc) => oc.columns(['item_id', 'user_id']).doNothing())
        .execute();
      const { n } = await trx
        .selectFrom('content_flags')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('item_id', '=', row.id)
        .executeTakeFirstOrThrow();
      const flags = Number(n);
      const current = await trx.selectFrom('moderation_items').select(['status', 'flags']).where('id', '=', row.id).executeTakeFirstOrThrow();
      const reasons = (JSON.parse(current.flags) as Reason[]).filter((r) => r.rule !== 'fan-flags');
      reasons.push({ rule: 'fan-flags', message: `Flagged by ${flags} ${flags === 1 ? 'person' : 'people'}; latest: “${input.reason}”` });
      const hold = flags >= threshold && current.status !== 'held' && current.status !== 'approved';
      const status = hold ? 'held' : current.status === 'allowed' ? 'flagged' : current.status;
      await trx.updateTable('moderation_items').set({ status, flags: JSON.stringify(reasons), updated_at: now }).where('id', '=', row.id).execute();
      if (hold) await this.kinds.get(row.content_kind)?.setVisibility(trx, row.content_id, 'held');
      return { flags, held: status === 'held' };
    });
    if (outcome.held) await this.kinds.get(row.content_kind)?.afterDecision?.(row.content_id, 'held');
    await this.publish(space, row.id);
    return outcome;
  }

  private async tell(space: SpaceRow, row: ModerationItemRow, decision: 'approved' | 'rejected', note: string | null) {
    if (!row.author_id) return;
    await this.streams.append({
      stream: streamName.user(row.author_id),
      type: 'moderation:decided',
      data: { kind: row.content_kind as ContentKind, contentId: row.content_id, decision, reason: note },
      actorId: null,
    });
  }

  private async publish(space: SpaceRow, itemId: string): Promise<QueueItem> {
    const [item] = await queueItems(this.db, this.kinds, [itemId], this.clock.now());
    await this.streams.append({ stream: streamName.staff(space.id), type: 'moderation:item', data: { item: item! }, actorId: null });
    return item!;
  }
}

function toSanction(row: Database['member_sanctions']): Sanction {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    reason: row.reason,
    until: row.until,
    createdAt: row.created_at,
    liftedAt: row.lifted_at,
  };
}
