import { ERROR_CODES } from '../../shared/errors.js';
import type { Result } from '../../shared/protocol/result.js';
import type { PostAnnouncementInput, StreamEvent } from '../../shared/schemas/streams.js';
import type { AppSocket } from './socket.js';

export interface PostOptions {
  /** How long to wait for each ack. */
  timeoutMs?: number;
  /** Sends in total, all with the same idempotency key, so a retry is never stored twice. */
  attempts?: number;
}

/** Posts an announcement, re-sending on a lost ack; resolves to the server's ack or a timeout error. */
export async function postAnnouncement(
  socket: AppSocket,
  input: PostAnnouncementInput,
  { timeoutMs = 5000, attempts = 3 }: PostOptions = {},
): Promise<Result<{ event: StreamEvent }>> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await socket.timeout(timeoutMs).emitWithAck('announcement:post', input);
    } catch {
      // No ack in time: the post may or may not have been stored; the same key makes resending safe.
    }
  }
  return {
    ok: false,
    error: {
      code: ERROR_CODES.INTERNAL,
      message: "The server didn't confirm the post. Check your connection and press the button again; it won't be posted twice.",
    },
  };
}
