import type { Generated, Selectable } from 'kysely';
import type { Visibility } from '../moderation/moderation.table.js';
import type { Reaction } from '../../../shared/schemas/waves.js';

export interface BlipsTable {
  id: string;
  wave_id: string;
  parent_id: string | null;
  author_id: string | null;
  body: string;
  anchor_offset: number | null;
  anchor_quote: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  /** Moderation: `held` is seen only by its author and staff; `rejected` by its author only. */
  visibility: Generated<Visibility>;
}

/** Every earlier text of an edited blip: written at `written_at`, replaced at `replaced_at`. */
export interface BlipRevisionsTable {
  id: string;
  blip_id: string;
  body: string;
  written_at: string;
  replaced_at: string;
}

export interface BlipReactionsTable {
  blip_id: string;
  user_id: string;
  reaction: Reaction;
  created_at: string;
}

export interface BlipMentionsTable {
  blip_id: string;
  user_id: string;
}

export type BlipRow = Selectable<BlipsTable>;
