import type { Kysely } from 'kysely';
import { ERROR_CODES } from '../../../shared/errors.js';
import type { InviteHostBody, InviteHostResult } from '../../../shared/schemas/insights.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { excerptOf, type NotificationFact } from '../notifications/facts.js';
import type { Notifier, RecordedNotification } from '../notifications/notifier.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import type { Viewer } from '../users/viewer.js';

export interface HostInviteDeps {
  db: Kysely<Database>;
  clock: Clock;
  notifier: Notifier;
}

/** The fan-app path of a space's cafe floor, where a host opens a table. */
export const cafeLink = (slug: string) => `/s/${encodeURIComponent(slug)}/cafe`;

/**
 * Staff invite someone to host cafe tables (guides for newcomers): a `host-invite` notification
 * linking to the space's cafe, stored with the audit entry in one transaction and pushed after the
 * commit. With an `Idempotency-Key`, a retry stores nothing twice (the notification's source key
 * is made from it); without one, every invitation is its own.
 */
export async function inviteToHost(
  d: HostInviteDeps,
  input: { space: SpaceRow; staff: Viewer; userId: string; body: InviteHostBody; idempotencyKey?: string },
): Promise<InviteHostResult> {
  const { space, staff, userId } = input;
  if (userId === staff.id) throw new AppError(ERROR_CODES.INVALID_INPUT, 'You cannot invite yourself', { field: 'userId' });
  const person = await d.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name'])
    .where('memberships.space_id', '=', space.id)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
  if (!person) throw notFound('Person');

  const link = cafeLink(space.slug);
  const sourceKey = `host-invite:${space.id}:${staff.id}:${input.idempotencyKey ?? newId()}`;
  const message = input.body.message?.trim() || null;
  const fact: NotificationFact = {
    kind: 'host-invite',
    spaceId: space.id,
    actor: { id: staff.id, displayName: staff.displayName },
    recipients: [person.id],
    sourceKey,
    target: null,
    link,
    title: space.name,
    excerpt: message ? excerptOf(message) : null,
  };
  const now = d.clock.now().toISOString();
  let recorded: RecordedNotification[] = [];
  let retried = false;
  await d.db.transaction().execute(async (trx) => {
    // A retry with the same key finds the first invitation: nothing new is stored or audited.
    if (input.idempotencyKey) {
      const earlier = await trx.selectFrom('notifications').select('id').where('user_id', '=', person.id).where('source_key', '=', sourceKey).executeTakeFirst();
      if (earlier) {
        retried = true;
        return;
      }
    }
    recorded = await d.notifier.record(trx, [fact]);
    await appendAudit(trx, {
      spaceId: space.id,
      actorId: staff.id,
      action: 'person.invite-host',
      targetType: 'user',
      targetId: person.id,
      after: { message, notified: recorded.length > 0 },
      now,
    });
  });
  await d.notifier.deliver(recorded);
  return { person: { id: person.id, displayName: person.display_name }, notified: retried || recorded.length > 0, link };
}
