import type { Result } from '../../shared/protocol/result.js';
import type { Blip, PostBlipEvent, Reaction, ReactionCount } from '../../shared/schemas/waves.js';
import type { ApiClient } from './api.js';
import { send, type SendOptions } from './socket-writes.js';
import type { AppSocket } from './socket.js';

export interface BlipPage {
  items: Blip[];
  nextCursor: string | null;
}

export interface BlipRevision {
  body: string;
  at: string;
}

export function listBlips(api: ApiClient, waveId: string, cursor: string | null): Promise<Result<BlipPage>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return api.get(`/api/v1/waves/${encodeURIComponent(waveId)}/blips${query}`);
}

export async function listRevisions(api: ApiClient, blipId: string): Promise<Result<BlipRevision[]>> {
  const result = await api.get<BlipRevision[] | { items: BlipRevision[] }>(`/api/v1/blips/${encodeURIComponent(blipId)}/revisions`);
  return result.ok ? { ok: true, data: Array.isArray(result.data) ? result.data : result.data.items } : result;
}

export function postBlip(socket: AppSocket, input: PostBlipEvent, options?: SendOptions): Promise<Result<{ blip: Blip }>> {
  return send(socket, 'blip:post', input, options);
}

export function editBlip(socket: AppSocket, blipId: string, body: string, idempotencyKey: string): Promise<Result<{ blip: Blip }>> {
  return send(socket, 'blip:edit', { blipId, body, idempotencyKey });
}

export function deleteBlip(socket: AppSocket, blipId: string, idempotencyKey: string): Promise<Result<null>> {
  return send(socket, 'blip:delete', { blipId, idempotencyKey });
}

export function setReaction(socket: AppSocket, blipId: string, reaction: Reaction, on: boolean, idempotencyKey: string): Promise<Result<{ reactions: ReactionCount[] }>> {
  return send(socket, 'reaction:set', { blipId, reaction, on, idempotencyKey });
}

/** Live draft; fire-and-forget (a lost one is replaced by the next keystroke). */
export function sendDraft(socket: AppSocket, waveId: string, parentId: string | null, text: string): void {
  if (!socket.connected) return;
  socket.emit('blip:draft', { waveId, parentId, text }, () => {});
}
