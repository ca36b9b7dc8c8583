import type { EventEmitter } from 'node:events';

/** Retries an assertion until it passes or the time is up; tests never sleep a fixed time. */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 5000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** Resolves with the arguments of the next `event` (or rejects after `timeoutMs`). */
export function waitFor<T = unknown>(
  emitter: Pick<EventEmitter, 'once' | 'off'> | { once(e: string, f: (...a: any[]) => void): unknown; off(e: string, f: (...a: any[]) => void): unknown },
  event: string,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, handler);
      reject(new Error(`timed out waiting for "${event}"`));
    }, timeoutMs);
    const handler = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    emitter.once(event, handler);
  });
}
