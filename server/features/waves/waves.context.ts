import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Moderation } from '../moderation/moderation.service.js';
import type { Notifier } from '../notifications/notifier.js';
import type { StreamLog } from '../streams/stream-log.js';

/** What the wave services need; the seed builds one without a running document server. */
export interface WavesContext {
  db: Kysely<Database>;
  clock: Clock;
  streams: StreamLog;
  /** Screens a new wave's title and first draft before it is stored. */
  moderation: Moderation;
  /** Status changes notify the wave's supporters and the people who helped write it. */
  notifier: Notifier;
  /** Re-checks the live editors of a document (after a lock); a no-op where no document server runs. */
  refreshDocAccess(docName: string): Promise<void>;
}
