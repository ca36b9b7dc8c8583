export interface StreamHeadsTable {
  stream: string;
  last_seq: number;
}

export interface StreamEventsTable {
  stream: string;
  seq: number;
  type: string;
  /** JSON of the event's data. */
  payload: string;
  actor_id: string | null;
  created_at: string;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  stream: string;
  seq: number;
  created_at: string;
}
