import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { allWidgetOrigins } from '../features/spaces/spaces.repository.js';

/**
 * Which browser origins may talk to this server: its own (by Host header and PUBLIC_URL)
 * plus every space's widget origins. Requests without an Origin (curl, servers) pass;
 * per-space checks happen where a space is known.
 */
export class OriginPolicy {
  private widgetOrigins = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly publicOrigin: string | null,
  ) {}

  /** Re-reads every space's widget origins; call after settings change. */
  async refresh(): Promise<void> {
    this.widgetOrigins = await allWidgetOrigins(this.db);
  }

  isSameOrigin(origin: string, host: string | undefined): boolean {
    if (this.publicOrigin && origin === this.publicOrigin) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  isAllowed(origin: string | undefined, host: string | undefined): boolean {
    if (!origin) return true;
    return this.isSameOrigin(origin, host) || this.widgetOrigins.has(origin);
  }

  isWidgetOrigin(origin: string): boolean {
    return this.widgetOrigins.has(origin);
  }
}
