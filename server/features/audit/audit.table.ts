export interface AuditLogTable {
  id: string;
  space_id: string | null;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON, or null. */
  before: string | null;
  after: string | null;
  created_at: string;
}
