import type { ZodType, z } from 'zod';
import type { ClientToServerEvents } from '../../shared/protocol/events.js';
import type { Result } from '../../shared/protocol/result.js';
import { AppError, invalidInput, toAppError } from '../http/errors.js';
import type { Logger } from '../lib/logger.js';
import type { AppSocket } from './io.js';

type Handler = (socket: AppSocket, payload: unknown, ack: unknown) => Promise<void>;

/**
 * Every socket event the server answers, made once at start and shared by all sockets: a socket
 * gets one dispatching listener and one disconnect listener, not a closure per event (ten
 * thousand idle connections carried twenty-odd handlers each before).
 *
 * A handler validates its payload and always acknowledges with `Result<T>`; unknown errors are
 * logged and answered generically.
 */
export class SocketEvents {
  private readonly handlers = new Map<string, Handler>();
  private readonly disconnects: ((socket: AppSocket) => void)[] = [];
  private readonly dispatch: (this: AppSocket, event: string, payload?: unknown, ack?: unknown) => void;
  private readonly disconnected: (this: AppSocket) => void;

  constructor(private readonly log: Logger) {
    const { handlers, disconnects } = this;
    this.dispatch = function (event, payload, ack) {
      const handler = handlers.get(event);
      if (handler) void handler(this, payload, ack);
    };
    this.disconnected = function () {
      for (const run of disconnects) run(this);
    };
  }

  on<S extends ZodType, T>(event: keyof ClientToServerEvents & string, schema: S, run: (socket: AppSocket, input: z.output<S>) => Promise<T>): void {
    if (this.handlers.has(event)) throw new Error(`socket event ${event} has two handlers`);
    const log = this.log;
    this.handlers.set(event, async (socket, payload, ack) => {
      const reply = typeof ack === 'function' ? (ack as (r: Result<T>) => void) : () => {};
      try {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) throw invalidInput(parsed.error);
        reply({ ok: true, data: await run(socket, parsed.data) });
      } catch (err) {
        const appError = err instanceof AppError ? err : toAppError(err, log.child({ socket: socket.id }));
        reply({ ok: false, error: appError.toBody() });
      }
    });
  }

  onDisconnect(run: (socket: AppSocket) => void): void {
    this.disconnects.push(run);
  }

  /** Wires a new socket to every handler. */
  attach(socket: AppSocket): void {
    socket.onAny(this.dispatch);
    socket.on('disconnect', this.disconnected);
  }
}
