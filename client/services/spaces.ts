import type { Result } from '../../shared/protocol/result.js';
import type { Space } from '../../shared/schemas/spaces.js';
import type { ApiClient } from './api.js';

export function fetchSpace(api: ApiClient, slug: string): Promise<Result<Space>> {
  return api.get<Space>(`/api/v1/spaces/${encodeURIComponent(slug)}`);
}
