import { sql, type Kysely } from 'kysely';

// Frozen: a shipped migration never changes; add a new one instead.
// Tables as places: who ever sat where (earlier tables, credit when a table becomes a wave),
// staff locks, and credits on a wave for people who shaped it elsewhere (at a table).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cafe_tables').addColumn('locked_at', 'text').execute();

  await db.schema
    .createTable('table_visits')
    .addColumn('table_id', 'text', (c) => c.notNull().references('cafe_tables.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_sat_at', 'text', (c) => c.notNull())
    .addColumn('last_sat_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('table_visits_pk', ['table_id', 'user_id'])
    .execute();
  await db.schema.createIndex('table_visits_person').on('table_visits').columns(['user_id', 'space_id', 'last_sat_at']).execute();
  await sql`insert into table_visits (table_id, user_id, space_id, staff, first_sat_at, last_sat_at)
    select table_id, user_id, space_id, staff, seated_at, seated_at from table_seats`.execute(db);
  await sql`insert into table_visits (table_id, user_id, space_id, staff, first_sat_at, last_sat_at)
    select m.table_id, m.author_id, t.space_id, 0, min(m.created_at), max(m.created_at)
    from table_messages m join cafe_tables t on t.id = m.table_id
    where m.author_id is not null group by m.table_id, m.author_id, t.space_id
    on conflict do nothing`.execute(db);

  await db.schema
    .createTable('wave_credits')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wave_credits_pk', ['wave_id', 'user_id', 'source', 'source_id'])
    .execute();
  await db.schema.createIndex('wave_credits_person').on('wave_credits').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wave_credits').execute();
  await db.schema.dropTable('table_visits').execute();
  await db.schema.alterTable('cafe_tables').dropColumn('locked_at').execute();
}
