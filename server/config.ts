import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every setting the server reads, with its environment name, default and reason.
 * Read once at start by `server/main.ts`, validated, frozen; nothing else reads env.
 */
const EnvSchema = z.object({
  /** HTTP, Socket.IO and document socket share this port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Bind address; 0.0.0.0 to serve other machines. */
  HOST: z.string().default('127.0.0.1'),
  /** The public origin people open; same-origin requests are always allowed. Default http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Embedded SQLite file; created with its folder on first start. */
  DATABASE_FILE: z.string().default('./data/commonplace.db'),
  /**
   * SQLite `synchronous`: FULL fsyncs every commit (an acknowledged write survives power loss);
   * NORMAL in WAL mode can lose the last commits on power loss but not on a process crash.
   * We default to FULL because a message is acknowledged only once stored.
   */
  DATABASE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Secret for CSRF tokens; random per start when unset (sessions survive, CSRF tokens are re-fetched from /me). */
  SESSION_SECRET: z.string().min(32).optional(),
  /** How long a session or bearer token lives. */
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Set the Secure flag on cookies; default on when PUBLIC_URL is https. */
  COOKIE_SECURE: bool.optional(),
  /** Failed logins per IP per 15 minutes before 429. */
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
  /** Failed logins per account per 15 minutes before 429. */
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** New accounts per IP per hour before 429. */
  SIGNUP_LIMIT_PER_IP: z.coerce.number().int().min(1).default(10),
  /** Seed the `demo` space on an empty database. */
  SEED_DEMO: bool.default(true),
  /** The demo admin's password; random (and printed) when unset. */
  DEMO_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** The demo space's SSO signing secret; random (and printed) when unset. */
  DEMO_SSO_SECRET: z.string().min(32).optional(),
  /** With the demo space: a sample brand page embedding the widget on this port (another origin); 0 turns it off. */
  DEMO_BRAND_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Compact a live document into a snapshot after this many stored updates. */
  DOC_COMPACT_EVERY: z.coerce.number().int().min(10).default(500),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built client lives (`npm run build`). */
  CLIENT_DIST: z.string().default('./dist/client'),
});

export interface Config {
  port: number;
  host: string;
  publicUrl: string | null;
  databaseFile: string;
  databaseSynchronous: 'FULL' | 'NORMAL';
  sessionSecret: string | null;
  sessionDays: number;
  cookieSecure: boolean | null;
  loginLimitPerIp: number;
  loginLimitPerAccount: number;
  signupLimitPerIp: number;
  seedDemo: boolean;
  demoAdminPassword: string | null;
  demoSsoSecret: string | null;
  demoBrandPort: number;
  docCompactEvery: number;
  logLevel: string;
  clientDist: string;
}

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? null,
    databaseFile: e.DATABASE_FILE,
    databaseSynchronous: e.DATABASE_SYNCHRONOUS,
    sessionSecret: e.SESSION_SECRET ?? null,
    sessionDays: e.SESSION_DAYS,
    cookieSecure: e.COOKIE_SECURE ?? null,
    loginLimitPerIp: e.LOGIN_LIMIT_PER_IP,
    loginLimitPerAccount: e.LOGIN_LIMIT_PER_ACCOUNT,
    signupLimitPerIp: e.SIGNUP_LIMIT_PER_IP,
    seedDemo: e.SEED_DEMO,
    demoAdminPassword: e.DEMO_ADMIN_PASSWORD ?? null,
    demoSsoSecret: e.DEMO_SSO_SECRET ?? null,
    demoBrandPort: e.DEMO_BRAND_PORT,
    docCompactEvery: e.DOC_COMPACT_EVERY,
    logLevel: e.LOG_LEVEL,
    clientDist: e.CLIENT_DIST,
  });
}
