import { Router } from 'express';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.js';
import { migrationsApplied } from '../db/migrate.js';

/** Liveness says the process answers; readiness says the database answers and is migrated. */
export function healthRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      if (!(await migrationsApplied(deps.db.kysely))) {
        res.status(503).json({ status: 'unavailable', reason: 'migrations pending' });
        return;
      }
      res.json({ status: 'ready' });
    } catch (err) {
      deps.log.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', reason: 'database not answering' });
    }
  });
  return router;
}
