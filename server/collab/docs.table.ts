import type { Generated } from 'kysely';

export interface DocUpdatesTable {
  id: Generated<number>;
  doc_name: string;
  data: Uint8Array;
  /** Who made the edit: contributor credit and playback read this. */
  user_id: string | null;
  created_at: string;
}

export interface DocSnapshotsTable {
  doc_name: string;
  /** Y.encodeStateAsUpdate of every update up to and including `upto_id`. */
  state: Uint8Array;
  upto_id: number;
  updated_at: string;
}

/** Who shaped a document and how much: kept up to date as updates are stored. */
export interface DocContributorsTable {
  doc_name: string;
  user_id: string;
  /** Characters inserted. */
  chars: number;
  /** Stored updates. */
  edits: number;
  first_at: string;
  last_at: string;
}
