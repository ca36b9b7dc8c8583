import type { Result } from '../../shared/protocol/result.js';
import type {
  Contributor,
  CreateWaveBody,
  History,
  Person,
  Playback,
  SearchHit,
  SETTABLE_STATUSES,
  SupportResult,
  UserSettings,
  WaveDetail,
  WavePage,
  WaveSummary,
} from '../../shared/schemas/waves.js';
import type { IdeasFilters } from '../fan/router.js';
import type { ApiClient } from './api.js';

const v1 = '/api/v1';
const seg = encodeURIComponent;

export function listWaves(api: ApiClient, slug: string, filters: IdeasFilters, cursor: string | null, limit = 20): Promise<Result<WavePage>> {
  const params = new URLSearchParams({ sort: filters.sort, limit: String(limit) });
  if (filters.status) params.set('status', filters.status);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.supported) params.set('supported', 'true');
  if (cursor) params.set('cursor', cursor);
  return api.get(`${v1}/spaces/${seg(slug)}/waves?${params}`);
}

/** Creates a wave; the key is made once per submission and reused when the same submission is retried. */
export function createWave(api: ApiClient, slug: string, body: CreateWaveBody, idempotencyKey: string): Promise<Result<WaveDetail | WaveSummary | { wave: WaveSummary }>> {
  return api.post(`${v1}/spaces/${seg(slug)}/waves`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** The created wave's id, whichever shape the create answer has. */
export function createdWaveId(data: WaveDetail | WaveSummary | { wave: WaveSummary }): string {
  return 'wave' in data ? data.wave.id : data.id;
}

export function getWave(api: ApiClient, waveId: string): Promise<Result<WaveDetail>> {
  return api.get(`${v1}/waves/${seg(waveId)}`);
}

export async function getContributors(api: ApiClient, waveId: string): Promise<Result<Contributor[]>> {
  const result = await api.get<Contributor[] | { items: Contributor[] }>(`${v1}/waves/${seg(waveId)}/contributors`);
  return result.ok ? { ok: true, data: listOf(result.data) } : result;
}

export function setSupport(api: ApiClient, waveId: string, support: boolean): Promise<Result<SupportResult>> {
  const path = `${v1}/waves/${seg(waveId)}/support`;
  return support ? api.put(path) : api.delete(path);
}

export function changeStatus(api: ApiClient, waveId: string, status: (typeof SETTABLE_STATUSES)[number], reason: string): Promise<Result<unknown>> {
  return api.post(`${v1}/waves/${seg(waveId)}/status`, { status, reason });
}

export function setLocked(api: ApiClient, waveId: string, locked: boolean): Promise<Result<unknown>> {
  return api.post(`${v1}/waves/${seg(waveId)}/lock`, { locked });
}

export function pinBlip(api: ApiClient, waveId: string, blipId: string | null): Promise<Result<unknown>> {
  return api.post(`${v1}/waves/${seg(waveId)}/pin`, { blipId });
}

export function mergeWave(api: ApiClient, waveId: string, into: string, reason: string): Promise<Result<unknown>> {
  return api.post(`${v1}/waves/${seg(waveId)}/merge`, { into, reason });
}

export async function search(api: ApiClient, slug: string, q: string, limit = 20): Promise<Result<SearchHit[]>> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  const result = await api.get<SearchHit[] | { items: SearchHit[] }>(`${v1}/spaces/${seg(slug)}/search?${params}`);
  return result.ok ? { ok: true, data: listOf(result.data) } : result;
}

export async function findPeople(api: ApiClient, slug: string, q: string, limit = 8): Promise<Result<Person[]>> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  const result = await api.get<Person[] | { items: Person[] }>(`${v1}/spaces/${seg(slug)}/people?${params}`);
  return result.ok ? { ok: true, data: listOf(result.data) } : result;
}

export function getHistory(api: ApiClient, waveId: string): Promise<Result<History>> {
  return api.get(`${v1}/waves/${seg(waveId)}/history`);
}

export function getPlayback(api: ApiClient, waveId: string, updateId: number, at?: string): Promise<Result<Playback>> {
  const moment = at ? `&at=${encodeURIComponent(at)}` : '';
  return api.get(`${v1}/waves/${seg(waveId)}/playback?updateId=${updateId}${moment}`);
}

export function getSettings(api: ApiClient): Promise<Result<UserSettings>> {
  return api.get(`${v1}/me/settings`);
}

export function updateSettings(api: ApiClient, settings: Partial<UserSettings>): Promise<Result<UserSettings>> {
  return api.patch(`${v1}/me/settings`, settings);
}

/** Lists arrive bare; tolerate a `{items}` envelope too, so a paging change on the server does not blank the page. */
function listOf<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : (data?.items ?? []);
}
