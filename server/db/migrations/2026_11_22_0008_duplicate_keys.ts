import type { Kysely } from 'kysely';

// Frozen: a shipped migration never changes; add a new one instead.
// A double post is found by an index lookup on the key of its normalized text instead of by
// reading and normalizing every recent post of the author on each submission. Items stored before
// this have no key: they stop counting as double-post candidates (a window of ten minutes).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('moderation_items').addColumn('dup_key', 'text').execute();
  await db.schema
    .createIndex('moderation_items_dup_key')
    .on('moderation_items')
    .columns(['space_id', 'author_id', 'dup_key', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('moderation_items_dup_key').execute();
  await db.schema.alterTable('moderation_items').dropColumn('dup_key').execute();
}
