import { sql, type Kysely } from 'kysely';
import type { DataExport, ForgetResult, SpaceExport } from '../../../shared/schemas/people.js';
import type { Reason } from '../../../shared/schemas/moderation.js';
import { streamName } from '../../../shared/streams.js';
import type { Database } from '../../db/database.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { readNotificationSettings } from '../notifications/notifications.repository.js';
import { requireSpace } from '../spaces/access.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { Viewer } from '../users/viewer.js';
import { recountWave } from '../waves/waves.counters.js';
import { FORMER_MEMBER } from '../waves/waves.repository.js';
import { pendingOf } from './profile.service.js';
import { spotlightsOf } from './profiles.repository.js';

type Db = Kysely<Database>;

const WAVE_DOC = /^wave:(.+)$/;

/**
 * A person's own data: everything the space stores about them as one JSON download (staff notes
 * excepted: they are the staff's memory, not the person's content), and being forgotten.
 */
export class MyDataService {
  constructor(private readonly d: { db: Db; clock: Clock }) {}

  async export(viewer: Viewer, slug: string | undefined): Promise<DataExport> {
    const { db, clock } = this.d;
    const user = await db.selectFrom('users').selectAll().where('id', '=', viewer.id).executeTakeFirst();
    if (!user) throw notFound('Person');
    let spaces: SpaceRow[];
    if (slug) {
      spaces = [(await requireSpace(db, viewer, { slug }, 'fan')).space];
    } else {
      let query = db
        .selectFrom('memberships')
        .innerJoin('spaces', 'spaces.id', 'memberships.space_id')
        .selectAll('spaces')
        .where('memberships.user_id', '=', viewer.id);
      if (viewer.scopedSpaceId) query = query.where('spaces.id', '=', viewer.scopedSpaceId);
      spaces = await query.orderBy('spaces.name').execute();
    }
    const [pending, identities, sessions, settings] = await Promise.all([
      pendingOf(db, user.id),
      db
        .selectFrom('sso_identities')
        .innerJoin('spaces', 'spaces.id', 'sso_identities.space_id')
        .select(['spaces.slug', 'sso_identities.subject', 'sso_identities.created_at'])
        .where('sso_identities.user_id', '=', user.id)
        .execute(),
      db
        .selectFrom('sessions')
        .leftJoin('spaces', 'spaces.id', 'sessions.space_id')
        .select(['sessions.created_at', 'sessions.expires_at', 'sessions.revoked_at', 'spaces.slug'])
        .where('sessions.user_id', '=', user.id)
        .orderBy('sessions.created_at', 'desc')
        .execute(),
      readNotificationSettings(db, user.id),
    ]);
    const scoped = viewer.scopedSpaceId;
    return {
      exportedAt: clock.now().toISOString(),
      account: {
        id: user.id,
        displayName: user.display_name,
        email: user.email,
        bio: user.bio,
        interests: JSON.parse(user.interests) as string[],
        createdAt: user.created_at,
        pending,
        ssoIdentities: identities
          .filter((i) => !scoped || spaces.some((s) => s.slug === i.slug))
          .map((i) => ({ space: i.slug, subject: i.subject, createdAt: i.created_at })),
        sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at, revokedAt: s.revoked_at, space: s.slug ?? null })),
        settings: { shareDrafts: user.share_drafts === 1, notifications: settings },
      },
      spaces: await Promise.all(spaces.map((space) => this.spaceExport(space, user.id))),
    };
  }

  private async spaceExport(space: SpaceRow, userId: string): Promise<SpaceExport> {
    const db = this.d.db;
    const [membership, waves, blips, supports, reactions, docs, messages, visits, hands, credits, spotlights, notifications, items, sanctions, flags] =
      await Promise.all([
        db.selectFrom('memberships').select(['role', 'joined_at']).where('space_id', '=', space.id).where('user_id', '=', userId).executeTakeFirst(),
        db
          .selectFrom('waves')
          .select(['id', 'title', 'status', 'visibility', 'created_at'])
          .where('space_id', '=', space.id)
          .where('author_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('blips')
          .innerJoin('waves', 'waves.id', 'blips.wave_id')
          .selectAll('blips')
          .where('waves.space_id', '=', space.id)
          .where('blips.author_id', '=', userId)
          .orderBy('blips.created_at')
          .execute(),
        db
          .selectFrom('wave_supports')
          .innerJoin('waves', 'waves.id', 'wave_supports.wave_id')
          .select(['waves.id', 'waves.title', 'waves.status', 'wave_supports.created_at'])
          .where('waves.space_id', '=', space.id)
          .where('wave_supports.user_id', '=', userId)
          .orderBy('wave_supports.created_at')
          .execute(),
        db
          .selectFrom('blip_reactions')
          .innerJoin('blips', 'blips.id', 'blip_reactions.blip_id')
          .innerJoin('waves', 'waves.id', 'blips.wave_id')
          .select(['blip_reactions.blip_id', 'blip_reactions.reaction', 'blip_reactions.created_at'])
          .where('waves.space_id', '=', space.id)
          .where('blip_reactions.user_id', '=', userId)
          .orderBy('blip_reactions.created_at')
          .execute(),
        db
          .selectFrom('doc_contributors as dc')
          .innerJoin('waves', (j) => j.on('dc.doc_name', '=', sql<string>`'wave:' || waves.id`))
          .select(['waves.id', 'waves.title', 'waves.status', 'dc.chars', 'dc.edits', 'dc.first_at', 'dc.last_at'])
          .where('waves.space_id', '=', space.id)
          .where('dc.user_id', '=', userId)
          .execute(),
        db
          .selectFrom('table_messages')
          .innerJoin('cafe_tables', 'cafe_tables.id', 'table_messages.table_id')
          .select(['table_messages.id', 'table_messages.table_id', 'cafe_tables.topic', 'table_messages.body', 'table_messages.visibility', 'table_messages.created_at'])
          .where('cafe_tables.space_id', '=', space.id)
          .where('table_messages.author_id', '=', userId)
          .orderBy('table_messages.created_at')
          .execute(),
        db
          .selectFrom('table_visits')
          .innerJoin('cafe_tables', 'cafe_tables.id', 'table_visits.table_id')
          .select(['table_visits.table_id', 'cafe_tables.topic', 'table_visits.staff', 'table_visits.first_sat_at', 'table_visits.last_sat_at'])
          .where('table_visits.space_id', '=', space.id)
          .where('table_visits.user_id', '=', userId)
          .orderBy('table_visits.first_sat_at')
          .execute(),
        db
          .selectFrom('table_hands')
          .innerJoin('cafe_tables', 'cafe_tables.id', 'table_hands.table_id')
          .selectAll('table_hands')
          .where('cafe_tables.space_id', '=', space.id)
          .where('table_hands.user_id', '=', userId)
          .orderBy('table_hands.raised_at')
          .execute(),
        db
          .selectFrom('wave_credits')
          .innerJoin('waves', 'waves.id', 'wave_credits.wave_id')
          .select(['wave_credits.wave_id', 'wave_credits.source', 'wave_credits.created_at'])
          .where('waves.space_id', '=', space.id)
          .where('wave_credits.user_id', '=', userId)
          .execute(),
        spotlightsOf(db, { spaceId: space.id, userId }),
        db
          .selectFrom('notifications')
          .select(['id', 'kind', 'title', 'excerpt', 'link', 'created_at', 'read_at'])
          .where('space_id', '=', space.id)
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('moderation_items')
          .selectAll()
          .where('space_id', '=', space.id)
          .where('author_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('member_sanctions')
          .selectAll()
          .where('space_id', '=', space.id)
          .where('user_id', '=', userId)
          .orderBy('created_at', 'desc')
          .execute(),
        db
          .selectFrom('content_flags')
          .innerJoin('moderation_items', 'moderation_items.id', 'content_flags.item_id')
          .select(['moderation_items.content_kind', 'moderation_items.content_id', 'content_flags.reason', 'content_flags.created_at'])
          .where('moderation_items.space_id', '=', space.id)
          .where('content_flags.user_id', '=', userId)
          .execute(),
      ]);
    const revisions = blips.length
      ? await db
          .selectFrom('blip_revisions')
          .selectAll()
          .where(
            'blip_id',
            'in',
            blips.map((b) => b.id),
          )
          .orderBy('written_at')
          .execute()
      : [];
    return {
      space: { id: space.id, slug: space.slug, name: space.name },
      membership: membership ? { role: membership.role, joinedAt: membership.joined_at } : null,
      waves: waves.map((w) => ({ id: w.id, title: w.title, status: w.status, visibility: w.visibility, createdAt: w.created_at })),
      blips: blips.map((b) => ({
        id: b.id,
        waveId: b.wave_id,
        parentId: b.parent_id,
        body: b.body,
        visibility: b.visibility,
        createdAt: b.created_at,
        editedAt: b.edited_at,
        deletedAt: b.deleted_at,
        revisions: revisions
          .filter((r) => r.blip_id === b.id)
          .map((r) => ({ body: r.body, writtenAt: r.written_at, replacedAt: r.replaced_at })),
      })),
      supports: supports.map((s) => ({ wave: { id: s.id, title: s.title, status: s.status }, at: s.created_at })),
      reactions: reactions.map((r) => ({ blipId: r.blip_id, reaction: r.reaction, at: r.created_at })),
      documentContributions: docs.map((d) => ({
        wave: { id: d.id, title: d.title, status: d.status },
        chars: Number(d.chars),
        edits: Number(d.edits),
        firstAt: d.first_at,
        lastAt: d.last_at,
      })),
      tableMessages: messages.map((m) => ({ id: m.id, tableId: m.table_id, topic: m.topic, body: m.body, visibility: m.visibility, createdAt: m.created_at })),
      tableVisits: visits.map((v) => ({ tableId: v.table_id, topic: v.topic, staff: v.staff === 1, firstSatAt: v.first_sat_at, lastSatAt: v.last_sat_at })),
      hands: hands.map((h) => ({ id: h.id, tableId: h.table_id, question: h.question, raisedAt: h.raised_at, loweredAt: h.lowered_at, answeredAt: h.answered_at })),
      credits: credits.map((c) => ({ waveId: c.wave_id, source: c.source, at: c.created_at })),
      spotlights,
      notifications: notifications.map((n) => ({ id: n.id, kind: n.kind, title: n.title, excerpt: n.excerpt, link: n.link, createdAt: n.created_at, readAt: n.read_at })),
      moderation: {
        items: items.map((i) => ({
          id: i.id,
          kind: i.content_kind,
          contentId: i.content_id,
          status: i.status,
          body: i.body,
          reasons: JSON.parse(i.reasons) as Reason[],
          createdAt: i.created_at,
          decidedAt: i.decided_at,
          decisionNote: i.decision_note,
        })),
        sanctions: sanctions.map((s) => ({ id: s.id, userId: s.user_id, kind: s.kind, reason: s.reason, until: s.until, createdAt: s.created_at, liftedAt: s.lifted_at })),
      },
      flags: flags.map((f) => ({ contentKind: f.content_kind, contentId: f.content_id, reason: f.reason, at: f.created_at })),
    };
  }

  /**
   * Forgets a person. In one transaction: their seats are given up (the table's fan count follows),
   * the live streams' stored events name them no more, their profile texts leave the moderation
   * queue, and their account row is deleted. The schema's ON DELETE rules do the rest: what they
   * wrote (waves, blips, table messages, document edits) stays in place with a null author
   * ("Former member"); what is only about them (memberships, sessions, SSO identities, supports,
   * reactions, seats, visits, hands, credits, notifications, settings, sanctions, flags, staff
   * notes and spotlights about them, pending profile texts) is deleted. Wave counters are
   * recounted. Returns what was kept anonymously, and the spaces they were in (to close sockets).
   */
  async forget(viewer: Viewer): Promise<ForgetResult & { spaceIds: string[] }> {
    const { db, clock } = this.d;
    const userId = viewer.id;
    const memberships = await db.selectFrom('memberships').select('space_id').where('user_id', '=', userId).execute();
    if (viewer.scopedSpaceId && memberships.some((m) => m.space_id !== viewer.scopedSpaceId)) {
      // A brand sign-in acts in its space only; this account is also elsewhere.
      throw forbidden('This account is also used in other spaces: sign in to Commonplace itself to delete it');
    }
    const now = clock.now().toISOString();
    return db.transaction().execute(async (trx) => {
      const [waves, blips, messages] = await Promise.all([
        trx.selectFrom('waves').select((eb) => eb.fn.countAll<number>().as('n')).where('author_id', '=', userId).executeTakeFirstOrThrow(),
        trx.selectFrom('blips').select((eb) => eb.fn.countAll<number>().as('n')).where('author_id', '=', userId).executeTakeFirstOrThrow(),
        trx.selectFrom('table_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('author_id', '=', userId).executeTakeFirstOrThrow(),
      ]);

      // Waves whose counters count them (supports, blips, document edits, credits).
      const touched = new Set<string>();
      for (const r of await trx.selectFrom('wave_supports').select('wave_id').where('user_id', '=', userId).execute()) touched.add(r.wave_id);
      for (const r of await trx.selectFrom('wave_credits').select('wave_id').where('user_id', '=', userId).execute()) touched.add(r.wave_id);
      for (const r of await trx.selectFrom('blips').select('wave_id').distinct().where('author_id', '=', userId).execute()) touched.add(r.wave_id);
      for (const r of await trx.selectFrom('doc_contributors').select('doc_name').where('user_id', '=', userId).execute()) {
        const id = WAVE_DOC.exec(r.doc_name)?.[1];
        if (id) touched.add(id);
      }

      // Seats: a fan seat gives its place back; an emptied table starts its closing countdown.
      for (const seat of await trx.selectFrom('table_seats').selectAll().where('user_id', '=', userId).execute()) {
        await trx.deleteFrom('table_seats').where('table_id', '=', seat.table_id).where('user_id', '=', userId).execute();
        if (!seat.staff) {
          await trx.updateTable('cafe_tables').set((eb) => ({ fan_seats: eb('fan_seats', '-', 1) })).where('id', '=', seat.table_id).execute();
        }
        const left = await trx.selectFrom('table_seats').select('user_id').where('table_id', '=', seat.table_id).executeTakeFirst();
        if (!left) await trx.updateTable('cafe_tables').set({ last_activity_at: now }).where('id', '=', seat.table_id).execute();
      }

      await scrubStreams(trx, userId);
      await trx.deleteFrom('moderation_items').where('author_id', '=', userId).where('content_kind', 'in', ['bio', 'display-name']).execute();
      await trx.deleteFrom('users').where('id', '=', userId).execute();
      for (const waveId of touched) {
        if (await trx.selectFrom('waves').select('id').where('id', '=', waveId).executeTakeFirst()) await recountWave(trx, waveId, null);
      }
      return {
        anonymized: { waves: Number(waves.n), blips: Number(blips.n), tableMessages: Number(messages.n) },
        spaceIds: memberships.map((m) => m.space_id),
      };
    });
  }
}

/**
 * The stored stream events replay to anyone subscribing from an old `seq`, so they must not name
 * a forgotten person: their own `user:<id>` stream goes, and in every other event that mentions
 * their id, a `{id, displayName}` of theirs becomes "Former member", a bare id becomes
 * `former-member`, and a spotlight of them loses its text. Ids are random, so the LIKE finds
 * exactly the events that carry this one (a scan of the event table: forgetting is rare).
 */
async function scrubStreams(trx: Db, userId: string): Promise<void> {
  const own = streamName.user(userId);
  await trx.deleteFrom('stream_events').where('stream', '=', own).execute();
  await trx.deleteFrom('stream_heads').where('stream', '=', own).execute();
  const rows = await trx
    .selectFrom('stream_events')
    .select(['stream', 'seq', 'type', 'payload'])
    .where('payload', 'like', `%${userId}%`)
    .execute();
  for (const row of rows) {
    const data = JSON.parse(row.payload) as unknown;
    if (row.type === 'person:spotlighted') {
      const spotlight = (data as { spotlight?: { person?: { id?: string }; text?: string } }).spotlight;
      if (spotlight?.person?.id === userId) spotlight.text = '';
    }
    const payload = JSON.stringify(scrub(data, userId));
    if (payload !== row.payload) {
      await trx.updateTable('stream_events').set({ payload }).where('stream', '=', row.stream).where('seq', '=', row.seq).execute();
    }
  }
}

function scrub(value: unknown, userId: string): unknown {
  if (value === userId) return FORMER_MEMBER.id;
  if (Array.isArray(value)) return value.map((v) => scrub(v, userId));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.id === userId && 'displayName' in record) return { ...record, ...FORMER_MEMBER };
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, scrub(v, userId)]));
  }
  return value;
}
