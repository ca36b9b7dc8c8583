import type { ZodType, z } from 'zod';
import type { Result } from '../../shared/protocol/result.js';
import { AppError, invalidInput, toAppError } from '../http/errors.js';
import type { Logger } from '../lib/logger.js';
import type { AppSocket } from './io.js';

/**
 * Wraps a socket event handler: validates the payload, runs the handler, and always
 * acknowledges with Result<T>. Unknown errors are logged and answered generically.
 */
export function defineHandler<S extends ZodType, T>(
  socket: AppSocket,
  log: Logger,
  schema: S,
  run: (input: z.output<S>) => Promise<T>,
) {
  return async (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: Result<T>) => void) : () => {};
    try {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw invalidInput(parsed.error);
      reply({ ok: true, data: await run(parsed.data) });
    } catch (err) {
      const appError = err instanceof AppError ? err : toAppError(err, log.child({ socket: socket.id }));
      reply({ ok: false, error: appError.toBody() });
    }
  };
}
