import type { Kysely } from 'kysely';

// Frozen: a shipped migration never changes; add a new one instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moderation_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('content_kind', 'text', (c) => c.notNull())
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addUniqueConstraint('moderation_items_content', ['content_kind', 'content_id'])
    .execute();
  await db.schema.createIndex('moderation_items_queue').on('moderation_items').columns(['space_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('moderation_items_author').on('moderation_items').columns(['space_id', 'author_id', 'created_at']).execute();

  await db.schema
    .createTable('content_flags')
    .addColumn('item_id', 'text', (c) => c.notNull().references('moderation_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_flags_pk', ['item_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('member_sanctions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .execute();
  await db.schema.createIndex('member_sanctions_member').on('member_sanctions').columns(['space_id', 'user_id']).execute();

  for (const table of ['waves', 'blips']) {
    await db.schema
      .alterTable(table)
      .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('visible'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['waves', 'blips']) await db.schema.alterTable(table).dropColumn('visibility').execute();
  for (const table of ['member_sanctions', 'content_flags', 'moderation_items']) await db.schema.dropTable(table).execute();
}
