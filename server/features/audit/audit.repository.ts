import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../../shared/schemas/spaces.js';
import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

export interface AuditInput {
  spaceId: string | null;
  actorId: string | null;
  /** `entity.verb`, e.g. `space.settings.update`, `member.role.grant`. */
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  now: string;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Append-only: this module offers no update or delete, and nothing else writes the table. */
export async function appendAudit(db: Kysely<Database>, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      space_id: entry.spaceId,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: json(entry.before),
      after: json(entry.after),
      created_at: entry.now,
    })
    .execute();
}

export async function listAudit(
  db: Kysely<Database>,
  spaceId: string,
  filter: { actorId?: string; action?: string; targetType?: string; before?: string; beforeId?: string; limit: number },
): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('users.display_name as actor_name')
    .where('audit_log.space_id', '=', spaceId);
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.targetType) query = query.where('audit_log.target_type', '=', filter.targetType);
  const { before, beforeId } = filter;
  if (before && beforeId) {
    query = query.where((eb) =>
      eb.or([eb('audit_log.created_at', '<', before), eb.and([eb('audit_log.created_at', '=', before), eb('audit_log.id', '<', beforeId)])]),
    );
  } else if (before) query = query.where('audit_log.created_at', '<', before);
  const rows = await query.orderBy('audit_log.created_at', 'desc').orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    actor: r.actor_id && r.actor_name !== null ? { id: r.actor_id, displayName: r.actor_name } : null,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    createdAt: r.created_at,
  }));
}
