import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import type { Clock } from './lib/clock.js';
import type { Logger } from './lib/logger.js';

/** What every feature receives; only server/main.ts (and tests) build it. */
export interface AppDeps {
  config: Readonly<Config>;
  db: Db;
  clock: Clock;
  log: Logger;
}
