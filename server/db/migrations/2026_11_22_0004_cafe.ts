import { sql, type Kysely } from 'kysely';

// Frozen: a shipped migration never changes; add a new one instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cafe_tables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('fan_seats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('host_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addCheckConstraint('cafe_tables_cap', sql`fan_seats >= 0 and fan_seats <= capacity`)
    .execute();
  await db.schema.createIndex('cafe_tables_floor').on('cafe_tables').columns(['space_id', 'closed_at', 'last_activity_at']).execute();

  await db.schema
    .createTable('table_seats')
    .addColumn('table_id', 'text', (c) => c.notNull().references('cafe_tables.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('seated_at', 'text', (c) => c.notNull())
    .addColumn('away_since', 'text')
    .addUniqueConstraint('table_seats_table_user', ['table_id', 'user_id'])
    .addUniqueConstraint('table_seats_one_per_space', ['space_id', 'user_id'])
    .execute();
  await db.schema.createIndex('table_seats_away').on('table_seats').column('away_since').execute();

  await db.schema
    .createTable('table_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('table_id', 'text', (c) => c.notNull().references('cafe_tables.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('visible'))
    .execute();
  await db.schema.createIndex('table_messages_table').on('table_messages').columns(['table_id', 'created_at']).execute();

  await db.schema
    .createTable('table_hands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('table_id', 'text', (c) => c.notNull().references('cafe_tables.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('question', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('lowered_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('table_hands_table').on('table_hands').columns(['table_id', 'lowered_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['table_hands', 'table_messages', 'table_seats', 'cafe_tables']) await db.schema.dropTable(table).execute();
}
