import { ERROR_CODES } from '../../../shared/errors.js';
import type { StreamEvent, StreamEventType } from '../../../shared/schemas/streams.js';
import { streamName } from '../../../shared/streams.js';
import { AppError } from '../../http/errors.js';
import type { FollowUp, StreamLog } from '../streams/stream-log.js';
import type { WaveCounts } from '../waves/waves.counters.js';

/** New counters go to the space stream (idea lists) and the wave stream (the open wave). */
export async function announceCounts(streams: StreamLog, spaceId: string, counts: WaveCounts, actorId: string): Promise<void> {
  // Appended together: one commit for both.
  await Promise.all(countsEvents(spaceId, counts, actorId).map((event) => streams.append(event)));
}

/** `wave:counts` for the space's lists and the wave's watchers (as `followedBy` of the write that changed them). */
export function countsEvents(spaceId: string, counts: WaveCounts, actorId: string): FollowUp[] {
  return [streamName.space(spaceId), streamName.wave(counts.waveId)].map((stream) => ({ stream, type: 'wave:counts', data: counts, actorId }));
}

/** A retried key returns the first event; a key first used for another kind of write is a client bug. */
export function ofType<T extends StreamEventType>(event: StreamEvent, type: T): Extract<StreamEvent, { type: T }> {
  if (event.type !== type) {
    throw new AppError(ERROR_CODES.CONFLICT, 'This idempotency key was already used for another write; make a new one');
  }
  return event as Extract<StreamEvent, { type: T }>;
}
