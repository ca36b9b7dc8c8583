import type { Selectable } from 'kysely';

export type Visibility = 'visible' | 'held' | 'rejected';

import type { ItemStatus } from '../../../shared/schemas/moderation.js';

/**
 * One row per piece of user text that went through the pipeline: what was decided, why,
 * and by whom. `held` waits for staff; `flagged` is visible but wants a look; `allowed`
 * passed on its own; `approved`/`rejected` were decided by staff.
 */
export interface ModerationItemsTable {
  id: string;
  space_id: string;
  content_kind: string;
  content_id: string;
  author_id: string | null;
  status: ItemStatus;
  /** The text as submitted (the queue reads it). */
  body: string;
  /** `duplicateKey(body)`: double posts are found by it (null on items stored before it existed). */
  dup_key: string | null;
  /** JSON Reason[] from the pipeline. */
  reasons: string;
  /** JSON Reason[]: watched words and fans' flags. */
  flags: string;
  created_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface ContentFlagsTable {
  item_id: string;
  user_id: string;
  reason: string;
  created_at: string;
}

export interface MemberSanctionsTable {
  id: string;
  space_id: string;
  user_id: string;
  kind: 'ban' | 'suspension';
  reason: string;
  /** End of a suspension; null for a ban. */
  until: string | null;
  created_by: string | null;
  created_at: string;
  lifted_at: string | null;
}

export type ModerationItemRow = Selectable<ModerationItemsTable>;
