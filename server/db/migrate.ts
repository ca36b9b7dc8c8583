import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/2026_11_22_0001_core.js';
import * as m0002 from './migrations/2026_11_22_0002_waves.js';
import * as m0003 from './migrations/2026_11_22_0003_moderation.js';
import * as m0004 from './migrations/2026_11_22_0004_cafe.js';
import * as m0005 from './migrations/2026_11_22_0005_cafe_places.js';
import * as m0006 from './migrations/2026_11_22_0006_notifications.js';
import * as m0007 from './migrations/2026_11_22_0007_people.js';
import * as m0008 from './migrations/2026_11_22_0008_duplicate_keys.js';

/** Explicit list, so migrations work the same under tsx, after a build and in tests. */
const migrations: Record<string, Migration> = {
  '2026_11_22_0001_core': m0001,
  '2026_11_22_0002_waves': m0002,
  '2026_11_22_0003_moderation': m0003,
  '2026_11_22_0004_cafe': m0004,
  '2026_11_22_0005_cafe_places': m0005,
  '2026_11_22_0006_notifications': m0006,
  '2026_11_22_0007_people': m0007,
  '2026_11_22_0008_duplicate_keys': m0008,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function createMigrator(db: Kysely<any>): Migrator {
  // Kysely runs each migration in its own transaction on dialects that support transactional DDL.
  return new Migrator({ db, provider });
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (for /readyz). */
export async function migrationsApplied(db: Kysely<any>): Promise<boolean> {
  const list = await createMigrator(db).getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}
