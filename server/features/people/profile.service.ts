import type { Kysely } from 'kysely';
import { LIMITS } from '../../../shared/limits.js';
import { PEOPLE_LIMITS } from '../../../shared/people.js';
import type { MyProfile, PendingProfile, ProfilePatch } from '../../../shared/schemas/people.js';
import type { Database } from '../../db/database.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { ItemContext, ModeratedKind } from '../moderation/kinds.js';
import type { Moderation, Screened } from '../moderation/moderation.service.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { Viewer } from '../users/viewer.js';
import type { ProfileField } from './people.table.js';

type Db = Kysely<Database>;

const COLUMN = { bio: 'bio', 'display-name': 'display_name' } as const satisfies Record<ProfileField, 'bio' | 'display_name'>;
const MAX = { bio: PEOPLE_LIMITS.bioMax, 'display-name': LIMITS.displayNameMax } as const;

/** The texts of a person's profile changes still waiting for review. */
export async function pendingOf(db: Db, userId: string): Promise<PendingProfile> {
  const rows = await db
    .selectFrom('profile_changes')
    .select(['field', 'text', 'created_at'])
    .where('user_id', '=', userId)
    .where('status', '=', 'held')
    .orderBy('created_at', 'desc')
    .execute();
  return {
    displayName: rows.find((r) => r.field === 'display-name')?.text ?? null,
    bio: rows.find((r) => r.field === 'bio')?.text ?? null,
  };
}

/**
 * Editing your own profile. The display name and the bio are user text: each passes the
 * moderation pipeline of every space the person is a member of (the profile is one per person,
 * shown in all of them). Refused anywhere: nothing changes. Held anywhere: the text waits, the
 * public profile keeps the old one, and it is applied when staff of a space that held it approve.
 * Interests are tags (letters, digits, spaces; no links) and apply at once.
 */
export class ProfileService {
  constructor(private readonly d: { db: Db; clock: Clock; moderation: Moderation }) {}

  async mine(userId: string): Promise<MyProfile> {
    const user = await this.d.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('Person');
    return {
      displayName: user.display_name,
      bio: user.bio,
      interests: JSON.parse(user.interests) as string[],
      pending: await pendingOf(this.d.db, userId),
    };
  }

  async update(viewer: Viewer, patch: ProfilePatch): Promise<MyProfile> {
    const { db, clock, moderation } = this.d;
    const user = await db.selectFrom('users').selectAll().where('id', '=', viewer.id).executeTakeFirst();
    if (!user) throw notFound('Person');
    const spaces = await db
      .selectFrom('memberships')
      .innerJoin('spaces', 'spaces.id', 'memberships.space_id')
      .selectAll('spaces')
      .where('memberships.user_id', '=', viewer.id)
      .orderBy('memberships.joined_at')
      .execute();

    // Screen first, outside any transaction: a refusal anywhere throws before anything is written.
    const fields: { field: ProfileField; text: string; screened: { space: SpaceRow; screened: Screened }[] }[] = [];
    const wanted: [ProfileField, string | undefined][] = [
      ['display-name', patch.displayName],
      ['bio', patch.bio],
    ];
    for (const [field, text] of wanted) {
      if (text === undefined) continue;
      const current = field === 'bio' ? user.bio : user.display_name;
      // Back to what is public already, or an empty bio: nothing to review; any waiting change is withdrawn.
      if (text === current || text === '') {
        fields.push({ field, text, screened: [] });
        continue;
      }
      if (field === 'bio' && spaces.length === 0) {
        // Nowhere to review it yet, and it would show in the first space they join unread.
        throw new AppError(ERROR_CODES.FORBIDDEN, 'Take part in a space first: your bio is shown, and reviewed, in the spaces you belong to.');
      }
      const author = { id: user.id, displayName: field === 'display-name' ? text : user.display_name };
      const screened = [];
      for (const space of spaces) screened.push({ space, screened: await moderation.screen({ space, kind: field, text, author }) });
      fields.push({ field, text, screened });
    }

    const now = clock.now().toISOString();
    const announce: { spaceId: string; itemId: string }[] = [];
    await db.transaction().execute(async (trx) => {
      for (const { field, text, screened } of fields) {
        const held = screened.some((s) => s.screened.visibility === 'held');
        const existing = await trx.selectFrom('profile_changes').selectAll().where('user_id', '=', user.id).where('field', '=', field).execute();
        if (screened.length === 0) {
          // Withdrawn: waiting versions leave the queue with nothing to decide.
          const waiting = existing.filter((r) => r.status === 'held').map((r) => r.id);
          if (waiting.length) {
            await trx.updateTable('profile_changes').set({ status: 'superseded', decided_at: now }).where('id', 'in', waiting).execute();
            await trx.deleteFrom('moderation_items').where('content_kind', '=', field).where('content_id', 'in', waiting).execute();
          }
        }
        for (const { space, screened: verdict } of screened) {
          const before = existing.find((r) => r.space_id === space.id);
          // A new item only when there is something for staff to see; a queue row already there is replaced.
          if (verdict.status === 'allowed' && !before) continue;
          const id = before?.id ?? newId();
          const row = { text, status: held ? ('held' as const) : ('applied' as const), created_at: now, decided_at: null };
          if (before) await trx.updateTable('profile_changes').set(row).where('id', '=', id).execute();
          else await trx.insertInto('profile_changes').values({ id, user_id: user.id, space_id: space.id, field, ...row }).execute();
          const itemId = await moderation.record(trx, { spaceId: space.id, kind: field, contentId: id, authorId: user.id, text, screened: verdict });
          if (verdict.status !== 'allowed') announce.push({ spaceId: space.id, itemId });
        }
        // Versions in spaces this submission did not touch are out of date now.
        const touched = new Set(screened.map((s) => s.space.id));
        const stale = existing.filter((r) => r.status === 'held' && !touched.has(r.space_id)).map((r) => r.id);
        if (stale.length) {
          await trx.updateTable('profile_changes').set({ status: 'superseded', decided_at: now }).where('id', 'in', stale).execute();
          await trx.deleteFrom('moderation_items').where('content_kind', '=', field).where('content_id', 'in', stale).execute();
        }
        if (!held) await trx.updateTable('users').set({ [COLUMN[field]]: text }).where('id', '=', user.id).execute();
      }
      if (patch.interests !== undefined) {
        const unique = [...new Map(patch.interests.map((i) => [i.toLowerCase(), i])).values()];
        await trx.updateTable('users').set({ interests: JSON.stringify(unique) }).where('id', '=', user.id).execute();
      }
    });
    for (const { spaceId, itemId } of announce) await moderation.announce(spaceId, itemId);
    return this.mine(user.id);
  }
}

/**
 * How moderation shows, hides and corrects profile text (kinds `bio` and `display-name`). The
 * content id is a `profile_changes` row. Approving a held version applies it to the person's
 * profile (everywhere: the profile is one per person); rejecting it leaves the profile as it was.
 * Taking back a bio that is already public (a later rejection, or fans' flags holding it) empties
 * it; a display name that is public stays until the person changes it (staff can ban a spammer).
 */
export function profileModeration(field: ProfileField, d: { db: Db; clock: Clock }): ModeratedKind {
  const column = COLUMN[field];
  return {
    kind: field,
    async setVisibility(trx, contentId, visibility) {
      const row = await trx.selectFrom('profile_changes').selectAll().where('id', '=', contentId).executeTakeFirst();
      if (!row) return;
      const now = d.clock.now().toISOString();
      const user = await trx.selectFrom('users').select(['bio', 'display_name']).where('id', '=', row.user_id).executeTakeFirst();
      if (!user) return;
      const isPublic = row.status === 'applied' && user[column] === row.text;
      if (row.status === 'held' && visibility !== 'held') {
        // The first decision on a waiting version decides it for every space (the profile is one per
        // person): the same version waiting in the person's other spaces leaves their queues.
        const siblings = await trx
          .selectFrom('profile_changes')
          .select('id')
          .where('user_id', '=', row.user_id)
          .where('field', '=', field)
          .where('status', '=', 'held')
          .where('id', '!=', contentId)
          .execute();
        const ids = [contentId, ...siblings.map((r) => r.id)];
        const status = visibility === 'visible' ? 'applied' : 'rejected';
        await trx.updateTable('profile_changes').set({ status, decided_at: now }).where('id', 'in', ids).execute();
        if (siblings.length) {
          await trx
            .deleteFrom('moderation_items')
            .where('content_kind', '=', field)
            .where('content_id', 'in', siblings.map((r) => r.id))
            .where('status', 'in', ['held', 'flagged'])
            .execute();
        }
        if (visibility === 'visible') await trx.updateTable('users').set({ [column]: row.text }).where('id', '=', row.user_id).execute();
        return;
      }
      if (visibility === 'visible') return;
      if (isPublic && field === 'bio') {
        await trx.updateTable('users').set({ bio: '' }).where('id', '=', row.user_id).execute();
        await trx
          .updateTable('profile_changes')
          .set({ status: visibility === 'held' ? 'held' : 'rejected', decided_at: now })
          .where('id', '=', contentId)
          .execute();
      }
    },
    async replaceText(trx, contentId, text) {
      const row = await trx.selectFrom('profile_changes').selectAll().where('id', '=', contentId).executeTakeFirst();
      const fixed = (field === 'display-name' ? text.replace(/\s+/g, ' ') : text).trim().slice(0, MAX[field]);
      if (!row || !fixed) return;
      const user = await trx.selectFrom('users').select(['bio', 'display_name']).where('id', '=', row.user_id).executeTakeFirst();
      await trx.updateTable('profile_changes').set({ text: fixed }).where('id', '=', contentId).execute();
      if (row.status === 'applied' && user?.[column] === row.text) {
        await trx.updateTable('users').set({ [column]: fixed }).where('id', '=', row.user_id).execute();
      }
    },
    async describe(db, ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('profile_changes')
        .innerJoin('users', 'users.id', 'profile_changes.user_id')
        .innerJoin('spaces', 'spaces.id', 'profile_changes.space_id')
        .select(['profile_changes.id', 'profile_changes.user_id', 'users.display_name', 'spaces.slug'])
        .where('profile_changes.id', 'in', ids)
        .execute();
      const what = field === 'bio' ? 'Bio' : 'Display name';
      return new Map<string, ItemContext>(
        rows.map((r) => [
          r.id,
          { title: `${what} of ${r.display_name}`, waveId: null, href: `/s/${encodeURIComponent(r.slug)}/people/${encodeURIComponent(r.user_id)}` },
        ]),
      );
    },
  };
}
