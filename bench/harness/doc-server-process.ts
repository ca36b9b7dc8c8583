/**
 * A document server in a process of its own, for benchmarks that pin it to a core and ask it
 * about its heap: either our whole app (`ours`: createApp with REST, Socket.IO and the document
 * socket at /yjs, the way bench/servers/ours.ts starts it) or the bare relay with persistence
 * (`relay`: bench/harness/persisted-relay.ts), on an SQLite file the benchmark prepared.
 *
 *   node --expose-gc --import tsx bench/harness/doc-server-process.ts ours|relay <database file> [FULL|NORMAL]
 *
 * Prints one JSON line, `{"port": N}`, once listening. Over the IPC channel (spawn with 'ipc')
 * it answers `{ id, cmd: 'heap' }` with heapUsed after a full GC and `{ id, cmd: 'stats' }`
 * with the documents and document connections it holds. SIGTERM closes it. With
 * BENCH_CPU_PROFILE set it is CPU-profiled and SIGUSR2 writes the profile.
 */
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { systemClock } from '../../server/lib/clock.js';
import { createLogger } from '../../server/lib/logger.js';
import { profileUntilSignalled } from '../servers/cpu-profile.js';
import { settledHeap } from './heap.js';
import { startPersistedRelay } from './persisted-relay.js';

export interface DocServerStats {
  docs: number;
  connections: number;
}

const [kind, file, synchronous] = process.argv.slice(2);
if ((kind !== 'ours' && kind !== 'relay') || !file || (synchronous !== undefined && synchronous !== 'FULL' && synchronous !== 'NORMAL')) {
  console.error('usage: bench/harness/doc-server-process.ts ours|relay <database file> [FULL|NORMAL]');
  process.exit(2);
}

let stats: () => DocServerStats;
let close: () => Promise<void>;
let port: number;
if (kind === 'ours') {
  const config = readConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATABASE_FILE: file, ...(synchronous ? { DATABASE_SYNCHRONOUS: synchronous } : {}) });
  const db = createDb({ file: config.databaseFile, synchronous: config.databaseSynchronous });
  await migrateToLatest(db.kysely);
  const app = await createApp({ config, db, clock: systemClock, log: createLogger(config.logLevel) });
  port = await app.listen(0, '127.0.0.1');
  stats = () => app.collab.stats();
  close = async () => {
    await app.close();
    await db.close();
  };
} else {
  const relay = await startPersistedRelay({ file, synchronous: synchronous as 'FULL' | 'NORMAL' | undefined });
  port = relay.port;
  stats = () => ({ docs: relay.docs(), connections: relay.connections() });
  close = () => relay.close();
}
await profileUntilSignalled();

process.on('message', (message: { id: number; cmd: string }) => {
  const reply = (result: unknown) => process.send?.({ id: message.id, result });
  if (message.cmd === 'heap') reply({ heapUsed: settledHeap() });
  else if (message.cmd === 'stats') reply(stats());
  else reply({ error: `unknown command ${message.cmd}` });
});
process.stdout.write(`${JSON.stringify({ port, kind })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const deadline = setTimeout(() => process.exit(1), 5000);
  deadline.unref();
  await close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// The benchmark going away takes this process with it.
process.on('disconnect', () => void stop());
