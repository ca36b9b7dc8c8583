import type { Result } from '../../../shared/protocol/result.js';
import type { Analytics, AnalyticsMetric, Catalysts, InviteHostResult } from '../../../shared/schemas/insights.js';
import type { Note, Spotlight } from '../../../shared/schemas/people.js';
import type { ApiClient } from '../../services/api.js';

/**
 * Catalysts and analytics of one space (server/features/insights), and the three things staff do
 * for a catalyst: spotlight and note (server/features/people), invite to host (insights). Writes
 * that may be retried carry an `Idempotency-Key` made once per submission by the caller.
 */
export class InsightsApi {
  constructor(
    private readonly api: ApiClient,
    private readonly slug: string,
  ) {}

  get #base(): string {
    return `/api/v1/spaces/${encodeURIComponent(this.slug)}`;
  }

  #person(userId: string): string {
    return `${this.#base}/people/${encodeURIComponent(userId)}`;
  }

  catalysts(days: number): Promise<Result<Catalysts>> {
    return this.api.get<Catalysts>(`${this.#base}/catalysts?days=${days}`);
  }

  analytics(days: number): Promise<Result<Analytics>> {
    return this.api.get<Analytics>(`${this.#base}/analytics?days=${days}`);
  }

  /** A plain link: the browser downloads it with the session cookie. */
  csvHref(metric: AnalyticsMetric, days: number): string {
    return `${this.#base}/analytics.csv?days=${days}&metric=${encodeURIComponent(metric)}`;
  }

  /** A public thank-you on their profile and in the space; `waveId` names the contribution. */
  spotlight(userId: string, text: string, idempotencyKey: string, waveId?: string): Promise<Result<Spotlight>> {
    return this.api.post<Spotlight>(`${this.#person(userId)}/spotlight`, { text, ...(waveId ? { waveId } : {}) }, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /** A note the space's staff share about the person. */
  addNote(userId: string, text: string): Promise<Result<Note>> {
    return this.api.post<Note>(`${this.#person(userId)}/notes`, { text });
  }

  inviteToHost(userId: string, message: string, idempotencyKey: string): Promise<Result<InviteHostResult>> {
    return this.api.post<InviteHostResult>(`${this.#person(userId)}/invite-host`, message ? { message } : {}, { headers: { 'Idempotency-Key': idempotencyKey } });
  }
}
