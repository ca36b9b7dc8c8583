import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canPin, openFilesLimit, pinSelf, startServerProcess, type ServerProcess } from '../scenarios/cafe-procs.js';

/**
 * What the connection scenarios (idle, storm, drop, floor) share about running a server in a
 * process of its own and this process as the load generator, on top of the cafe's process
 * helpers (bench/scenarios/cafe-procs.ts): the server pinned to one core and the generator to
 * the other, the generator's own CPU checked against a limit, a heap probe into the server
 * process, and how many sockets the open-files limit allows.
 */

export const SERVER_CORE = 0;
export const GENERATOR_CORE = 1;
/** A run is invalid when the load generator used more of its core than this while measuring (as the cafe's). */
export const GENERATOR_CPU_LIMIT = 0.85;

const PROBED = join(import.meta.dirname, '..', 'servers', 'probed.ts');

/** Pins this process to the generator's core for `work` (when `pin` and taskset allow), then puts the affinity back. */
export async function asPinnedGenerator<T>(pin: boolean, work: (pinned: boolean) => Promise<T>): Promise<T> {
  const pinned = pin && canPin();
  const restore = pinned ? pinSelf(GENERATOR_CORE) : () => {};
  try {
    return await work(pinned);
  } finally {
    restore();
  }
}

/** This process's CPU (all threads) over a window, as a share of one core: 0.5 is half a core. */
export function cpuMeter(): { stop(): number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  return {
    stop() {
      const cpu = process.cpuUsage(cpu0);
      return (cpu.user + cpu.system) / 1000 / Math.max(1, performance.now() - wall0);
    },
  };
}

/**
 * How long a process's main thread has waited, runnable, for a CPU (ms, since it started), from
 * /proc/<pid>/schedstat; NaN where the kernel does not tell. Over a window, waiting ÷ wall time
 * says how much the machine's other work held it back: pinning keeps our two processes apart,
 * not the rest of the machine away from their cores.
 */
export function runQueueWaitMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
    return Number(fields[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** The share of a window that a process's main thread spent waiting for a CPU: `stop()` returns 0–1 (NaN without schedstat). */
export function waitMeter(pid: number): { stop(): number } {
  const wait0 = runQueueWaitMs(pid);
  const wall0 = performance.now();
  return { stop: () => (runQueueWaitMs(pid) - wait0) / Math.max(1, performance.now() - wall0) };
}

export interface HeapReport {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

export interface ProbedServer extends ServerProcess {
  /** `process.memoryUsage()` of the server process right after a forced full GC there. */
  heap(): Promise<HeapReport>;
}

/**
 * Starts a server entry in its own process (pinned to the server core when `pin`), with the heap
 * probe of bench/servers/probed.ts beside it on a Unix socket in a temporary directory.
 */
export async function startProbedServer(
  entry: string,
  args: string[],
  options: { pin: boolean; env?: Record<string, string> },
): Promise<ProbedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-probe-'));
  const socketPath = join(dir, 'probe.sock');
  let server: ServerProcess;
  try {
    server = await startServerProcess(PROBED, [entry, ...args], options.pin ? SERVER_CORE : null, {
      env: { ...options.env, BENCH_PROBE_SOCKET: socketPath },
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  return {
    ...server,
    heap: () => probeHeap(socketPath),
    async kill() {
      await server.kill();
      cleanup();
    },
    async stop(signal, timeoutMs) {
      await server.stop(signal, timeoutMs);
      cleanup();
    },
  };
}

function probeHeap(socketPath: string): Promise<HeapReport> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/heap', timeout: 60_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body) as HeapReport);
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('heap probe timed out')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * How many client sockets this process may open: the wanted number, or fewer when the
 * open-files limit (`ulimit -n`, shared by the server process, which inherits it) leaves less
 * room after `reserve` descriptors for everything else. `note` says so plainly when it cut.
 */
export function socketBudget(wanted: number, { perClient = 1, reserve = 256 } = {}): { n: number; limit: number | null; note: string | null } {
  const limit = openFilesLimit();
  if (limit === null) return { n: wanted, limit, note: null };
  const room = Math.floor((limit - reserve) / perClient);
  if (wanted <= room) return { n: wanted, limit, note: null };
  return {
    n: Math.max(1, room),
    limit,
    note: `ran ${room.toLocaleString('en-US')} connections, not the ${wanted.toLocaleString('en-US')} asked for: the open files limit here is ${limit.toLocaleString('en-US')} (ulimit -n)`,
  };
}

/** Runs `work(i)` for i = 0 … n − 1, at most `concurrency` at a time; resolves when all are done (rejects on the first failure). */
export async function inPool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

/** Rejects with `what` after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A small seeded PRNG (xorshift32) in [0, 1), so runs pick the same "random" times. */
export function seededRandom(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}
