import { existsSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { createDb } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './lib/clock.js';
import { createLogger } from './lib/logger.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { startBrandSite, type BrandSite } from './demo-brand/brand-site.js';
import type { AppDeps } from './deps.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readConfig(process.env);
  const log = createLogger(config.logLevel);
  const db = createDb({ file: config.databaseFile, synchronous: config.databaseSynchronous });
  const applied = await migrateToLatest(db.kysely);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const deps = { config, db, clock: systemClock, log };
  const demo = config.seedDemo ? await seedDemoIfEmpty(deps) : null;

  const app = await createApp(deps);
  const port = await app.listen(config.port, config.host);
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const lines = [`Commonplace is running at ${url}`, `  staff console: ${url}/console`];
  if (demo) {
    lines.push(
      `  demo space "${demo.slug}" seeded: ${url}/s/${demo.slug}`,
      `  demo admin: ${demo.adminEmail} / ${demo.adminPassword}`,
      `  demo SSO secret: ${demo.ssoSecret}`,
    );
  }
  const brand = config.seedDemo ? await startDemoBrand(deps, url) : null;
  if (brand) lines.push(`  sample brand page with the widget (another origin): ${brand.url}`);
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    try {
      await brand?.close();
      await app.close();
      await db.close();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** The demo space's sample brand page, when that space exists and the port is free. */
async function startDemoBrand(deps: AppDeps, commonplaceUrl: string): Promise<BrandSite | null> {
  const { config, db, log } = deps;
  if (config.demoBrandPort === 0) return null;
  const ssoSecret = async () =>
    (await db.kysely.selectFrom('spaces').select('sso_secret').where('slug', '=', 'demo').executeTakeFirst())?.sso_secret ?? null;
  if (!(await ssoSecret())) return null;
  try {
    return await startBrandSite({ port: config.demoBrandPort, host: config.host, commonplaceUrl, space: 'demo', ssoSecret });
  } catch (err) {
    log.warn({ err, port: config.demoBrandPort }, 'the sample brand page could not start (set DEMO_BRAND_PORT to a free port, or 0)');
    return null;
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
