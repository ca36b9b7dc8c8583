import type { Kysely } from 'kysely';

// Frozen: a shipped migration never changes; add a new one instead.
// People: profile changes waiting for review, staff notes on people (with every version kept and
// promises), and spotlights. Everything about a person goes with them when they are forgotten
// (ON DELETE CASCADE on the person); what staff wrote stays with `author_id`/`created_by` set null
// when a staff account goes. See docs/people.md.
export async function up(db: Kysely<any>): Promise<void> {
  // Per person, field (`bio`, `display-name`) and space: the latest submitted text that needed a
  // moderation item there (held or flagged); its id is the item's content id, so a new submission
  // replaces the item like a blip edit does. `held` waits; approved text is applied to `users`.
  await db.schema
    .createTable('profile_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('profile_changes_person').on('profile_changes').columns(['user_id', 'field', 'space_id']).unique().execute();

  await db.schema
    .createTable('person_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    // The person the note is about: forgetting them deletes it.
    .addColumn('person_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('promise_status', 'text')
    .addColumn('promise_due', 'text')
    .addColumn('promise_done_at', 'text')
    .addColumn('promise_done_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('person_notes_person').on('person_notes').columns(['space_id', 'person_id', 'created_at']).execute();
  await db.schema.createIndex('person_notes_promises').on('person_notes').columns(['space_id', 'promise_status', 'promise_due']).execute();

  // Every version of a note, the first included: its text and promise from `created_at` on, and who made it so.
  await db.schema
    .createTable('person_note_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('note_id', 'text', (c) => c.notNull().references('person_notes.id').onDelete('cascade'))
    // 1 for the note as written, then one more per change.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('promise_status', 'text')
    .addColumn('promise_due', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_note_revisions_note').on('person_note_revisions').columns(['note_id', 'version']).unique().execute();

  await db.schema
    .createTable('spotlights')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('wave_id', 'text', (c) => c.references('waves.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('spotlights_person').on('spotlights').columns(['space_id', 'user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['spotlights', 'person_note_revisions', 'person_notes', 'profile_changes']) {
    await db.schema.dropTable(table).execute();
  }
}
