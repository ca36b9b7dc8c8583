import { sql, type Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { CreateWaveBody, Person, StatusChange, WaveStatus, WaveSummary } from '../../../shared/schemas/waves.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { indexSearchText, moveSearchEntries } from '../../db/search.js';
import { AppError } from '../../http/errors.js';
import { isoNow } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { statusFact } from '../notifications/facts.js';
import type { RecordedNotification } from '../notifications/notifier.js';
import { ensureMember } from '../spaces/spaces.repository.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { WaveAccess } from './waves.access.js';
import type { WavesContext } from './waves.context.js';
import { recountWave } from './waves.counters.js';
import { seedIdeaDocument } from './waves.idea.js';
import { publishWaveCounts } from './waves.publish.js';
import { findWave, followersOf, insertWave } from './waves.repository.js';

export const invalid = (field: string, message: string) =>
  new AppError(ERROR_CODES.INVALID_INPUT, `${field}: ${message}`, { field });
const changedMeanwhile = () => new AppError(ERROR_CODES.CONFLICT, 'The wave changed meanwhile; reload and try again');

/**
 * A new wave: the row, its tags, its first status change and its idea document (seeded from the
 * draft as the author's edit) commit together with the `wave:created` event on the space stream.
 * A retry with the same idempotency key returns the wave made the first time.
 */
export async function createWave(
  ctx: WavesContext,
  input: {
    space: SpaceRow;
    author: Person;
    body: CreateWaveBody;
    idempotencyKey?: string;
    /** More rows that belong to the new wave (first blips, credits), written in the same transaction. */
    alongside?: (trx: Kysely<Database>, wave: { id: string; now: string }) => Promise<void>;
  },
): Promise<string> {
  const { space, author, body } = input;
  if (input.idempotencyKey) {
    // A retry after a lost ack answers with what was stored, without being screened again.
    const earlier = await ctx.streams.earlier(author.id, input.idempotencyKey);
    if (earlier?.type === 'wave:created') return earlier.data.wave.id;
  }
  const text = body.draft.trim() ? `${body.title}\n\n${body.draft}` : body.title;
  const screened = await ctx.moderation.screen({ space, kind: 'wave', text, author });
  if (screened.duplicateOf) return screened.duplicateOf.id;
  const visible = screened.visibility === 'visible';
  const id = newId();
  const now = isoNow(ctx.clock);
  const tags = [...new Set(body.tags)].sort();
  const wave: WaveSummary = {
    id,
    spaceId: space.id,
    title: body.title,
    status: 'open',
    tags,
    author,
    supporters: 0,
    contributors: 1,
    replies: 0,
    locked: false,
    mergedInto: null,
    createdAt: now,
    lastActivityAt: now,
    viewerSupports: false,
  };
  let itemId = '';
  const { event, duplicate } = await ctx.streams.append({
    // A held wave is told only to its author until staff approve it.
    stream: visible ? streamName.space(space.id) : streamName.user(author.id),
    type: 'wave:created',
    data: { wave },
    actorId: author.id,
    idempotencyKey: input.idempotencyKey,
    alongside: async (trx) => {
      await ensureMember(trx, space.id, author.id, now);
      await insertWave(trx, { id, spaceId: space.id, title: body.title, authorId: author.id, now, visibility: screened.visibility });
      if (tags.length > 0) await trx.insertInto('wave_tags').values(tags.map((tag) => ({ wave_id: id, tag }))).execute();
      await trx
        .insertInto('wave_status_changes')
        .values({ id: newId(), wave_id: id, from_status: null, to_status: 'open', reason: 'Started', actor_id: author.id, created_at: now })
        .execute();
      const documentText = await seedIdeaDocument(trx, ctx.clock, { waveId: id, authorId: author.id, draft: body.draft });
      await indexSearchText(trx, { kind: 'title', refId: id, waveId: id, spaceId: space.id, text: body.title });
      await indexSearchText(trx, { kind: 'document', refId: id, waveId: id, spaceId: space.id, text: documentText });
      await input.alongside?.(trx, { id, now });
      await recountWave(trx, id, now);
      itemId = await ctx.moderation.record(trx, { spaceId: space.id, kind: 'wave', contentId: id, authorId: author.id, text, screened });
    },
  });
  if (!duplicate) await ctx.moderation.announce(space.id, itemId);
  if (event.type !== 'wave:created') {
    throw new AppError(ERROR_CODES.CONFLICT, 'This idempotency key was already used for another write; make a new one');
  }
  return event.data.wave.id;
}

/** Status history must read in order even when two changes land in the same millisecond. */
async function nextChangeTime(db: Kysely<Database>, waveId: string, now: string): Promise<string> {
  const row = await db
    .selectFrom('wave_status_changes')
    .select(sql<string | null>`max(created_at)`.as('last'))
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  const last = row?.last;
  return last && last >= now ? new Date(Date.parse(last) + 1).toISOString() : now;
}

/**
 * The notification of a status change (merges too) to the wave's supporters and the people who
 * helped write it, in the change's transaction; nothing for a wave not (yet) visible to them.
 */
async function notifyStatus(
  ctx: WavesContext,
  trx: Kysely<Database>,
  wave: { id: string; space_id: string; title: string; visibility: string },
  actor: Person,
  change: StatusChange,
): Promise<RecordedNotification[]> {
  if (wave.visibility !== 'visible') return [];
  const recipients = await followersOf(trx, wave.id);
  return ctx.notifier.record(trx, [statusFact({ spaceId: wave.space_id, actor, wave, change, recipients })]);
}

/** Moves the wave's status (with the brand's public reason); merged waves keep theirs. */
export async function changeStatus(
  ctx: WavesContext,
  input: { access: WaveAccess; actor: Person; status: Exclude<WaveStatus, 'merged'>; reason: string; idempotencyKey?: string },
): Promise<StatusChange> {
  const { wave } = input.access;
  if (wave.status === 'merged') throw invalid('status', 'a merged wave keeps its status');
  const change: StatusChange = {
    id: newId(),
    from: wave.status,
    to: input.status,
    reason: input.reason,
    actor: input.actor,
    at: await nextChangeTime(ctx.db, wave.id, isoNow(ctx.clock)),
  };
  const data = { waveId: wave.id, status: input.status, change };
  let notified: RecordedNotification[] = [];
  const { event, duplicate } = await ctx.streams.append({
    stream: streamName.wave(wave.id),
    type: 'wave:status-changed',
    data,
    actorId: input.actor.id,
    idempotencyKey: input.idempotencyKey,
    alongside: async (trx) => {
      const updated = await trx
        .updateTable('waves')
        .set({ status: input.status })
        .where('id', '=', wave.id)
        .where('status', '=', wave.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw changedMeanwhile();
      await insertChange(trx, wave.id, change);
      await appendAudit(trx, {
        spaceId: wave.space_id,
        actorId: input.actor.id,
        action: 'wave.status.change',
        targetType: 'wave',
        targetId: wave.id,
        before: { status: wave.status },
        after: { status: input.status, reason: input.reason },
        now: change.at,
      });
      notified = await notifyStatus(ctx, trx, wave, input.actor, change);
    },
  });
  if (duplicate) {
    if (event.type !== 'wave:status-changed') throw changedMeanwhile();
    return event.data.change;
  }
  await ctx.notifier.deliver(notified);
  await ctx.streams.append({ stream: streamName.space(wave.space_id), type: 'wave:status-changed', data, actorId: input.actor.id });
  return change;
}

function insertChange(trx: Kysely<Database>, waveId: string, change: StatusChange) {
  return trx
    .insertInto('wave_status_changes')
    .values({
      id: change.id,
      wave_id: waveId,
      from_status: change.from,
      to_status: change.to,
      reason: change.reason,
      actor_id: change.actor.id,
      created_at: change.at,
    })
    .execute();
}

/**
 * Folds a duplicate into another wave of the same space, in one transaction: supports move
 * (someone who supported both counts once), blips move with their tree intact, and the old
 * wave becomes `merged` with a status change carrying the reason. Both waves are recounted.
 */
export async function mergeWave(
  ctx: WavesContext,
  input: { access: WaveAccess; actor: Person; into: string; reason: string },
): Promise<void> {
  const { wave: source } = input.access;
  if (input.into === source.id) throw invalid('into', 'a wave cannot be merged into itself');
  if (source.status === 'merged') throw invalid('into', 'this wave was already merged');
  const target = await findWave(ctx.db, input.into);
  if (!target || target.space_id !== source.space_id) throw invalid('into', 'no such wave in this space');
  if (target.status === 'merged') throw invalid('into', 'that wave was itself merged; merge into the wave it went to');
  const now = await nextChangeTime(ctx.db, source.id, isoNow(ctx.clock));
  const change: StatusChange = { id: newId(), from: source.status, to: 'merged', reason: input.reason, actor: input.actor, at: now };
  const statusData = { waveId: source.id, status: 'merged' as const, change };

  let notified: RecordedNotification[] = [];
  await ctx.streams.append({
    stream: streamName.wave(source.id),
    type: 'wave:status-changed',
    data: statusData,
    actorId: input.actor.id,
    alongside: async (trx) => {
      const still = await trx.selectFrom('waves').select('status').where('id', '=', target.id).executeTakeFirst();
      if (!still || still.status === 'merged') throw changedMeanwhile();
      const updated = await trx
        .updateTable('waves')
        .set({ status: 'merged', merged_into: target.id, pinned_blip_id: null })
        .where('id', '=', source.id)
        .where('status', '=', source.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw changedMeanwhile();
      // Before the supports and blips move: the people of the merged wave hear where it went.
      notified = await notifyStatus(ctx, trx, source, input.actor, change);
      await trx
        .insertInto('wave_supports')
        .columns(['wave_id', 'user_id', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('wave_supports')
            .select([sql.val(target.id).as('wave_id'), 'user_id', 'created_at'])
            .where('wave_id', '=', source.id),
        )
        .onConflict((oc) => oc.columns(['wave_id', 'user_id']).doNothing())
        .execute();
      await trx.deleteFrom('wave_supports').where('wave_id', '=', source.id).execute();
      const blips = await trx.selectFrom('blips').select('id').where('wave_id', '=', source.id).execute();
      await trx.updateTable('blips').set({ wave_id: target.id }).where('wave_id', '=', source.id).execute();
      await moveSearchEntries(
        trx,
        'blip',
        blips.map((b) => b.id),
        target.id,
      );
      await insertChange(trx, source.id, change);
      await recountWave(trx, source.id, now);
      await recountWave(trx, target.id, now);
      await appendAudit(trx, {
        spaceId: source.space_id,
        actorId: input.actor.id,
        action: 'wave.merge',
        targetType: 'wave',
        targetId: source.id,
        before: { status: source.status, mergedInto: null, pinnedBlipId: source.pinned_blip_id },
        after: { status: 'merged', mergedInto: target.id, reason: input.reason, blipsMoved: blips.length },
        now,
      });
    },
  });
  await ctx.notifier.deliver(notified);
  const actorId = input.actor.id;
  await ctx.streams.append({ stream: streamName.space(source.space_id), type: 'wave:status-changed', data: statusData, actorId });
  await ctx.streams.append({
    stream: streamName.wave(source.id),
    type: 'wave:updated',
    data: { waveId: source.id, mergedInto: target.id, ...(source.pinned_blip_id ? { pinnedBlipId: null } : {}) },
    actorId,
  });
  for (const waveId of [source.id, target.id]) await publishWaveCounts(ctx.streams, ctx.db, { waveId, actorId, now: null });
  await ctx.refreshDocAccess(docName.wave(source.id));
}

/**
 * Locks or unlocks the idea document. Live editors are re-checked at once: a fan's open editor
 * becomes read-only (its further edits are dropped) and read-write again after unlocking.
 */
export async function setLocked(ctx: WavesContext, input: { access: WaveAccess; actor: Person; locked: boolean }): Promise<void> {
  const { wave } = input.access;
  if ((wave.locked === 1) === input.locked) return;
  await ctx.streams.append({
    stream: streamName.wave(wave.id),
    type: 'wave:updated',
    data: { waveId: wave.id, locked: input.locked },
    actorId: input.actor.id,
    alongside: async (trx, event) => {
      await trx
        .updateTable('waves')
        .set({ locked: input.locked ? 1 : 0 })
        .where('id', '=', wave.id)
        .execute();
      await appendAudit(trx, {
        spaceId: wave.space_id,
        actorId: input.actor.id,
        action: input.locked ? 'wave.lock' : 'wave.unlock',
        targetType: 'wave',
        targetId: wave.id,
        before: { locked: wave.locked === 1 },
        after: { locked: input.locked },
        now: event.createdAt,
      });
    },
  });
  await ctx.refreshDocAccess(docName.wave(wave.id));
}

/** Pins one of the wave's blips to its top, or unpins with null. */
export async function pinBlip(
  ctx: WavesContext,
  input: { access: WaveAccess; actor: Person; blipId: string | null },
): Promise<void> {
  const { wave } = input.access;
  const { blipId } = input;
  if (blipId !== null) {
    const blip = await ctx.db
      .selectFrom('blips')
      .select('id')
      .where('id', '=', blipId)
      .where('wave_id', '=', wave.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!blip) throw invalid('blipId', 'no such blip on this wave');
  }
  if (wave.pinned_blip_id === blipId) return;
  await ctx.streams.append({
    stream: streamName.wave(wave.id),
    type: 'wave:updated',
    data: { waveId: wave.id, pinnedBlipId: blipId },
    actorId: input.actor.id,
    alongside: async (trx, event) => {
      await trx.updateTable('waves').set({ pinned_blip_id: blipId }).where('id', '=', wave.id).execute();
      await appendAudit(trx, {
        spaceId: wave.space_id,
        actorId: input.actor.id,
        action: blipId ? 'wave.pin' : 'wave.unpin',
        targetType: 'wave',
        targetId: wave.id,
        before: { pinnedBlipId: wave.pinned_blip_id },
        after: { pinnedBlipId: blipId },
        now: event.createdAt,
      });
    },
  });
}
