import type { Selectable } from 'kysely';
import type { PromiseStatus } from '../../../shared/people.js';

export type ProfileField = 'bio' | 'display-name';
/** `held` waits for staff; `applied` is the profile now (or was); `rejected` by staff; `superseded` by a newer change. */
export type ProfileChangeStatus = 'held' | 'applied' | 'rejected' | 'superseded';

/**
 * Per person, field and space: the latest display name or bio they submitted that needed a
 * moderation item in that space (held or flagged), or replaced one that did. Its id is the item's
 * content id. Text that passed everywhere with nothing to note is applied to `users` and leaves no row.
 */
export interface ProfileChangesTable {
  id: string;
  user_id: string;
  space_id: string;
  field: ProfileField;
  text: string;
  status: ProfileChangeStatus;
  created_at: string;
  decided_at: string | null;
}

/** What staff of a space remember about a person: shared by the space's staff, never shown to the person. */
export interface PersonNotesTable {
  id: string;
  space_id: string;
  /** Who it is about. */
  person_id: string;
  /** Who wrote it: the only one who may change its text. */
  author_id: string | null;
  text: string;
  /** Set when the note is a promise: open until someone marks it done. */
  promise_status: PromiseStatus | null;
  /** `YYYY-MM-DD`. */
  promise_due: string | null;
  promise_done_at: string | null;
  promise_done_by: string | null;
  created_at: string;
  /** When the text last changed. */
  edited_at: string | null;
}

/** Every version of a note (the first too), newest last. */
export interface PersonNoteRevisionsTable {
  id: string;
  note_id: string;
  /** 1 for the note as written, then one more per change. */
  version: number;
  text: string;
  promise_status: PromiseStatus | null;
  promise_due: string | null;
  changed_by: string | null;
  created_at: string;
}

export interface SpotlightsTable {
  id: string;
  space_id: string;
  /** Who is thanked. */
  user_id: string;
  text: string;
  wave_id: string | null;
  created_by: string | null;
  created_at: string;
}

export type PersonNoteRow = Selectable<PersonNotesTable>;
export type ProfileChangeRow = Selectable<ProfileChangesTable>;
