import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorBody } from '../../shared/errors.js';
import type { Result } from '../../shared/protocol/result.js';
import type { ApiClient } from '../services/api.js';
import { InsightsApi } from './api/insights-api.js';

/** What a console page that shows an insights report has: the API, the space and the window from the address. */
export interface InsightsHost extends ReactiveControllerHost {
  api: ApiClient | null;
  slug: string;
  days: number;
}

/**
 * One insights report (catalysts, analytics) for the console page that hosts it: loaded again when
 * the API, the space or the window changes, and on `load()` (Refresh); an answer that arrives after
 * a newer request was made is dropped, so switching windows quickly never shows an older one.
 */
export class InsightsReport<T> implements ReactiveController {
  data: T | null = null;
  loading = false;
  error: ErrorBody | null = null;
  /** The space's insights API (for the page's actions too); null until there is an API and a space. */
  insights: InsightsApi | null = null;
  #generation = 0;
  #loadedFor: { api: ApiClient | null; slug: string; days: number } | null = null;

  constructor(
    private readonly host: InsightsHost,
    private readonly fetch: (insights: InsightsApi, days: number) => Promise<Result<T>>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { api, slug, days } = this.host;
    const before = this.#loadedFor;
    if (before && before.api === api && before.slug === slug && before.days === days) return;
    if (!before || before.api !== api || before.slug !== slug) this.insights = api && slug ? new InsightsApi(api, slug) : null;
    this.#loadedFor = { api, slug, days };
    void this.load();
  }

  async load(): Promise<void> {
    const insights = this.insights;
    if (!insights) return;
    const generation = ++this.#generation;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    const result = await this.fetch(insights, this.host.days);
    if (generation !== this.#generation) return;
    this.loading = false;
    if (result.ok) this.data = result.data;
    else this.error = result.error;
    this.host.requestUpdate();
  }
}
