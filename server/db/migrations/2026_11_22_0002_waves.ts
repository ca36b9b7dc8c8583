import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../column-types.js';

// Frozen: a shipped migration never changes; add a new one instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text', (c) => c.references('waves.id').onDelete('set null'))
    .addColumn('pinned_blip_id', 'text')
    .addColumn('supporters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contributors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hot', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['hot', 'created_at', 'supporters']) {
    await db.schema.createIndex(`waves_space_${column}`).on('waves').columns(['space_id', column, 'id']).execute();
  }

  await db.schema
    .createTable('wave_tags')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wave_tags_pk', ['wave_id', 'tag'])
    .execute();
  await db.schema.createIndex('wave_tags_tag').on('wave_tags').columns(['tag', 'wave_id']).execute();

  await db.schema
    .createTable('wave_supports')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wave_supports_pk', ['wave_id', 'user_id'])
    .execute();
  await db.schema.createIndex('wave_supports_user').on('wave_supports').columns(['user_id', 'wave_id']).execute();

  await db.schema
    .createTable('wave_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wave_status_changes_wave').on('wave_status_changes').columns(['wave_id', 'created_at']).execute();

  await db.schema
    .createTable('blips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('blips.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('anchor_offset', 'integer')
    .addColumn('anchor_quote', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('blips_wave').on('blips').columns(['wave_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('blips_author').on('blips').columns(['author_id', 'created_at']).execute();

  await db.schema
    .createTable('blip_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('blip_id', 'text', (c) => c.notNull().references('blips.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('blip_revisions_blip').on('blip_revisions').columns(['blip_id', 'written_at']).execute();

  await db.schema
    .createTable('blip_reactions')
    .addColumn('blip_id', 'text', (c) => c.notNull().references('blips.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blip_reactions_pk', ['blip_id', 'user_id', 'reaction'])
    .execute();

  await db.schema
    .createTable('blip_mentions')
    .addColumn('blip_id', 'text', (c) => c.notNull().references('blips.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('blip_mentions_pk', ['blip_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('doc_contributors')
    .addColumn('doc_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('chars', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_contributors_pk', ['doc_name', 'user_id'])
    .execute();

  await db.schema.alterTable('users').addColumn('share_drafts', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  // Full-text search lives behind the dialect seam: FTS5 on SQLite, a tsvector table on PostgreSQL.
  if (isSqlite(db)) {
    await sql`create virtual table search_index using fts5(
      body, wave_id unindexed, space_id unindexed, kind unindexed, ref_id unindexed,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  } else {
    await sql`create table search_index (
      kind text not null, ref_id text not null, wave_id text not null, space_id text not null, body text not null,
      document tsvector generated always as (to_tsvector('simple', body)) stored,
      primary key (kind, ref_id)
    )`.execute(db);
    await sql`create index search_index_document on search_index using gin (document)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table search_index`.execute(db);
  await db.schema.alterTable('users').dropColumn('share_drafts').execute();
  for (const table of [
    'doc_contributors',
    'blip_mentions',
    'blip_reactions',
    'blip_revisions',
    'blips',
    'wave_status_changes',
    'wave_supports',
    'wave_tags',
    'waves',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
