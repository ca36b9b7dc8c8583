import type { DocContributorsTable, DocSnapshotsTable, DocUpdatesTable } from '../collab/docs.table.js';
import type { BlipMentionsTable, BlipReactionsTable, BlipRevisionsTable, BlipsTable } from '../features/blips/blips.table.js';
import type { SearchIndexTable, WaveStatusChangesTable, WaveSupportsTable, WaveTagsTable, WavesTable } from '../features/waves/waves.table.js';
import type { AuditLogTable } from '../features/audit/audit.table.js';
import type { ContentFlagsTable, MemberSanctionsTable, ModerationItemsTable } from '../features/moderation/moderation.table.js';
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
  doc_contributors: DocContributorsTable;
  waves: WavesTable;
  wave_tags: WaveTagsTable;
  wave_supports: WaveSupportsTable;
  wave_status_changes: WaveStatusChangesTable;
  blips: BlipsTable;
  blip_revisions: BlipRevisionsTable;
  blip_reactions: BlipReactionsTable;
  blip_mentions: BlipMentionsTable;
  search_index: SearchIndexTable;
  moderation_items: ModerationItemsTable;
  content_flags: ContentFlagsTable;
  member_sanctions: MemberSanctionsTable;
}
