import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

/**
 * A full garbage collection. `npm run bench` starts node with --expose-gc; elsewhere (Vitest
 * workers) the flag is switched on at run time, which V8 allows for `gc` alone.
 */
export function fullGc(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  // Twice: the first pass can leave objects whose finalizers free more.
  collect();
  collect();
}

/** heapUsed after a full collection, in bytes. */
export function settledHeap(): number {
  fullGc();
  return process.memoryUsage().heapUsed;
}

export const toMB = (bytes: number) => bytes / 2 ** 20;
