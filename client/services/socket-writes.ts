import { ERROR_CODES } from '../../shared/errors.js';
import type { ClientToServerEvents } from '../../shared/protocol/events.js';
import type { Ack, Result } from '../../shared/protocol/result.js';
import { msg } from '../i18n/app.js';
import type { AppSocket } from './socket.js';

export type EventName = keyof ClientToServerEvents;
export type EventInput<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
export type EventAck<E extends EventName> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

export interface SendOptions {
  /** How long to wait for each ack. */
  timeoutMs?: number;
  /** Sends in total. Writes carry an idempotency key, so a re-send after a lost ack is stored once. */
  attempts?: number;
}


/**
 * Emits a client→server event and waits for its `Result` ack, re-sending the same payload
 * (same idempotency key) when an ack does not arrive in time.
 */
export async function send<E extends EventName>(
  socket: AppSocket,
  event: E,
  input: EventInput<E>,
  { timeoutMs = 5000, attempts = 3 }: SendOptions = {},
): Promise<Result<EventAck<E>>> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      // The typed overloads cannot follow a generic event name; the signature above carries the types.
      const emitter = socket.timeout(timeoutMs) as unknown as {
        emitWithAck(event: string, input: unknown): Promise<Result<EventAck<E>>>;
      };
      return await emitter.emitWithAck(event, input);
    } catch {
      // No ack in time; the same payload may be re-sent safely.
    }
  }
  return { ok: false, error: { code: ERROR_CODES.INTERNAL, message: msg("The server didn't confirm. Check your connection and try again; it won't be done twice.") } };
}
