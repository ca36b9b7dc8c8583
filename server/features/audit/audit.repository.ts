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
  filter: { actorId?: string; action?: string; targetType?: string; before?: string; limit: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('space_id', '=', spaceId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.before) query = query.where('created_at', '<', filter.before);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    createdAt: r.created_at,
  }));
}
