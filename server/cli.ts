import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ROLES } from '../shared/roles.js';
import { EmailSchema } from '../shared/schemas/auth.js';
import { SlugSchema } from '../shared/schemas/common.js';
import { readConfig } from './config.js';
import { createDb, type Db } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { findSpaceBySlug, insertSpace } from './features/spaces/spaces.repository.js';
import { newSsoSecret, rotateSsoSecret, setRole } from './features/spaces/spaces.service.js';
import { hashPassword } from './features/users/passwords.js';
import { findUserByEmail, insertUser } from './features/users/users.repository.js';
import { systemClock } from './lib/clock.js';

const USAGE = `Commonplace operator CLI: npm run cli -- <command>

  migrate                                  apply pending migrations
  space:create <slug> <name…>              create a space; prints its SSO secret
  user:create <email> <display name…>      create an account; prints a random password
  role:grant <slug> <email> <fan|staff|admin>
                                           give an existing account a role in a space
  sso:rotate <slug>                        new SSO secret for a space; prints it
  backup <file>                            online backup of the database to <file>

The database is DATABASE_FILE (default ./data/commonplace.db).`;

class UsageError extends Error {}

function arg<T>(schema: z.ZodType<T>, value: string | undefined, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

async function space(db: Db, slug: string) {
  const found = await findSpaceBySlug(db.kysely, slug);
  if (!found) throw new UsageError(`no space "${slug}"`);
  return found;
}

const commands: Record<string, (db: Db, args: string[]) => Promise<string>> = {
  async migrate() {
    return 'migrations are up to date';
  },
  async 'space:create'(db, [slugArg, ...nameParts]) {
    const slug = arg(SlugSchema, slugArg, 'slug');
    const name = arg(z.string().trim().min(1).max(80), nameParts.join(' '), 'name');
    if (await findSpaceBySlug(db.kysely, slug)) throw new UsageError(`a space "${slug}" already exists`);
    const ssoSecret = newSsoSecret();
    await insertSpace(db.kysely, { slug, name, ssoSecret, now: systemClock.now().toISOString() });
    return `space "${slug}" created\nSSO secret: ${ssoSecret}`;
  },
  async 'user:create'(db, [emailArg, ...nameParts]) {
    const email = arg(EmailSchema, emailArg, 'email');
    const displayName = arg(z.string().trim().min(1).max(60), nameParts.join(' '), 'display name');
    if (await findUserByEmail(db.kysely, email)) throw new UsageError(`an account for ${email} already exists`);
    const password = randomBytes(12).toString('base64url');
    await insertUser(db.kysely, {
      email,
      displayName,
      passwordHash: await hashPassword(password),
      now: systemClock.now().toISOString(),
    });
    return `account ${email} created\npassword: ${password}`;
  },
  async 'role:grant'(db, [slug, emailArg, roleArg]) {
    const found = await space(db, arg(SlugSchema, slug, 'slug'));
    const email = arg(EmailSchema, emailArg, 'email');
    const role = arg(z.enum(ROLES), roleArg, 'role');
    const user = await findUserByEmail(db.kysely, email);
    if (!user) throw new UsageError(`no account for ${email}; create it with user:create`);
    await setRole(db.kysely, found, user.id, role, { actorId: null, now: systemClock.now().toISOString() });
    return `${email} is now ${role} in "${found.slug}"`;
  },
  async 'sso:rotate'(db, [slug]) {
    const found = await space(db, arg(SlugSchema, slug, 'slug'));
    const ssoSecret = await rotateSsoSecret(db.kysely, found, { actorId: null, now: systemClock.now().toISOString() });
    return `new SSO secret for "${found.slug}": ${ssoSecret}`;
  },
  async backup(db, [file]) {
    const target = arg(z.string().min(1), file, 'file');
    if (!db.sqlite) throw new UsageError('backup is for the embedded SQLite database; use pg_dump for PostgreSQL');
    // better-sqlite3's online backup copies pages while the server keeps writing.
    const result = await db.sqlite.backup(target);
    return `backed up ${result.totalPages} pages to ${target}`;
  },
};

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.log(USAGE);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readConfig(process.env);
  const db = createDb({ file: config.databaseFile, synchronous: config.databaseSynchronous });
  try {
    await migrateToLatest(db.kysely);
    console.log(await command(db, args));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
