import type { Generated } from 'kysely';
import type { Visibility } from '../moderation/moderation.table.js';

/** A cafe table. `fan_seats` is the number of fan seats taken, kept in step with `table_seats` in one transaction. */
export interface CafeTablesTable {
  id: string;
  space_id: string;
  topic: string;
  /** JSON array of lowercase tags. */
  tags: string;
  capacity: number;
  fan_seats: number;
  host_id: string | null;
  created_at: string;
  last_activity_at: string;
  /** Set when the last person left; a closed table keeps its history and may be reopened. */
  closed_at: string | null;
  /** Staff locked it: no new fan seats, fans read but do not write. */
  locked_at: string | null;
}

/** Everyone who ever sat at a table: "earlier tables", and credit when the table becomes a wave. */
export interface TableVisitsTable {
  table_id: string;
  user_id: string;
  space_id: string;
  staff: number;
  first_sat_at: string;
  last_sat_at: string;
}

/** Who sits where: one seat per person per space. Staff seats (`staff` = 1) never count against the cap. */
export interface TableSeatsTable {
  table_id: string;
  space_id: string;
  user_id: string;
  staff: number;
  seated_at: string;
  /** Set when the person's last connection dropped; the seat is kept for the grace period. */
  away_since: string | null;
}

export interface TableMessagesTable {
  id: string;
  table_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
  visibility: Generated<Visibility>;
}

export interface TableHandsTable {
  id: string;
  table_id: string;
  user_id: string;
  question: string | null;
  raised_at: string;
  lowered_at: string | null;
  answered_at: string | null;
  answered_by: string | null;
}
