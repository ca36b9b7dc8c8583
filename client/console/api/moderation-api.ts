import type { Result } from '../../../shared/protocol/result.js';
import type { QueueItem, Sanction } from '../../../shared/schemas/moderation.js';
import type { ApiClient } from '../../services/api.js';
import type { QueueTab } from '../console-router.js';

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

export interface BulkResult {
  done: string[];
  /** Items another moderator decided first: left as they were. */
  alreadyHandled: { id: string; status: QueueItem['status']; by: string | null }[];
}

export interface SanctionInput {
  userId: string;
  kind: Sanction['kind'];
  /** Suspensions only. */
  days?: number;
  reason: string;
}

/** The moderation routes of one space, as `Result`s (see server/features/moderation/moderation.routes.ts). */
export class ModerationApi {
  constructor(
    private readonly api: ApiClient,
    private readonly slug: string,
  ) {}

  get #base(): string {
    return `/api/v1/spaces/${encodeURIComponent(this.slug)}`;
  }

  #item(itemId: string): string {
    return `${this.#base}/moderation/items/${encodeURIComponent(itemId)}`;
  }

  queue(tab: QueueTab, options: { cursor?: string | null; limit?: number } = {}): Promise<Result<QueuePage>> {
    const params = new URLSearchParams({ tab });
    if (options.cursor) params.set('cursor', options.cursor);
    if (options.limit) params.set('limit', String(options.limit));
    return this.api.get<QueuePage>(`${this.#base}/moderation/queue?${params}`);
  }

  approve(itemId: string, note?: string): Promise<Result<QueueItem>> {
    return this.api.post<QueueItem>(`${this.#item(itemId)}/approve`, note ? { note } : {});
  }

  reject(itemId: string, reason: string): Promise<Result<QueueItem>> {
    return this.api.post<QueueItem>(`${this.#item(itemId)}/reject`, { reason });
  }

  edit(itemId: string, body: string): Promise<Result<QueueItem>> {
    return this.api.patch<QueueItem>(this.#item(itemId), { body });
  }

  decideMany(itemIds: string[], action: 'approve' | 'reject', reason?: string): Promise<Result<BulkResult>> {
    return this.api.post<BulkResult>(`${this.#base}/moderation/decisions`, { itemIds, action, ...(reason ? { reason } : {}) });
  }

  rejectRecent(userId: string, reason: string): Promise<Result<{ rejected: string[] }>> {
    return this.api.post<{ rejected: string[] }>(`${this.#base}/moderation/reject-recent`, { userId, reason });
  }

  sanction(input: SanctionInput): Promise<Result<Sanction>> {
    return this.api.post<Sanction>(`${this.#base}/sanctions`, input);
  }

  lift(sanctionId: string): Promise<Result<Sanction>> {
    return this.api.delete<Sanction>(`${this.#base}/sanctions/${encodeURIComponent(sanctionId)}`);
  }

  sanctionsOf(userId: string): Promise<Result<Sanction[]>> {
    return this.api.get<Sanction[]>(`${this.#base}/members/${encodeURIComponent(userId)}/sanctions`);
  }
}
