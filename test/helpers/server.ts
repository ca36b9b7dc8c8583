import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../server/app.js';
import { readConfig, type Config } from '../../server/config.js';
import { createDb, type Db } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import type { AppDeps } from '../../server/deps.js';
import { systemClock, type Clock } from '../../server/lib/clock.js';
import { createLogger } from '../../server/lib/logger.js';

export interface TestServer {
  url: string;
  port: number;
  app: App;
  db: Db;
  deps: AppDeps;
  dir: string;
  /** Stops the server and closes the database; the temp folder stays until `dispose`. */
  stop(): Promise<void>;
  /** Stops, then deletes the temp folder. */
  dispose(): Promise<void>;
}

/**
 * A real server on 127.0.0.1 with an ephemeral port and a real SQLite file in a temp
 * folder. Pass `dir` to start again on the same database (a "restart").
 */
export async function startTestServer(
  options: { env?: Record<string, string>; dir?: string; clock?: Clock; port?: number } = {},
): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'commonplace-test-'));
  const config: Config = {
    ...readConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', SIGNUP_LIMIT_PER_IP: '100000', ...options.env }),
    databaseFile: join(dir, 'test.db'),
  };
  const db = createDb({ file: config.databaseFile, synchronous: 'NORMAL' });
  await migrateToLatest(db.kysely);
  const deps: AppDeps = { config, db, clock: options.clock ?? systemClock, log: createLogger(config.logLevel) };
  const app = await createApp(deps);
  const port = await app.listen(options.port ?? 0, '127.0.0.1');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    await db.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    db,
    deps,
    dir,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
