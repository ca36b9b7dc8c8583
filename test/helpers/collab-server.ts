import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocAccessRegistry } from '../../server/collab/access.js';
import { CollabServer, type CollabServerOptions } from '../../server/collab/yjs-server.js';
import { readConfig } from '../../server/config.js';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import type { AppDeps } from '../../server/deps.js';
import { systemClock } from '../../server/lib/clock.js';
import { createLogger } from '../../server/lib/logger.js';

export interface CollabTestServer {
  /** `http://127.0.0.1:PORT`; y-websocket clients connect to `${url}/yjs`. */
  url: string;
  deps: AppDeps;
  collab: CollabServer;
  /** The temp folder holding the database; pass it again to restart on the same data. */
  dir: string;
  /** Stops the document server, the HTTP server and the database; the folder stays. */
  close(): Promise<void>;
}

/** A bare HTTP server with only the document socket on it, over a real SQLite file. */
export async function startCollabServer(
  options: { dir?: string } & Partial<Pick<CollabServerOptions, 'compactEvery' | 'originAllowed' | 'pingIntervalMs'>> = {},
): Promise<CollabTestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'commonplace-collab-'));
  const config = { ...readConfig({ LOG_LEVEL: 'silent' }), databaseFile: join(dir, 'collab.db') };
  const db = createDb({ file: config.databaseFile, synchronous: 'NORMAL' });
  await migrateToLatest(db.kysely);
  const deps: AppDeps = { config, db, clock: systemClock, log: createLogger('silent') };
  const collab = new CollabServer({
    deps,
    access: new DocAccessRegistry(),
    originAllowed: options.originAllowed ?? (() => true),
    compactEvery: options.compactEvery,
    pingIntervalMs: options.pingIntervalMs,
  });
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    collab,
    dir,
    close() {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        await collab.close();
        http.closeAllConnections();
        await stopped;
        await db.close();
      })();
      return closed;
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
