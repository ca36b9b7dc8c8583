import type { Result } from '../../shared/protocol/result.js';
import type { Space } from '../../shared/schemas/spaces.js';
import type { StreamEvent } from '../../shared/schemas/streams.js';
import type { ApiClient } from './api.js';

export function fetchSpace(api: ApiClient, slug: string): Promise<Result<Space>> {
  return api.get<Space>(`/api/v1/spaces/${encodeURIComponent(slug)}`);
}

/** The newest announcements and the space stream's head, so live events can follow on without a full replay. */
export function fetchAnnouncements(api: ApiClient, slug: string, limit = 5): Promise<Result<{ items: StreamEvent[]; head: number }>> {
  return api.get(`/api/v1/spaces/${encodeURIComponent(slug)}/announcements?limit=${limit}`);
}
