import type { Result } from '../../../shared/protocol/result.js';
import type { Pipeline } from '../../../shared/schemas/pipeline.js';
import type { ApiClient } from '../../services/api.js';

/** The ideas pipeline of a space (staff): waves by status with breadth and merge candidates. */
export function getPipeline(api: ApiClient, slug: string, limit = 50): Promise<Result<Pipeline>> {
  return api.get(`/api/v1/spaces/${encodeURIComponent(slug)}/pipeline?limit=${limit}`);
}
