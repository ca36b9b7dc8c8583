import type { Kysely } from 'kysely';
import { ERROR_CODES } from '../../../shared/errors.js';
import { hasRole } from '../../../shared/roles.js';
import type { z } from 'zod';
import type { Blip, BlipRevisionSchema } from '../../../shared/schemas/waves.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { removeSearchText } from '../../db/search.js';
import { indexBlip } from './blip-search.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { ensureMember } from '../spaces/spaces.repository.js';
import type { StreamLog } from '../streams/stream-log.js';
import type { Viewer } from '../users/viewer.js';
import { canEditDocument, requireWave } from '../waves/waves.access.js';
import { recountWave, type WaveCounts } from '../waves/waves.counters.js';
import { requireBlip } from './blips.access.js';
import {
  blipsByIds,
  findBlip,
  insertBlip,
  latestCreatedAt,
  loadBlip,
  replaceMentions,
  setBody,
  setDeleted,
  setVisibility,
  toBlip,
  toBlips,
  treeNodes,
} from './blips.repository.js';
import type { BlipRow } from './blips.table.js';
import type { DraftRelay } from './drafts.js';
import { resolveMentions } from './mentions.js';
import { keepRevision, revisionsOf } from './revisions.js';
import type { KeyedQueue } from '../waves/keyed-queue.js';
import type { Moderation } from '../moderation/moderation.service.js';
import { noNotifier, type Notifier, type RecordedNotification } from '../notifications/notifier.js';
import { visibleBlipFacts } from './blips.notify.js';
import { decodeCursor, displayOrder, encodeCursor, pageStart } from './tree.js';
import { countsEvents, ofType } from './wave-events.js';
import type { WaveCountsThrottle } from './wave-counts-throttle.js';

export interface BlipServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  streams: StreamLog;
  /** Posting ends the writer's live draft for others. */
  drafts: Pick<DraftRelay, 'stop'>;
  /** Writes of one wave, one at a time (shared with reactions). */
  perWave: KeyedQueue;
  moderation: Moderation;
  /** Replies and mentions notify people (optional only for tools that build a bare service; the app always passes it). */
  notifier?: Notifier;
  /** Coalesces hot waves' count announcements (without it, every change announces its counts). */
  counts?: WaveCountsThrottle;
}

export interface PostBlipInput {
  waveId: string;
  parentId?: string | null;
  body: string;
  anchor?: { offset: number; quote: string };
  idempotencyKey?: string;
}

const invalid = (field: string, message: string) => new AppError(ERROR_CODES.INVALID_INPUT, `${field}: ${message}`, { field });
const person = (viewer: Viewer) => ({ id: viewer.id, displayName: viewer.displayName });

/** The thread of a wave: reading it in display order, posting, editing and deleting blips. */
export class BlipService {
  private readonly notifier: Notifier;

  constructor(private readonly d: BlipServiceDeps) {
    this.notifier = d.notifier ?? noNotifier;
  }

  private countsAfter(spaceId: string, counts: WaveCounts, actorId: string) {
    return this.d.counts ? this.d.counts.withWrite(spaceId, counts, actorId) : countsEvents(spaceId, counts, actorId);
  }

  async page(viewer: Viewer | null, waveId: string, query: { cursor?: string; limit: number }) {
    const { db } = this.d;
    const { role } = await requireWave(db, viewer, waveId, null);
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) throw invalid('cursor', 'not a cursor from this API');
    const order = displayOrder(await treeNodes(db, waveId, { userId: viewer?.id ?? null, staff: hasRole(role, 'staff') }));
    const start = pageStart(order, cursor);
    const ids = order.slice(start, start + query.limit);
    const rows = new Map((await blipsByIds(db, ids)).map((r) => [r.id, r]));
    const items = await toBlips(db, ids.flatMap((id) => rows.get(id) ?? []));
    const end = start + ids.length;
    return { items, nextCursor: end < order.length ? encodeCursor({ id: ids.at(-1)!, at: end - 1 }) : null };
  }

  async post(viewer: Viewer, input: PostBlipInput): Promise<Blip> {
    const { db, streams, clock } = this.d;
    const { wave, space, role } = await requireWave(db, viewer, input.waveId, 'fan');
    if (!canEditDocument(wave, role)) throw forbidden('This wave is locked: only staff may reply');
    if (input.anchor && !input.parentId) throw invalid('anchor', 'an inline reply needs a parentId');
    if (input.idempotencyKey) {
      // A retry after a lost ack answers with what was stored, without being screened again.
      const earlier = await streams.earlier(viewer.id, input.idempotencyKey);
      if (earlier) return ofType(earlier, 'blip:created').data.blip;
    }
    const screened = await this.d.moderation.screen({ space, kind: 'blip', text: input.body, author: person(viewer) });
    if (screened.duplicateOf) {
      const first = await loadBlip(db, screened.duplicateOf.id);
      if (first) return first;
    }
    const visible = screened.visibility === 'visible';
    return this.d.perWave.run(wave.id, async () => {
      if (input.parentId) await this.checkParent(wave.id, input.parentId, input.anchor);
      const mentions = await resolveMentions(db, space.id, input.body);
      const now = clock.now().toISOString();
      const latest = await latestCreatedAt(db, wave.id);
      // Siblings are ordered by creation time: two blips never share a millisecond.
      const createdAt = latest !== null && latest >= now ? new Date(Date.parse(latest) + 1).toISOString() : now;
      const row: BlipRow = {
        id: newId(),
        wave_id: wave.id,
        parent_id: input.parentId ?? null,
        author_id: viewer.id,
        body: input.body,
        anchor_offset: input.anchor?.offset ?? null,
        anchor_quote: input.anchor?.quote ?? null,
        created_at: createdAt,
        edited_at: null,
        deleted_at: null,
        visibility: screened.visibility,
      };
      let counts: WaveCounts | null = null;
      let itemId = '';
      let notified: RecordedNotification[] = [];
      const { event, duplicate } = await streams.append({
        // A held blip is told only to its author until staff approve it.
        stream: visible ? streamName.wave(wave.id) : streamName.user(viewer.id),
        type: 'blip:created',
        data: { blip: toBlip(row, { author: person(viewer), mentions, reactions: [] }) },
        actorId: viewer.id,
        idempotencyKey: input.idempotencyKey,
        alongside: async (trx) => {
          await ensureMember(trx, space.id, viewer.id, now);
          await insertBlip(trx, row);
          await replaceMentions(trx, row.id, mentions.map((m) => m.id));
          if (visible) await indexBlip(trx, { id: row.id, waveId: wave.id, spaceId: space.id, body: row.body });
          counts = await recountWave(trx, wave.id, visible ? createdAt : null);
          itemId = await this.d.moderation.record(trx, {
            spaceId: space.id,
            kind: 'blip',
            contentId: row.id,
            authorId: viewer.id,
            text: row.body,
            screened,
          });
          // A held blip notifies nobody yet: approving it does (blips.moderation.ts).
          if (visible) {
            const facts = await visibleBlipFacts(trx, {
              spaceId: space.id,
              wave,
              blip: { id: row.id, parentId: row.parent_id, body: row.body },
              author: person(viewer),
              mentions,
              mentioned: mentions.map((m) => m.id),
              replyToParent: true,
            });
            notified = await this.notifier.record(trx, facts);
          }
        },
        followedBy: () => (visible ? this.countsAfter(space.id, counts!, viewer.id) : []),
      });
      const { blip } = ofType(event, 'blip:created').data;
      if (!duplicate) {
        await this.notifier.deliver(notified);
        this.d.drafts.stop(wave.id, viewer.id);
        await this.d.moderation.announce(space.id, itemId, screened.status);
      }
      return blip;
    });
  }

  async edit(viewer: Viewer, input: { blipId: string; body: string; idempotencyKey?: string }): Promise<Blip> {
    const { db, streams, clock } = this.d;
    const { blip: found, wave, space, role } = await requireBlip(db, viewer, input.blipId, 'fan');
    if (found.author_id !== viewer.id) throw forbidden('Only its author may edit a blip');
    if (!canEditDocument(wave, role)) throw forbidden('This wave is locked: only staff may change replies');
    return this.d.perWave.run(wave.id, async () => {
      const row = await this.liveBlip(input.blipId);
      const [current] = await toBlips(db, [row]);
      if (row.body === input.body) return current!;
      const screened = await this.d.moderation.screen({ space, kind: 'blip', text: input.body, author: person(viewer) });
      // An edit that needs review takes the blip out of view until staff look at it.
      const visibility = row.visibility === 'visible' && screened.visibility === 'held' ? 'held' : row.visibility;
      const mentions = await resolveMentions(db, space.id, input.body);
      const now = clock.now().toISOString();
      const edited: Blip = { ...current!, body: input.body, mentions, editedAt: now, visibility };
      const shown = visibility === 'visible';
      let itemId = '';
      let notified: RecordedNotification[] = [];
      const { duplicate } = await streams.append({
        stream: shown ? streamName.wave(wave.id) : streamName.user(viewer.id),
        type: 'blip:edited',
        data: { blip: edited },
        actorId: viewer.id,
        idempotencyKey: input.idempotencyKey,
        alongside: async (trx) => {
          const before = new Set(
            (await trx.selectFrom('blip_mentions').select('user_id').where('blip_id', '=', row.id).execute()).map((m) => m.user_id),
          );
          await keepRevision(trx, row, now);
          await setBody(trx, row.id, input.body, now);
          await replaceMentions(trx, row.id, mentions.map((m) => m.id));
          if (visibility !== row.visibility) await setVisibility(trx, row.id, visibility);
          if (shown) await indexBlip(trx, { id: row.id, waveId: wave.id, spaceId: space.id, body: input.body });
          else await removeSearchText(trx, 'blip', row.id);
          itemId = await this.d.moderation.record(trx, {
            spaceId: space.id,
            kind: 'blip',
            contentId: row.id,
            authorId: viewer.id,
            text: input.body,
            screened,
          });
          // Only the people this edit newly mentions; someone notified of this blip before is not notified again.
          if (shown) {
            const facts = await visibleBlipFacts(trx, {
              spaceId: space.id,
              wave,
              blip: { id: row.id, parentId: row.parent_id, body: input.body },
              author: person(viewer),
              mentions,
              mentioned: mentions.filter((m) => !before.has(m.id)).map((m) => m.id),
              replyToParent: false,
            });
            notified = await this.notifier.record(trx, facts);
          }
        },
      });
      if (!duplicate) await this.notifier.deliver(notified);
      if (!shown && row.visibility === 'visible') {
        await streams.append({ stream: streamName.wave(wave.id), type: 'blip:deleted', data: { blipId: row.id, waveId: wave.id }, actorId: viewer.id });
      }
      await this.d.moderation.announce(space.id, itemId);
      return edited;
    });
  }

  /** Soft delete: the row stays so its replies keep their place; its text is no longer shown. */
  async remove(viewer: Viewer, input: { blipId: string; idempotencyKey?: string }): Promise<void> {
    const { db, streams, clock } = this.d;
    const { blip: found, wave, space, role } = await requireBlip(db, viewer, input.blipId, 'fan');
    const byAuthor = found.author_id === viewer.id;
    if (!byAuthor && !hasRole(role, 'staff')) throw forbidden('Only its author or staff may delete a blip');
    await this.d.perWave.run(wave.id, async () => {
      const row = await this.liveBlip(input.blipId);
      const now = clock.now().toISOString();
      let counts: WaveCounts | null = null;
      const { event } = await streams.append({
        stream: streamName.wave(wave.id),
        type: 'blip:deleted',
        data: { blipId: row.id, waveId: wave.id },
        actorId: viewer.id,
        idempotencyKey: input.idempotencyKey,
        alongside: async (trx) => {
          await setDeleted(trx, row.id, now);
          await removeSearchText(trx, 'blip', row.id);
          counts = await recountWave(trx, wave.id, null);
          if (!byAuthor) {
            await appendAudit(trx, {
              spaceId: space.id,
              actorId: viewer.id,
              action: 'blip.delete',
              targetType: 'blip',
              targetId: row.id,
              before: { body: row.body, authorId: row.author_id, waveId: wave.id },
              now,
            });
          }
        },
        followedBy: () => this.countsAfter(space.id, counts!, viewer.id),
      });
      ofType(event, 'blip:deleted');
    });
  }

  /** Earlier texts of a blip, oldest first; a deleted blip's history goes with its text. */
  async revisions(viewer: Viewer | null, blipId: string): Promise<z.infer<typeof BlipRevisionSchema>[]> {
    const { blip } = await requireBlip(this.d.db, viewer, blipId, null);
    if (blip.deleted_at !== null) return [];
    const rows = await revisionsOf(this.d.db, blip.id);
    return rows.map((r) => ({ body: r.body, at: r.written_at }));
  }

  private async liveBlip(blipId: string): Promise<BlipRow> {
    const row = await findBlip(this.d.db, blipId);
    if (!row || row.deleted_at !== null) throw notFound('Blip');
    return row;
  }

  private async checkParent(waveId: string, parentId: string, anchor: PostBlipInput['anchor']): Promise<void> {
    const parent = await findBlip(this.d.db, parentId);
    if (!parent || parent.deleted_at !== null) throw new AppError(ERROR_CODES.NOT_FOUND, 'Parent blip not found');
    if (parent.wave_id !== waveId) throw invalid('parentId', 'the parent blip belongs to another wave');
    if (anchor && anchor.offset > parent.body.length) {
      throw invalid('anchor.offset', `beyond the end of the parent blip (${parent.body.length} characters)`);
    }
  }
}
