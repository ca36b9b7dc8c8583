/**
 * Our whole server in a process of its own, for benchmarks that pin it to a core and read its
 * CPU time: the app from `createApp` (REST, Socket.IO, the document socket) on 127.0.0.1 with
 * an ephemeral port, on an SQLite file the benchmark has already migrated and seeded, the way
 * server/main.ts starts it (and test/helpers/server.ts), with logging off and no demo seed.
 *
 *   node --import tsx bench/servers/ours.ts <database file> [FULL|NORMAL]
 *
 * The second argument is SQLite's `synchronous` (default: the server's own default, FULL).
 * Prints one JSON line, `{"port": N}`, once listening; SIGTERM closes it cleanly. With
 * BENCH_CPU_PROFILE set, the process is CPU-profiled and SIGUSR2 writes the profile (cpu-profile.ts).
 */
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { systemClock } from '../../server/lib/clock.js';
import { createLogger } from '../../server/lib/logger.js';
import { profileUntilSignalled } from './cpu-profile.js';

const [file, synchronous] = process.argv.slice(2);
if (!file) {
  console.error('usage: bench/servers/ours.ts <database file> [FULL|NORMAL]');
  process.exit(2);
}
const config = readConfig({
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  DATABASE_FILE: file,
  ...(synchronous ? { DATABASE_SYNCHRONOUS: synchronous } : {}),
});
const db = createDb({ file: config.databaseFile, synchronous: config.databaseSynchronous });
await migrateToLatest(db.kysely);
const app = await createApp({ config, db, clock: systemClock, log: createLogger(config.logLevel) });
await profileUntilSignalled();
const port = await app.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ port, synchronous: config.databaseSynchronous })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const deadline = setTimeout(() => process.exit(1), 5000);
  deadline.unref();
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
