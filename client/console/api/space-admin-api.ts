import type { Result } from '../../../shared/protocol/result.js';
import type { AuditEntry, Member, SpaceSettings } from '../../../shared/schemas/spaces.js';
import type { ApiClient } from '../../services/api.js';
import type { AuditFilters } from '../console-router.js';

/** Members are read this many at a time (the route's maximum). */
const MEMBERS_PAGE = 200;
/** Enough pages for the staff of a big space; the server has no role filter yet. */
const MEMBERS_MAX_PAGES = 10;

/** Audit log, members and settings of one space (see server/features/spaces/spaces.routes.ts). */
export class SpaceAdminApi {
  constructor(
    private readonly api: ApiClient,
    private readonly slug: string,
  ) {}

  get #base(): string {
    return `/api/v1/spaces/${encodeURIComponent(this.slug)}`;
  }

  /** Newest first; pass the last entry's `createdAt` and `id` as `before`/`beforeId` for the next page. */
  audit(
    filters: AuditFilters,
    options: { before?: string | null; beforeId?: string | null; limit?: number } = {},
  ): Promise<Result<AuditEntry[]>> {
    const params = new URLSearchParams();
    if (filters.actorId) params.set('actorId', filters.actorId);
    if (filters.action) params.set('action', filters.action);
    if (filters.targetType) params.set('targetType', filters.targetType);
    if (options.before) params.set('before', options.before);
    if (options.beforeId) params.set('beforeId', options.beforeId);
    params.set('limit', String(options.limit ?? 50));
    return this.api.get<AuditEntry[]>(`${this.#base}/audit?${params}`);
  }

  /** Every member (page by page, up to a cap), for names and the staff filter. */
  async members(): Promise<Result<Member[]>> {
    const all: Member[] = [];
    for (let page = 0; page < MEMBERS_MAX_PAGES; page++) {
      const result = await this.api.get<Member[]>(`${this.#base}/members?limit=${MEMBERS_PAGE}&offset=${page * MEMBERS_PAGE}`);
      if (!result.ok) return result;
      all.push(...result.data);
      if (result.data.length < MEMBERS_PAGE) break;
    }
    return { ok: true, data: all };
  }

  settings(): Promise<Result<SpaceSettings>> {
    return this.api.get<SpaceSettings>(`${this.#base}/settings`);
  }

  updateSettings(patch: Partial<SpaceSettings>): Promise<Result<SpaceSettings>> {
    return this.api.patch<SpaceSettings>(`${this.#base}/settings`, patch);
  }
}
