import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { appendAudit } from '../audit/audit.repository.js';
import { upsertMembership } from './spaces.repository.js';
import type { SpaceRow } from './spaces.table.js';

/** Who did it: a person, or the operator CLI (actor null). */
export interface Actor {
  actorId: string | null;
  now: string;
}

const by = (actor: Actor) => (actor.actorId === null ? { by: 'operator cli' } : {});

export const newSsoSecret = () => randomBytes(32).toString('base64url');

/** Gives a person a role (new or changed), audited in the same transaction. */
export async function setRole(db: Kysely<Database>, space: SpaceRow, userId: string, role: Role, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('memberships')
      .select('role')
      .where('space_id', '=', space.id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    await upsertMembership(trx, space.id, userId, role, actor.now);
    await appendAudit(trx, {
      spaceId: space.id,
      actorId: actor.actorId,
      action: 'member.role.set',
      targetType: 'user',
      targetId: userId,
      before: before ? { role: before.role } : null,
      after: { role, ...by(actor) },
      now: actor.now,
    });
    return trx
      .selectFrom('memberships')
      .select('joined_at')
      .where('space_id', '=', space.id)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
  });
}

/** A new SSO secret; tokens signed with the old one stop working at once. The secret is never audited. */
export async function rotateSsoSecret(db: Kysely<Database>, space: SpaceRow, actor: Actor): Promise<string> {
  const ssoSecret = newSsoSecret();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('spaces').set({ sso_secret: ssoSecret }).where('id', '=', space.id).execute();
    await appendAudit(trx, {
      spaceId: space.id,
      actorId: actor.actorId,
      action: 'space.sso_secret.rotate',
      targetType: 'space',
      targetId: space.id,
      after: by(actor),
      now: actor.now,
    });
  });
  return ssoSecret;
}
