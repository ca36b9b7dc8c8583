export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Sends the pending trailing call now, if there is one. */
  flush(): void;
  /** Drops the pending trailing call. */
  cancel(): void;
}

/**
 * Calls `fn` at most once per `intervalMs`: the first call goes at once, later ones are
 * folded into one trailing call with the newest arguments, so the last value always
 * arrives (live drafts must end on what was really typed).
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number, timers: Timers = realTimers): Throttled<A> {
  let lastSent = -Infinity;
  let pending: A | null = null;
  let timer: unknown = null;

  const send = (args: A) => {
    lastSent = timers.now();
    pending = null;
    fn(...args);
  };
  const clear = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const throttled = ((...args: A) => {
    const wait = lastSent + intervalMs - timers.now();
    if (wait <= 0 && timer === null) return send(args);
    pending = args;
    if (timer === null) {
      timer = timers.setTimeout(() => {
        timer = null;
        if (pending) send(pending);
      }, Math.max(0, wait));
    }
  }) as Throttled<A>;

  throttled.flush = () => {
    clear();
    if (pending) send(pending);
  };
  throttled.cancel = () => {
    clear();
    pending = null;
  };
  return throttled;
}

/** Calls `fn` once `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
