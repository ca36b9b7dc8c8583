import type { Result } from '../../../shared/protocol/result.js';
import type { StaffFloor } from '../../../shared/schemas/staff-floor.js';
import type { StreamEvent } from '../../../shared/schemas/streams.js';
import type { ApiClient } from '../../services/api.js';
import { send } from '../../services/socket-writes.js';
import type { AppSocket } from '../../services/socket.js';

const seg = encodeURIComponent;

/** Joins the space's staff floor room; acks the whole staff floor, then `staff-floor:delta` batches arrive. */
export function watchStaffFloor(socket: AppSocket, slug: string): Promise<Result<StaffFloor>> {
  return send(socket, 'staff-floor:watch', { slug }, { attempts: 2, timeoutMs: 15_000 });
}

/** Leaves the room (fire-and-forget: the page is gone either way). */
export function unwatchStaffFloor(socket: AppSocket, slug: string): void {
  if (socket.connected) socket.emit('staff-floor:unwatch', { slug }, () => {});
}

/** The staff floor once, over REST. */
export function getStaffFloor(api: ApiClient, slug: string): Promise<Result<StaffFloor>> {
  return api.get(`/api/v1/spaces/${seg(slug)}/staff-floor`);
}

/** An announcement to the space, which also reaches every open table; the key makes a retry safe. */
export function announceToTables(api: ApiClient, slug: string, text: string, idempotencyKey: string): Promise<Result<{ event: StreamEvent }>> {
  return api.post(`/api/v1/spaces/${seg(slug)}/announcements`, { text }, { headers: { 'Idempotency-Key': idempotencyKey } });
}
