import type { DocSnapshotsTable, DocUpdatesTable } from '../collab/docs.table.js';
import type { AuditLogTable } from '../features/audit/audit.table.js';
import type { MembershipsTable, SpacesTable } from '../features/spaces/spaces.table.js';
import type { IdempotencyKeysTable, StreamEventsTable, StreamHeadsTable } from '../features/streams/streams.table.js';
import type { SessionsTable, SsoIdentitiesTable, UsersTable } from '../features/users/users.table.js';

export interface Database {
  spaces: SpacesTable;
  memberships: MembershipsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sso_identities: SsoIdentitiesTable;
  audit_log: AuditLogTable;
  stream_heads: StreamHeadsTable;
  stream_events: StreamEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
}
