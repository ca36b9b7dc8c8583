import type { Result } from '../../shared/protocol/result.js';
import type {
  CafeTable,
  Conversation,
  FloorPage,
  Hand,
  PromoteResult,
  SeatResult,
  TableMessage,
} from '../../shared/schemas/cafe.js';
import type { CafeFilters } from '../fan/router.js';
import type { ApiClient } from './api.js';
import { send } from './socket-writes.js';
import type { AppSocket } from './socket.js';

const v1 = '/api/v1';
const seg = encodeURIComponent;

export interface OpenTableInput {
  topic: string;
  tags: string[];
  /** Omitted: the space's default; the server clamps it to the space's maximum. */
  capacity?: number;
}

export interface PromoteInput {
  title: string;
  tags: string[];
  messageIds: string[];
}

// ---- REST

/** A page of the floor: open tables, most recently active first, filtered as the address says. */
export function listTables(api: ApiClient, slug: string, filters: CafeFilters, cursor: string | null, limit = 20): Promise<Result<FloorPage>> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.tag) params.set('tag', filters.tag);
  if (cursor) params.set('cursor', cursor);
  return api.get(`${v1}/spaces/${seg(slug)}/tables?${params}`);
}

/** Opens a table; the opener hosts it and sits down (leaving their other table in the space). */
export function openTable(api: ApiClient, slug: string, input: OpenTableInput): Promise<Result<CafeTable>> {
  return api.post(`${v1}/spaces/${seg(slug)}/tables`, input);
}

/** Closed tables the viewer sat at, latest visit first. */
export function earlierTables(api: ApiClient, slug: string, limit = 20): Promise<Result<CafeTable[]>> {
  return api.get(`${v1}/spaces/${seg(slug)}/tables/earlier?limit=${limit}`);
}

/** One table as on the floor (also a closed one): what a person who is not seated may see. */
export function getTable(api: ApiClient, tableId: string): Promise<Result<CafeTable>> {
  return api.get(`${v1}/tables/${seg(tableId)}`);
}

/** Arriving at a table: the summary, the last messages, hands up and the stream head (seated people and staff). */
export function getConversation(api: ApiClient, tableId: string, limit = 50): Promise<Result<Conversation>> {
  return api.get(`${v1}/tables/${seg(tableId)}/conversation?limit=${limit}`);
}

/** The host (or staff) changes the topic. */
export function editTopic(api: ApiClient, tableId: string, topic: string): Promise<Result<CafeTable>> {
  return api.patch(`${v1}/tables/${seg(tableId)}`, { topic });
}

/** Staff: no new fan seats, only staff write (or undo that). */
export function lockTable(api: ApiClient, tableId: string, locked: boolean): Promise<Result<CafeTable>> {
  return api.post(`${v1}/tables/${seg(tableId)}/lock`, { locked });
}

/** Staff: everyone stands up now; the history stays. */
export function closeTable(api: ApiClient, tableId: string): Promise<Result<CafeTable>> {
  return api.post(`${v1}/tables/${seg(tableId)}/close`);
}

/** Staff: start a wave from picked messages (the notepad becomes its first draft). */
export function promoteTable(api: ApiClient, tableId: string, input: PromoteInput, idempotencyKey: string): Promise<Result<PromoteResult>> {
  return api.post(`${v1}/tables/${seg(tableId)}/promote`, input, { headers: { 'Idempotency-Key': idempotencyKey } });
}

// ---- socket

/** Joins the floor's live room; acks the first page (filtered as asked), then `floor:delta` batches (unfiltered) arrive. */
export function watchFloor(socket: AppSocket, slug: string, filters: Partial<CafeFilters> = {}): Promise<Result<{ page: FloorPage }>> {
  const { topic, tag } = filters;
  return send(socket, 'floor:watch', { slug, ...(topic ? { topic } : {}), ...(tag ? { tag } : {}) }, { attempts: 2 });
}

/** Leaves the floor's room; fire-and-forget (the page is gone either way). */
export function unwatchFloor(socket: AppSocket, slug: string): void {
  if (socket.connected) socket.emit('floor:unwatch', { slug }, () => {});
}

/** Sits down (a staff seat for staff); TABLE_FULL carries `alternative`. Repeating it is harmless. */
export function joinTable(socket: AppSocket, tableId: string): Promise<Result<SeatResult>> {
  return send(socket, 'table:join', { tableId });
}

export function leaveTable(socket: AppSocket, tableId: string): Promise<Result<null>> {
  return send(socket, 'table:leave', { tableId });
}

/** Says something at the table; the ack means it is stored (visible, or held for review). */
export function say(socket: AppSocket, tableId: string, body: string, idempotencyKey: string): Promise<Result<{ message: TableMessage }>> {
  return send(socket, 'table:say', { tableId, body, idempotencyKey });
}

/** Typing indicator; fire-and-forget (a lost one is replaced by the next). */
export function sendTyping(socket: AppSocket, tableId: string, typing: boolean): void {
  if (socket.connected) socket.emit('table:typing', { tableId, typing }, () => {});
}

export function raiseHand(socket: AppSocket, tableId: string, question: string, idempotencyKey: string): Promise<Result<{ hand: Hand | null }>> {
  const asked = question.trim();
  return send(socket, 'table:hand', { tableId, raised: true, ...(asked ? { question: asked } : {}), idempotencyKey });
}

export function lowerHand(socket: AppSocket, tableId: string, idempotencyKey: string): Promise<Result<{ hand: Hand | null }>> {
  return send(socket, 'table:hand', { tableId, raised: false, idempotencyKey });
}

/** Staff: answer a raised hand (lowers it, records the wait). */
export function answerHand(socket: AppSocket, handId: string, idempotencyKey: string): Promise<Result<{ hand: Hand }>> {
  return send(socket, 'table:answer', { handId, idempotencyKey });
}
