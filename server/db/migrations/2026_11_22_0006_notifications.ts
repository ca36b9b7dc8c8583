import type { Kysely } from 'kysely';

// Frozen: a shipped migration never changes; add a new one instead.
// Notifications: one row per person and triggering fact (replies, mentions, status changes,
// answered hands, staff at your table, moderation decisions, spotlights), kept until read and
// after; and each person's choice of what to receive.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // What caused it (`blip:<id>`, `status:<changeId>`, …): the same fact notifies a person once.
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('wave_id', 'text')
    .addColumn('blip_id', 'text')
    .addColumn('table_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text')
    .addColumn('reason', 'text')
    .addColumn('status', 'text')
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('notifications_once', ['user_id', 'source_key'])
    .execute();
  // The list, newest first (keyset on created_at, id), and the unread counts per space.
  await db.schema.createIndex('notifications_list').on('notifications').columns(['user_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('notifications_unread').on('notifications').columns(['user_id', 'read_at', 'space_id']).execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // JSON of the kinds turned on or off; kinds not named are on.
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notifications').execute();
}
