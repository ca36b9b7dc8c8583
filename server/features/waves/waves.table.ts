import type { Generated, Selectable } from 'kysely';
import type { Visibility } from '../moderation/moderation.table.js';
import type { WaveStatus } from '../../../shared/schemas/waves.js';

export interface WavesTable {
  id: string;
  space_id: string;
  title: string;
  status: WaveStatus;
  author_id: string | null;
  /** 0/1: staff locked the idea document (read-only for fans). */
  locked: number;
  merged_into: string | null;
  pinned_blip_id: string | null;
  /** Counters kept exact inside the transactions that change them. */
  supporters: number;
  replies: number;
  contributors: number;
  /** Time-independent hot rank: log10(activity) + created_epoch_seconds / 45000. */
  hot: number;
  created_at: string;
  last_activity_at: string;
  /** Moderation: `held` is seen only by its author and staff; `rejected` by its author only. */
  visibility: Generated<Visibility>;
}

export interface WaveTagsTable {
  wave_id: string;
  tag: string;
}

export interface WaveSupportsTable {
  wave_id: string;
  user_id: string;
  created_at: string;
}

export interface WaveStatusChangesTable {
  id: string;
  wave_id: string;
  from_status: WaveStatus | null;
  to_status: WaveStatus;
  reason: string;
  actor_id: string | null;
  created_at: string;
}

/** FTS5 on SQLite (see the 0002 migration); only server/db/search.ts queries it. */
export interface SearchIndexTable {
  body: string;
  wave_id: string;
  space_id: string;
  kind: 'title' | 'document' | 'blip';
  ref_id: string;
}

export type WaveRow = Selectable<WavesTable>;

/** People credited on a wave for shaping it somewhere else (`source` 'table': they sat at that table). */
export interface WaveCreditsTable {
  wave_id: string;
  user_id: string;
  source: 'table';
  source_id: string;
  created_at: string;
}
